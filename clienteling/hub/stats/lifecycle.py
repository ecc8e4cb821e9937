"""Lifecycle stages of a store's customers at a period's start and end, counted in SQL.

`stage_case` is `domain.lifecycle.stage_from_summary` as a SQL CASE over a purchase count
and the newest purchase time (ISO strings in UTC compare as times), built from the same
constants; tests/hub/test_stats_lifecycle.py checks the two agree. Counting in SQL sends
a few dozen rows to Python instead of one per customer.

The count and newest purchase before an instant t come from the purchase facts (one row
per customer, `hub.purchase_facts`), not the orders: before t a customer has 0, 1 or
"2 or more" purchases as the first and second purchase fall before t, and the newest one
is the last purchase when that is before t, else the start of the long pause (gap) t
falls in, else within `AT_RISK_DAYS` of t (active, so only the count decides the stage).
Past periods are therefore exact too, without reading a single order.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, Stage
from clienteling.hub.clock import iso
from clienteling.hub.stats.sql import KEPT_ORDER
from clienteling.hub.tables import (
    customer_purchase_facts,
    customer_purchase_gaps,
    customers,
    orders,
)

NEW_STAGE = "new"
"""`from_stage` of customers who joined during the period."""


def stage_case(
    purchases: sa.ColumnElement[Any], last_purchase: sa.ColumnElement[Any], *, now: datetime
) -> sa.ColumnElement[str]:
    """The stage of a customer with `purchases` kept purchases, the newest at
    `last_purchase`, as seen at `now`."""
    lapsed = iso(now - timedelta(days=LAPSED_DAYS))
    at_risk = iso(now - timedelta(days=AT_RISK_DAYS))
    return sa.case(
        (sa.or_(purchases == 0, last_purchase.is_(None)), Stage.ACQUISITION.value),
        (last_purchase <= lapsed, Stage.RECOVERY.value),
        (last_purchase <= at_risk, Stage.RETENTION.value),
        (purchases == 1, Stage.TRIAL.value),
        else_=Stage.LOYALTY.value,
    )


_FACTS = customer_purchase_facts


def _purchases_before(at: str) -> sa.ColumnElement[int]:
    """Kept purchases before `at`, counted up to 2 (all the stage rule needs)."""
    return sa.case(
        (sa.or_(_FACTS.c.first_at.is_(None), _FACTS.c.first_at >= at), 0),
        (sa.or_(_FACTS.c.second_at.is_(None), _FACTS.c.second_at >= at), 1),
        else_=2,
    )


def _newest_before(at: str, gap: Any) -> sa.ColumnElement[str]:
    """The newest kept purchase before `at` as far as the stage rule can tell: exact when
    the last purchase or a long pause says it, else `at` itself (less than AT_RISK_DAYS
    before `at`: the same stage)."""
    return sa.case(
        (sa.or_(_FACTS.c.first_at.is_(None), _FACTS.c.first_at >= at), sa.null()),
        (_FACTS.c.last_at < at, _FACTS.c.last_at),
        (gap.c.from_at.is_not(None), gap.c.from_at),
        else_=sa.literal(at, sa.String),
    )


def _gap_at(at: str, name: str) -> tuple[Any, sa.ColumnElement[bool]]:
    gap = customer_purchase_gaps.alias(name)
    on = sa.and_(gap.c.customer_id == customers.c.id, gap.c.from_at < at, gap.c.to_at >= at)
    return gap, on


def summaries(*, store_id: str, start: str, end: str) -> Any:
    """Per customer of the store (joined before `end`): kept purchases (count up to 2,
    newest as the stage rule needs it) before `start` and before `end`, as a subquery;
    `last_end_known` says whether `last_end` is the exact newest purchase before `end`."""
    gap_start, on_start = _gap_at(start, "gap_start")
    gap_end, on_end = _gap_at(end, "gap_end")
    last_end = _newest_before(end, gap_end)
    return (
        sa.select(
            customers.c.id.label("customer_id"),
            customers.c.created_at.label("created_at"),
            _purchases_before(start).label("n_start"),
            _newest_before(start, gap_start).label("last_start"),
            _purchases_before(end).label("n_end"),
            last_end.label("last_end"),
            _FACTS.c.last_at.label("last_at"),
        )
        .select_from(
            customers.outerjoin(_FACTS, _FACTS.c.customer_id == customers.c.id)
            .outerjoin(gap_start, on_start)
            .outerjoin(gap_end, on_end)
        )
        .where(customers.c.home_store_id == store_id, customers.c.created_at < end)
        .subquery("stage_summaries")
    )


def lifecycle_counts(
    conn: Connection, *, store_id: str, start: str, end: str, now: datetime
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Customers per stage at the end (`min(end, now)`), and the moves between the stage
    at the start and at the end ("new" -> stage for those who joined in the period).

    One pass over the store's customers with their facts: SQL groups them by what the stage
    rule reads (joined in the period, purchases up to 2 and how long idle, at the start and
    at the end: at most 2 x 3 x 3 x 3 x 3 groups), and `stage_of` names each group's stages.
    Every expression appears once per row (the CASE over the stage of a
    newest-purchase CASE, as `stage_case` nests them, made PostgreSQL evaluate the inner
    CASE once per branch)."""
    gap_start, on_start = _gap_at(start, "gap_start")
    gap_end, on_end = _gap_at(end, "gap_end")
    end_instant = min(datetime.fromisoformat(end), now)
    joined = (customers.c.created_at >= start).label("joined")
    columns = (
        joined,
        _purchases_before(start).label("n_start"),
        _idle_class(start, gap_start, now=datetime.fromisoformat(start)).label("idle_start"),
        _purchases_before(end).label("n_end"),
        _idle_class(end, gap_end, now=end_instant).label("idle_end"),
    )
    counted = (
        sa.select(*columns, sa.func.count())
        .select_from(
            customers.outerjoin(_FACTS, _FACTS.c.customer_id == customers.c.id)
            .outerjoin(gap_start, on_start)
            .outerjoin(gap_end, on_end)
        )
        .where(customers.c.home_store_id == store_id, customers.c.created_at < end)
        .group_by(*columns)
    )
    stages: dict[str, int] = {}
    moves: dict[tuple[str, str], int] = {}
    found: dict[tuple[str, str], int] = {}
    for is_new, n_start, idle_start, n_end, idle_end, n in conn.execute(counted):
        before = NEW_STAGE if is_new else stage_of(int(n_start), int(idle_start))
        after = stage_of(int(n_end), int(idle_end))
        found[(before, after)] = found.get((before, after), 0) + int(n)
    for (before, after), n in found.items():
        stages[after] = stages.get(after, 0) + n
        if before != after:
            moves[(before, after)] = n
    return stages, moves


