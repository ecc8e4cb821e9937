"""The rows behind a dashboard number: the visits, follow-ups, orders or customers it counts.

Each figure's rows are selected with the very conditions that count it (`stats.funnel`,
`stats.sql`, the lifecycle rule), so a list always has as many rows as its number says;
tests/hub/test_stats_drilldown.py checks that on the seeded chain.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.lifecycle import Stage
from clienteling.domain.metrics import Period
from clienteling.hub.stats.dashboard import UnknownStoreError
from clienteling.hub.stats.funnel import (
    BOUGHT_HERE,
    cart_touches_in,
    credited_online_orders_in,
    followups_in,
    local_days,
    orders_with_credit,
    visit_count,
    visits_in,
)
from clienteling.hub.stats.lifecycle import customers_at_stage
from clienteling.hub.stats.sql import in_store_orders_in, joined_in, online_orders_in
from clienteling.hub.tables import (
    associates,
    attribution_touches,
    customers,
    followups,
    locations,
    orders,
    visits,
)
from clienteling.protocol.dashboard import DrillDown, DrillRow

NO_ASSOCIATE = "none"
"""`key` of the associate figure for in-store purchases nobody was credited for."""


class UnknownFigureError(ValueError):
    """A figure or key the dashboard does not show."""


def drilldown(
    conn: Connection,
    *,
    store_id: str,
    period: Period,
    figure: str,
    key: str | None,
    now: datetime,
    limit: int,
    offset: int = 0,
) -> DrillDown:
    """The rows behind `figure` (one of `metrics.DRILLDOWN_FIGURES`; `key` picks the funnel
    step, reason, stage or associate), newest first; `total` counts them all."""
    store = conn.execute(
        sa.select(locations.c.timezone, locations.c.currency).where(
            locations.c.id == store_id, locations.c.kind == "store"
        )
    ).first()
    if store is None:
        raise UnknownStoreError(store_id)
    start, end = (t.isoformat() for t in period.utc_bounds(store.timezone))
    if figure == "stage":
        total, rows = _stage_rows(
            conn,
            store_id=store_id,
            start=start,
            end=end,
            key=key,
            now=now,
            limit=limit,
            offset=offset,
        )
    else:
        query = _query(store_id=store_id, start=start, end=end, figure=figure, key=key)
        found = _visit_total(
            conn,
            store_id=store_id,
            days=local_days(start, end, store.timezone),
            figure=figure,
            key=key,
        )
        if found is None:
            counted = query.order_by(None).subquery()
            found = conn.execute(sa.select(sa.func.count()).select_from(counted)).scalar_one()
        total = int(found)
        rows = [_row(r) for r in conn.execute(query.limit(limit).offset(offset))]
    return DrillDown(
        store_id=store_id,
        figure=figure,
        key=key,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        currency=store.currency,
        total=int(total),
        rows=rows,
    )


def _visit_total(
    conn: Connection,
    *,
    store_id: str,
    days: tuple[str, str] | None,
    figure: str,
    key: str | None,
) -> int | None:
    """The count of a visits list from the per-day rollup (the same visits `_query`
    selects: whole local days of the store), None for the other figures."""
    if days is None:
        return None
    if figure == "funnel" and key in ("visits", "bought_here"):
        bought = True if key == "bought_here" else None
        return visit_count(conn, store_id=store_id, days=days, bought=bought)
    if figure == "reason" and key:
        return visit_count(conn, store_id=store_id, days=days, bought=False, reason=key)
    return None


def _query(*, store_id: str, start: str, end: str, figure: str, key: str | None) -> Any:
    if figure == "funnel":
        if key in ("visits", "bought_here"):
            where = [visits_in(store_id, start, end)]
            if key == "bought_here":
                where.append(visits.c.outcome == BOUGHT_HERE)
            return _visits(*where)
        if key in metrics.FOLLOWUP_REACHED:
            reached = sorted(metrics.FOLLOWUP_REACHED[key])
            return _followups(followups_in(store_id, start, end), followups.c.status.in_(reached))
        if key == "online_cart":
            touched = sa.select(attribution_touches.c.followup_id).where(
                cart_touches_in(store_id, start, end)
            )
            return _followups(followups.c.id.in_(touched))
        if key == "online_order":
            return _orders(credited_online_orders_in(store_id, start, end), credited=True)
    elif figure == "reason" and key:
        reason = (
            sa.or_(visits.c.reason == key, visits.c.reason.is_(None))
            if key == "other"
            else visits.c.reason == key
        )
        return _visits(visits_in(store_id, start, end), visits.c.outcome != BOUGHT_HERE, reason)
    elif figure == "in_store_orders":
        return _orders(in_store_orders_in(start, end), orders.c.store_id == store_id)
    elif figure == "associate" and key:
        credited = (
            orders.c.associate_id.is_(None) if key == NO_ASSOCIATE else orders.c.associate_id == key
        )
        return _orders(in_store_orders_in(start, end), orders.c.store_id == store_id, credited)
    elif figure == "online_orders":
        return _orders(online_orders_in(start, end), customers.c.home_store_id == store_id)
    elif figure == "attributed_orders":
        return _orders(credited_online_orders_in(store_id, start, end), credited=True)
    elif figure == "new_customers":
        return (
            sa.select(
                sa.literal("customer").label("kind"),
                customers.c.created_at.label("at"),
                customers.c.id.label("customer_id"),
                customers.c.display_name.label("customer_name"),
                sa.null().label("associate_name"),
                customers.c.lifecycle_stage.label("code"),
                sa.null().label("detail"),
                customers.c.preferred_channel.label("channel"),
                customers.c.clv_minor.label("amount_minor"),
            )
            .where(customers.c.home_store_id == store_id, joined_in(start, end))
            .order_by(customers.c.created_at.desc(), customers.c.id)
        )
    raise UnknownFigureError(f"{figure}:{key}")


def _visits(*where: sa.ColumnElement[bool]) -> Any:
    return (
        sa.select(
            sa.literal("visit").label("kind"),
            visits.c.at.label("at"),
            visits.c.customer_id,
            customers.c.display_name.label("customer_name"),
            visits.c.associate_name,
            visits.c.outcome.label("code"),
            visits.c.reason.label("detail"),
            sa.null().label("channel"),
            sa.null().label("amount_minor"),
        )
        .select_from(visits.outerjoin(customers, customers.c.id == visits.c.customer_id))
        .where(*where)
        .order_by(visits.c.at.desc(), visits.c.id)
    )


def _followups(*where: sa.ColumnElement[bool]) -> Any:
    return (
        sa.select(
            sa.literal("followup").label("kind"),
            followups.c.created_at.label("at"),
            followups.c.customer_id,
            customers.c.display_name.label("customer_name"),
            followups.c.associate_name,
            followups.c.status.label("code"),
            followups.c.template.label("detail"),
            followups.c.channel,
            sa.null().label("amount_minor"),
        )
        .select_from(followups.outerjoin(customers, customers.c.id == followups.c.customer_id))
        .where(*where)
        .order_by(followups.c.created_at.desc(), followups.c.id)
    )


def _orders(*where: sa.ColumnElement[bool], credited: bool = False) -> Any:
    source = orders_with_credit() if credited else orders
    source = source.outerjoin(customers, customers.c.id == orders.c.customer_id).outerjoin(
        associates, associates.c.id == orders.c.associate_id
    )
    return (
        sa.select(
            sa.literal("order").label("kind"),
            orders.c.placed_at.label("at"),
            orders.c.customer_id,
            customers.c.display_name.label("customer_name"),
            associates.c.display_name.label("associate_name"),
            orders.c.status.label("code"),
            sa.null().label("detail"),
            orders.c.channel,
            orders.c.net_minor.label("amount_minor"),
        )
        .select_from(source)
        .where(*where)
        .order_by(orders.c.placed_at.desc(), orders.c.id)
    )


def _row(row: Any) -> DrillRow:
    return DrillRow(
        kind=row.kind,
        at=row.at,
        customer_id=row.customer_id,
        customer_name=row.customer_name,
        associate_name=row.associate_name,
        code=row.code,
        detail=row.detail,
        channel=row.channel,
        amount_minor=None if row.amount_minor is None else int(row.amount_minor),
    )


def _stage_rows(
    conn: Connection,
    *,
    store_id: str,
    start: str,
    end: str,
    key: str | None,
    now: datetime,
    limit: int,
    offset: int,
) -> tuple[int, list[DrillRow]]:
    """Customers whose stage at the period's end is `key` (the rule the lifecycle chart
    applies to the same purchase summaries); most recent buyers first."""
    if key not in {str(stage) for stage in Stage}:
        raise UnknownFigureError(f"stage:{key}")
    total, page = customers_at_stage(
        conn,
        store_id=store_id,
        start=start,
        end=end,
        now=now,
        stage=key,
        limit=limit,
        offset=offset,
    )
    names = {
        str(customer_id): str(name)
        for customer_id, name in conn.execute(
            sa.select(customers.c.id, customers.c.display_name).where(
                customers.c.id.in_([customer_id for customer_id, _at in page])
            )
        )
    }
    rows = [
        DrillRow(
            kind="customer",
            at=last_purchase,
            customer_id=customer_id,
            customer_name=names.get(customer_id),
            associate_name=None,
            code=key,
            detail=None,
            channel=None,
            amount_minor=None,
        )
        for customer_id, last_purchase in page
    ]
    return total, rows
