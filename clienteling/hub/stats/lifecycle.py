"""Lifecycle stages of a store's customers at a period's start and end, counted in SQL.

`stage_case` is `domain.lifecycle.stage_from_summary` as a SQL CASE over a purchase count
and the newest purchase time (ISO strings in UTC compare as times), built from the same
constants; the counts and the drill-down use its split form: SQL classes the newest
purchase (`_idle_class`: active, at risk, lapsed) and `stage_of` names the stage of a
(purchases, class) pair. tests/hub/test_stats_lifecycle.py checks both against the domain
rule at every boundary. Counting in SQL sends a few dozen rows to Python instead of one
per customer.

The count and newest purchase before an instant t come from the purchase facts (one row
per customer, `hub.purchase_facts`), not the orders: before t a customer has 0, 1 or
"2 or more" purchases as the first and second purchase fall before t, and the newest one
is the last purchase when that is before t, else the start of the long pause (gap) t
falls in, else within `AT_RISK_DAYS` of t (active, so only the count decides the stage).
Past periods are therefore exact too, without reading a single order.
"""

from __future__ import annotations

from collections import Counter
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


def _gap_at(
    at: str, name: str, customer_id: sa.ColumnElement[Any] | None = None
) -> tuple[Any, sa.ColumnElement[bool]]:
    gap = customer_purchase_gaps.alias(name)
    of = customers.c.id if customer_id is None else customer_id
    on = sa.and_(gap.c.customer_id == of, gap.c.from_at < at, gap.c.to_at >= at)
    return gap, on