ACTIVE, AT_RISK, LAPSED = 0, 1, 2
"""How long a customer has not bought, as the stage rule reads it (`_idle_class`)."""


def stage_of(purchases: int, idle: int) -> str:
    """`stage_case` in Python, on a purchase count and an `_idle_class`."""
    if purchases == 0:
        return Stage.ACQUISITION.value
    if idle == LAPSED:
        return Stage.RECOVERY.value
    if idle == AT_RISK:
        return Stage.RETENTION.value
    return Stage.TRIAL.value if purchases == 1 else Stage.LOYALTY.value


def _idle_class(at: str, gap: Any, *, now: datetime) -> sa.ColumnElement[int]:
    """LAPSED, AT_RISK or ACTIVE: where the newest purchase before `at` (as
    `_newest_before` finds it) falls against `stage_case`'s thresholds seen at `now`
    (meaningless without a purchase before `at`). Outside every long pause the newest
    purchase is less than AT_RISK_DAYS before `at`, and `now` is never after `at`."""
    lapsed = iso(now - timedelta(days=LAPSED_DAYS))
    at_risk = iso(now - timedelta(days=AT_RISK_DAYS))

    def bucket(newest: sa.ColumnElement[Any]) -> sa.ColumnElement[int]:
        return sa.case((newest <= lapsed, LAPSED), (newest <= at_risk, AT_RISK), else_=ACTIVE)

    return sa.case(
        (_FACTS.c.last_at < at, bucket(_FACTS.c.last_at)),
        (gap.c.from_at.is_not(None), bucket(gap.c.from_at)),
        else_=ACTIVE,  # bought less than AT_RISK_DAYS before `at`
    )


def customers_at_stage(
    conn: Connection,
    *,
    store_id: str,
    start: str,
    end: str,
    now: datetime,
    stage: str,
    limit: int,
    offset: int,
) -> tuple[int, list[tuple[str, str | None]]]:
    """(how many, a page of (customer id, last purchase)) of the store's customers at
    `stage` at the end of the period, most recent buyers first."""
    rows = summaries(store_id=store_id, start=start, end=end)
    end_instant = min(datetime.fromisoformat(end), now)
    chosen = stage_case(rows.c.n_end, rows.c.last_end, now=end_instant) == stage
    total = conn.execute(sa.select(sa.func.count()).select_from(rows).where(chosen)).scalar_one()
    newest = sa.case(
        (rows.c.last_at.is_(None), sa.null()),
        (rows.c.last_at < end, rows.c.last_at),
        else_=_newest_order_before(rows.c.customer_id, end),
    ).label("newest")
    page = conn.execute(
        sa.select(rows.c.customer_id, newest)
        .where(chosen)
        .order_by(newest.desc().nulls_last(), rows.c.customer_id.desc())
        .limit(limit)
        .offset(offset)
    )
    return int(total), [(str(c), last) for c, last in page]


def _newest_order_before(customer_id: sa.ColumnElement[Any], end: str) -> Any:
    """The newest kept purchase before `end` read from the orders: only for customers who
    bought again after `end` (a past period), whose facts cannot say it exactly."""
    return (
        sa.select(sa.func.max(orders.c.placed_at))
        .where(orders.c.customer_id == customer_id, KEPT_ORDER, orders.c.placed_at < end)
        .scalar_subquery()
    )
