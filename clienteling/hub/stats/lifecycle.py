"""Lifecycle stages of a store's customers at a period's start and end, counted in SQL.

`stage_case` is `domain.lifecycle.stage_from_summary` as a SQL CASE over a purchase count
and the newest purchase time (ISO strings in UTC compare as times), built from the same
constants; tests/hub/test_stats_lifecycle.py checks the two agree. Counting in SQL sends
a few dozen rows to Python instead of one per customer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.lifecycle import AT_RISK_DAYS, LAPSED_DAYS, Stage
from clienteling.hub.clock import iso
from clienteling.hub.stats.sql import KEPT_ORDER
from clienteling.hub.tables import customers, orders

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


def summaries(*, store_id: str, start: str, end: str) -> Any:
    """Per customer of the store (joined before `end`): kept purchases (count, newest)
    before `start` and before `end`, as a subquery."""
    before_start = orders.c.placed_at < start
    before_end = orders.c.placed_at < end
    return (
        sa.select(
            customers.c.id.label("customer_id"),
            customers.c.created_at.label("created_at"),
            sa.func.count(sa.case((before_start, orders.c.id))).label("n_start"),
            sa.func.max(sa.case((before_start, orders.c.placed_at))).label("last_start"),
            sa.func.count(sa.case((before_end, orders.c.id))).label("n_end"),
            sa.func.max(sa.case((before_end, orders.c.placed_at))).label("last_end"),
        )
        .select_from(
            customers.outerjoin(orders, sa.and_(orders.c.customer_id == customers.c.id, KEPT_ORDER))
        )
        .where(customers.c.home_store_id == store_id, customers.c.created_at < end)
        .group_by(customers.c.id, customers.c.created_at)
        .subquery("stage_summaries")
    )


def lifecycle_counts(
    conn: Connection, *, store_id: str, start: str, end: str, now: datetime
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Customers per stage at the end (`min(end, now)`), and the moves between the stage
    at the start and at the end ("new" -> stage for those who joined in the period)."""
    rows = summaries(store_id=store_id, start=start, end=end)
    end_instant = min(datetime.fromisoformat(end), now)
    at_end = stage_case(rows.c.n_end, rows.c.last_end, now=end_instant).label("at_end")
    at_start = sa.case(
        (rows.c.created_at >= start, NEW_STAGE),
        else_=stage_case(rows.c.n_start, rows.c.last_start, now=datetime.fromisoformat(start)),
    ).label("at_start")
    counted = sa.select(at_start, at_end, sa.func.count()).group_by(at_start, at_end)
    stages: dict[str, int] = {}
    moves: dict[tuple[str, str], int] = {}
    for before, after, n in conn.execute(counted):
        stages[str(after)] = stages.get(str(after), 0) + int(n)
        if before != after:
            moves[(str(before), str(after))] = int(n)
    return stages, moves


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
    page = conn.execute(
        sa.select(rows.c.customer_id, rows.c.last_end)
        .where(chosen)
        .order_by(rows.c.last_end.desc().nulls_last(), rows.c.customer_id.desc())
        .limit(limit)
        .offset(offset)
    )
    return int(total), [(str(c), last) for c, last in page]