def lifecycle_counts(
    conn: Connection,
    *,
    store_id: str,
    start: str,
    end: str,
    now: datetime,
    scanned: Counter[str] | None = None,
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Customers per stage at the end (`min(end, now)`), and the moves between the stage
    at the start and at the end ("new" -> stage for those who joined in the period);
    `scanned` (if given) gets the rows read per table.

    Three reads, none of the customers' rows themselves:

    - the store's facts rows (home store and creation time are copied there), grouped
      in SQL by what the stage rule reads at the start and at the end (joined in the
      period, purchases up to 2, how long idle: at most 2 x 3 x 3 x 3 x 3 groups) as if
      no long pause covered either instant; `stage_of` names each group's stages;
    - the long pauses that do cover the start or the end (`customer_purchase_gaps`, a
      few per thousand customers): those customers move from the group the first read
      put them in to the one their pause says;
    - the customers without facts (never bought, or returned everything): acquisition at
      both instants, "new" at the start if they joined in the period; counted as the
      store's customers (an index-only count) less the facts rows.
    """
    start_at, end_at = datetime.fromisoformat(start), datetime.fromisoformat(end)
    end_instant = min(end_at, now)
    joined = (_FACTS.c.joined_at >= start).label("joined")
    columns = (
        joined,
        _purchases_before(start).label("n_start"),
        _idle_class(start, None, now=start_at).label("idle_start"),
        _purchases_before(end).label("n_end"),
        _idle_class(end, None, now=end_instant).label("idle_end"),
    )
    mine = sa.and_(_FACTS.c.home_store_id == store_id, _FACTS.c.joined_at < end)
    groups: Counter[tuple[bool, int, int, int, int]] = Counter()
    facts_rows = 0
    for is_new, n_start, idle_start, n_end, idle_end, n in conn.execute(
        sa.select(*columns, sa.func.count()).where(mine).group_by(*columns)
    ):
        groups[(bool(is_new), int(n_start), int(idle_start), int(n_end), int(idle_end))] += n
        facts_rows += int(n)
    gap_rows = _pauses_at_start_or_end(
        conn, groups, store_id=store_id, start=start, end=end, end_instant=end_instant
    )
    joined_now = customers.c.created_at >= start
    people = (
        sa.select(joined_now, sa.func.count())
        .where(customers.c.home_store_id == store_id, customers.c.created_at < end)
        .group_by(joined_now)
    )
    counted = 0
    for is_new, n in conn.execute(people):
        counted += int(n)
        bought = sum(v for k, v in groups.items() if k[0] == bool(is_new))
        if int(n) > bought:
            groups[(bool(is_new), 0, ACTIVE, 0, ACTIVE)] += int(n) - bought
    if scanned is not None:
        scanned["customers"] += counted  # index entries counted, not rows read
        scanned["customer_purchase_facts"] += facts_rows
        scanned["customer_purchase_gaps"] += gap_rows
    stages: dict[str, int] = {}
    moves: dict[tuple[str, str], int] = {}
    found: Counter[tuple[str, str]] = Counter()
    for (is_new, n_start, idle_start, n_end, idle_end), n in groups.items():
        before = NEW_STAGE if is_new else stage_of(n_start, idle_start)
        found[(before, stage_of(n_end, idle_end))] += n
    for (before, after), n in found.items():
        if n:
            stages[after] = stages.get(after, 0) + n
            if before != after:
                moves[(before, after)] = n
    return stages, moves


def _pauses_at_start_or_end(
    conn: Connection,
    groups: Counter[tuple[bool, int, int, int, int]],
    *,
    store_id: str,
    start: str,
    end: str,
    end_instant: datetime,
) -> int:
    """Move the customers a long pause covers at the start or the end to their group
    (see `lifecycle_counts`); returns the pauses read."""
    gaps = customer_purchase_gaps
    covers = sa.or_(
        sa.and_(gaps.c.from_at < start, gaps.c.to_at >= start),
        sa.and_(gaps.c.from_at < end, gaps.c.to_at >= end),
    )
    query = (
        sa.select(
            gaps.c.customer_id,
            gaps.c.from_at,
            gaps.c.to_at,
            (_FACTS.c.joined_at >= start).label("joined"),
            _purchases_before(start).label("n_start"),
            _idle_class(start, None, now=datetime.fromisoformat(start)).label("idle_start"),
            _purchases_before(end).label("n_end"),
            _idle_class(end, None, now=end_instant).label("idle_end"),
        )
        .select_from(gaps.join(_FACTS, _FACTS.c.customer_id == gaps.c.customer_id))
        .where(covers, _FACTS.c.home_store_id == store_id, _FACTS.c.joined_at < end)
    )
    assumed: dict[str, tuple[bool, int, int, int, int]] = {}
    pause_from: dict[tuple[str, str], str] = {}  # (customer, "start" | "end") -> from_at
    rows = 0
    for r in conn.execute(query):
        rows += 1
        customer_id = str(r.customer_id)
        assumed[customer_id] = (
            bool(r.joined),
            int(r.n_start),
            int(r.idle_start),
            int(r.n_end),
            int(r.idle_end),
        )
        for name, at in (("start", start), ("end", end)):
            if r.from_at < at <= r.to_at:
                pause_from[(customer_id, name)] = str(r.from_at)
    start_at = datetime.fromisoformat(start)
    for customer_id, key in assumed.items():
        is_new, n_start, idle_start, n_end, idle_end = key
        if (customer_id, "start") in pause_from:
            idle_start = _idle_of(pause_from[(customer_id, "start")], now=start_at)
        if (customer_id, "end") in pause_from:
            idle_end = _idle_of(pause_from[(customer_id, "end")], now=end_instant)
        groups[key] -= 1
        groups[(is_new, n_start, idle_start, n_end, idle_end)] += 1
    return rows


def _idle_of(newest: str, *, now: datetime) -> int:
    """`_idle_class`'s bucket in Python, for a newest purchase at `newest` (ISO text,
    compared as text, as SQL does)."""
    if newest <= iso(now - timedelta(days=LAPSED_DAYS)):
        return LAPSED
    if newest <= iso(now - timedelta(days=AT_RISK_DAYS)):
        return AT_RISK
    return ACTIVE


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


def _idle_class(at: str, gap: Any | None, *, now: datetime) -> sa.ColumnElement[int]:
    """LAPSED, AT_RISK or ACTIVE: where the newest purchase before `at` (the last one if
    before `at`, else the start of the long pause `gap` covering `at` if any) falls
    against `stage_case`'s thresholds seen at `now` (meaningless without a purchase
    before `at`; `gap` None: as if no pause covered `at`). Outside every long pause the newest
    purchase is less than AT_RISK_DAYS before `at`, and `now` is never after `at`."""
    lapsed = iso(now - timedelta(days=LAPSED_DAYS))
    at_risk = iso(now - timedelta(days=AT_RISK_DAYS))

    def bucket(newest: sa.ColumnElement[Any]) -> sa.ColumnElement[int]:
        return sa.case((newest <= lapsed, LAPSED), (newest <= at_risk, AT_RISK), else_=ACTIVE)

    if gap is None:
        return sa.case((_FACTS.c.last_at < at, bucket(_FACTS.c.last_at)), else_=ACTIVE)
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
    `stage` at the end of the period, most recent buyers first: one pass (the count is a
    window over the chosen ones; a second pass only for a page past the last one), over
    the store's facts for the stages of buyers (home store and creation time are copied
    there), over its customers with their facts for acquisition."""
    end_instant = min(datetime.fromisoformat(end), now)
    source: Any
    if stage == Stage.ACQUISITION.value:
        gap_end, on_end = _gap_at(end, "gap_end")
        who = customers.c.id
        source = customers.outerjoin(_FACTS, _FACTS.c.customer_id == customers.c.id)
        mine = sa.and_(customers.c.home_store_id == store_id, customers.c.created_at < end)
    else:
        gap_end, on_end = _gap_at(end, "gap_end", _FACTS.c.customer_id)
        who = _FACTS.c.customer_id
        source = _FACTS
        mine = sa.and_(_FACTS.c.home_store_id == store_id, _FACTS.c.joined_at < end)
    source = source.outerjoin(gap_end, on_end)
    chosen = _at_stage(stage, _purchases_before(end), _idle_class(end, gap_end, now=end_instant))
    mine = sa.and_(mine, chosen)
    newest = sa.case(
        (_FACTS.c.last_at.is_(None), sa.null()),
        (_FACTS.c.last_at < end, _FACTS.c.last_at),
        else_=_newest_order_before(who, end),
    ).label("newest")
    page = conn.execute(
        sa.select(who, newest, sa.func.count().over().label("total"))
        .select_from(source)
        .where(mine)
        .order_by(newest.desc().nulls_last(), who.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    if page:
        total = int(page[0].total)
    else:
        total = conn.execute(
            sa.select(sa.func.count()).select_from(source).where(mine)
        ).scalar_one()
    return int(total), [(str(c), last) for c, last, _total in page]


def _at_stage(
    stage: str, purchases: sa.ColumnElement[int], idle: sa.ColumnElement[int]
) -> sa.ColumnElement[bool]:
    """`stage_of(purchases, idle) == stage` in SQL."""
    if stage == Stage.ACQUISITION.value:
        return purchases == 0
    bought = purchases > 0
    if stage == Stage.RECOVERY.value:
        return sa.and_(bought, idle == LAPSED)
    if stage == Stage.RETENTION.value:
        return sa.and_(bought, idle == AT_RISK)
    if stage == Stage.TRIAL.value:
        return sa.and_(purchases == 1, idle == ACTIVE)
    if stage == Stage.LOYALTY.value:
        return sa.and_(purchases == 2, idle == ACTIVE)
    return sa.false()


def _newest_order_before(customer_id: sa.ColumnElement[Any], end: str) -> Any:
    """The newest kept purchase before `end` read from the orders: only for customers who
    bought again after `end` (a past period), whose facts cannot say it exactly."""
    return (
        sa.select(sa.func.max(orders.c.placed_at))
        .where(orders.c.customer_id == customer_id, KEPT_ORDER, orders.c.placed_at < end)
        .scalar_subquery()
    )
