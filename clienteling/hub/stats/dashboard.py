"""The store dashboard, counted in SQL (SQLAlchemy Core: SQLite and PostgreSQL alike).

SQL does the counting and summing per store or per customer; `domain.metrics` and
`domain.lifecycle` turn those counts into rates and stages, so every definition lives in
one place. Period bounds are the viewed store's local days converted to UTC; the chain
average uses the same instants for every store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.lifecycle import Stage
from clienteling.domain.metrics import ChannelGroup, Period
from clienteling.hub.clock import iso
from clienteling.hub.stats.feedback import (
    followup_effects,
    latest_comments,
    surveys_answered,
    touchpoint_feedback,
)
from clienteling.hub.stats.funnel import (
    credited_store,
    funnel,
    no_purchase_reasons,
    orders_with_credit,
)
from clienteling.hub.stats.lifecycle import lifecycle_counts
from clienteling.hub.stats.offers import OfferCounts, offer_counts
from clienteling.hub.stats.omnichannel import channel_groups
from clienteling.hub.stats.sql import (
    in_store_orders_in,
    joined_in,
    online_orders_in,
)
from clienteling.hub.stats.tasks import task_completion
from clienteling.hub.tables import associates, customers, locations, orders
from clienteling.protocol.dashboard import (
    AssociateFigures,
    ChannelGroupFigures,
    OfferFigures,
    OfferKindFigures,
    OmnichannelFigures,
    PeriodFigures,
    SalesFigures,
    StageCount,
    StageMove,
    StoreDashboard,
)


class UnknownStoreError(LookupError):
    pass


@dataclass(slots=True)
class _Tally:
    orders: int = 0
    revenue_minor: int = 0
    customers: int = 0

    def figures(self) -> SalesFigures:
        return SalesFigures(
            orders=self.orders, revenue_minor=self.revenue_minor, customers=self.customers
        )


@dataclass(slots=True)
class _StoreTally:
    in_store: _Tally = field(default_factory=_Tally)
    online: _Tally = field(default_factory=_Tally)
    attributed_online: _Tally = field(default_factory=_Tally)
    new_customers: int = 0

    def figures(self) -> PeriodFigures:
        return PeriodFigures(
            in_store=self.in_store.figures(),
            online=self.online.figures(),
            attributed_online=self.attributed_online.figures(),
            new_customers=self.new_customers,
        )


def store_dashboard(
    conn: Connection, *, store_id: str, period: Period, now: datetime
) -> StoreDashboard:
    """Everything the dashboard shows for one store; `conn` in one read transaction."""
    if conn.dialect.name == "postgresql":
        # Room to hash the per-customer groups of a period's orders instead of sorting
        # them on disk (the default 4 MB spills at a few tens of thousands of orders).
        conn.execute(sa.text("SET LOCAL work_mem = '64MB'"))
    store = conn.execute(
        sa.select(locations.c.name, locations.c.timezone, locations.c.currency).where(
            locations.c.id == store_id, locations.c.kind == "store"
        )
    ).first()
    if store is None:
        raise UnknownStoreError(store_id)
    start, end = (iso(t) for t in period.utc_bounds(store.timezone))
    prev_start, prev_end = (iso(t) for t in period.previous().utc_bounds(store.timezone))
    store_ids = list(
        conn.execute(sa.select(locations.c.id).where(locations.c.kind == "store")).scalars()
    )
    current_all = sales_by_store(conn, start=start, end=end)  # the chain average needs all
    previous = sales_by_store(conn, start=prev_start, end=prev_end, only=store_id).get(
        store_id, _StoreTally()
    )
    scanned: Counter[str] = Counter()
    people, unattributed = associate_sales(conn, store_id=store_id, start=start, end=end)
    in_store_revenue = current_all.get(store_id, _StoreTally()).in_store.revenue_minor
    stages, moves = lifecycle_counts(conn, store_id=store_id, start=start, end=end, now=now)
    scanned["customers"] += sum(stages.values())
    groups = channel_groups(conn, store_id=store_id, end=end)
    omni, single = groups.omnichannel, groups.single_channel
    scanned["customer_purchase_facts"] += groups.facts_rows
    scanned["orders"] += groups.order_rows
    steps = funnel(conn, store_id=store_id, period=(start, end), previous=(prev_start, prev_end))
    counted = {step.step: step.count for step in steps}
    answered = surveys_answered(conn, store_id=store_id, start=start, end=end)
    handed_out = counted["visits"] + counted["followups_sent"]
    return StoreDashboard(
        store_id=store_id,
        store_name=store.name,
        currency=store.currency,
        timezone=store.timezone,
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        generated_at=iso(now),
        current=current_all.get(store_id, _StoreTally()).figures(),
        previous=previous.figures(),
        chain_average=_average([current_all.get(s, _StoreTally()) for s in store_ids]),
        stores_in_chain=len(store_ids),
        associates=[
            AssociateFigures(
                associate_id=associate_id,
                display_name=name,
                orders=tally.orders,
                revenue_minor=tally.revenue_minor,
                customers=tally.customers,
                revenue_share=metrics.rate(tally.revenue_minor, in_store_revenue),
            )
            for associate_id, name, tally in people
        ],
        unattributed_in_store=unattributed.figures(),
        lifecycle=[StageCount(stage=str(s), customers=stages.get(str(s), 0)) for s in Stage],
        lifecycle_moves=[
            StageMove(from_stage=a, to_stage=b, customers=n)
            for (a, b), n in sorted(moves.items(), key=lambda item: -item[1])
        ],
        omnichannel=OmnichannelFigures(
            omnichannel=_group_figures(omni),
            single_channel=_group_figures(single),
            value_uplift=metrics.omnichannel_uplift(omni, single),
            published_value_uplift=metrics.SEED_OMNICHANNEL_CLV_UPLIFT,
            published_retention_omnichannel=metrics.SEED_RETENTION["omnichannel"],
            published_retention_single_channel=metrics.SEED_RETENTION["single_channel"],
        ),
        funnel=steps,
        no_purchase_reasons=no_purchase_reasons(
            conn, store_id=store_id, period=(start, end), previous=(prev_start, prev_end)
        ),
        feedback=touchpoint_feedback(conn, store_id=store_id, start=start, end=end),
        surveys_answered=answered,
        survey_response_rate=metrics.rate(answered, handed_out),
        latest_comments=latest_comments(conn, store_id=store_id, start=start, end=end),
        followup_effects=followup_effects(conn, store_id=store_id, start=start, end=end),
        tasks=task_completion(conn, store_id=store_id, start=start, end=end),
        offers=_offer_figures(offer_counts(conn, store_id=store_id, start=start, end=end)),
        rows_scanned=dict(scanned),
    )


def _tallied(key: sa.ColumnElement[Any], source: Any, *where: Any) -> sa.Select[Any]:
    """(key, orders, revenue, distinct customers) of the kept orders matching `where`,
    per `key`: grouped by key and customer first, so the database hashes instead of
    sorting every order for a `count(DISTINCT customer_id)`."""
    per_customer = (
        sa.select(
            key.label("key"),
            orders.c.customer_id,
            sa.func.count().label("n"),
            sa.func.coalesce(sa.func.sum(orders.c.net_minor), 0).label("revenue"),
        )
        .select_from(source)
        .where(*where)
        .group_by(key, orders.c.customer_id)
        .subquery("per_customer")
    )
    return sa.select(
        per_customer.c.key,
        sa.func.coalesce(sa.func.sum(per_customer.c.n), 0),
        sa.func.coalesce(sa.func.sum(per_customer.c.revenue), 0),
        sa.func.count(),
    ).group_by(per_customer.c.key)


def sales_by_store(
    conn: Connection, *, start: str, end: str, only: str | None = None
) -> dict[str, _StoreTally]:
    """Every store's sales in [start, end) (or only store `only`'s): four grouped queries."""
    found: defaultdict[str, _StoreTally] = defaultdict(_StoreTally)

    def which(column: sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
        return sa.true() if only is None else column == only

    in_store = _tallied(
        orders.c.store_id, orders, in_store_orders_in(start, end), which(orders.c.store_id)
    )
    for store_id, n, revenue, people in conn.execute(in_store):
        found[store_id].in_store = _Tally(int(n), int(revenue), int(people))
    online = _tallied(
        customers.c.home_store_id,
        orders.join(customers, customers.c.id == orders.c.customer_id),
        online_orders_in(start, end),
        which(customers.c.home_store_id),
    )
    for store_id, n, revenue, people in conn.execute(online):
        found[store_id].online = _Tally(int(n), int(revenue), int(people))
    credit = credited_store()
    attributed = _tallied(
        credit,
        orders_with_credit(),
        online_orders_in(start, end),
        credit.is_not(None),
        which(credit),
    )
    for store_id, n, revenue, people in conn.execute(attributed):
        found[store_id].attributed_online = _Tally(int(n), int(revenue), int(people))
    joined = (
        sa.select(customers.c.home_store_id, sa.func.count())
        .where(joined_in(start, end), which(customers.c.home_store_id))
        .group_by(customers.c.home_store_id)
    )
    for store_id, n in conn.execute(joined):
        found[store_id].new_customers = n
    return dict(found)


def _average(stores: list[_StoreTally]) -> PeriodFigures:
    count = max(1, len(stores))

    def mean(values: Iterable[int]) -> int:
        return round(sum(values) / count)

    def tally(pick: str) -> SalesFigures:
        parts = [getattr(s, pick) for s in stores]
        return SalesFigures(
            orders=mean(p.orders for p in parts),
            revenue_minor=mean(p.revenue_minor for p in parts),
            customers=mean(p.customers for p in parts),
        )

    return PeriodFigures(
        in_store=tally("in_store"),
        online=tally("online"),
        attributed_online=tally("attributed_online"),
        new_customers=mean(s.new_customers for s in stores),
    )


def associate_sales(
    conn: Connection, *, store_id: str, start: str, end: str
) -> tuple[list[tuple[str, str, _Tally]], _Tally]:
    """In-store sales per credited associate (best first), and the uncredited rest."""
    query = _tallied(
        orders.c.associate_id,
        orders,
        in_store_orders_in(start, end),
        orders.c.store_id == store_id,
    )
    tallies = {
        associate_id: _Tally(int(n), int(revenue), int(buyers))
        for associate_id, n, revenue, buyers in conn.execute(query)
    }
    rest = tallies.pop(None, _Tally())
    names = dict(
        conn.execute(
            sa.select(associates.c.id, associates.c.display_name).where(
                associates.c.id.in_(sorted(tallies))
            )
        ).all()
    )
    people = [
        (str(associate_id), str(names.get(associate_id) or associate_id), tally)
        for associate_id, tally in tallies.items()
    ]
    people.sort(key=lambda p: (-p[2].revenue_minor, p[1]))
    return people, rest


def _group_figures(group: ChannelGroup) -> ChannelGroupFigures:
    return ChannelGroupFigures(
        customers=group.customers,
        average_value_minor=group.average_value_minor,
        retention_rate=group.retention_rate,
        retention_eligible=group.retention_eligible,
        orders_per_year=group.orders_per_year,
    )


def _offer_figures(counts: OfferCounts) -> OfferFigures:
    return OfferFigures(
        issued=counts.issued,
        redeemed=counts.redeemed,
        redemption_rate=counts.redemption_rate,
        redeemed_in_store=counts.by_channel.get("store", 0),
        redeemed_online=counts.by_channel.get("online", 0),
        kinds=[
            OfferKindFigures(kind=kind, issued=issued, redeemed=redeemed)
            for kind, (issued, redeemed) in sorted(counts.by_kind.items())
        ],
    )
