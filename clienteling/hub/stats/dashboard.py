"""The store dashboard, counted in SQL (SQLAlchemy Core: SQLite and PostgreSQL alike).

SQL does the counting and summing per store or per customer; `domain.metrics` and
`domain.lifecycle` turn those counts into rates and stages, so every definition lives in
one place. Period bounds are the viewed store's local days converted to UTC; sales come
from the per-day rollups (`stats.sales`), where each store's days are its own local days,
so the chain average sums every store over the same calendar days.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.lifecycle import Stage
from clienteling.domain.metrics import ChannelGroup, Period
from clienteling.hub.clock import iso
from clienteling.hub.stats import sales
from clienteling.hub.stats.feedback import (
    followup_effects,
    latest_comments,
    surveys_answered,
    touchpoint_feedback,
)
from clienteling.hub.stats.funnel import (
    followup_tallies,
    funnel,
    no_purchase_reasons,
    visit_tallies,
)
from clienteling.hub.stats.lifecycle import lifecycle_counts
from clienteling.hub.stats.offers import OfferCounts, offer_counts
from clienteling.hub.stats.omnichannel import channel_groups
from clienteling.hub.stats.sql import joined_in
from clienteling.hub.stats.tasks import task_completion
from clienteling.hub.tables import associates, customers, locations
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
    rollup_rows: int = 0  # rows of the per-day rollup read

    def figures(self) -> PeriodFigures:
        return PeriodFigures(
            in_store=self.in_store.figures(),
            online=self.online.figures(),
            attributed_online=self.attributed_online.figures(),
            new_customers=self.new_customers,
        )


def store_dashboard(
    conn: Connection,
    *,
    store_id: str,
    period: Period,
    now: datetime,
    attribution_window_days: int | None = None,
) -> StoreDashboard:
    """Everything the dashboard shows for one store; `conn` in one read transaction;
    `attribution_window_days` (the hub's setting) goes into the answer so the terminal
    states the rule the credited orders follow."""
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
    days = (period.start.isoformat(), period.end.isoformat())
    before = period.previous()
    previous_days = (before.start.isoformat(), before.end.isoformat())
    store_ids = list(
        conn.execute(sa.select(locations.c.id).where(locations.c.kind == "store")).scalars()
    )
    scanned: Counter[str] = Counter()  # rows read per table
    # The chain's sales (its average) and this store's per associate: one read.
    current_all, people, unattributed, _associate_rows = current_sales(
        conn, store_id=store_id, first=days[0], end=days[1], scanned=scanned
    )
    for joined_store, n in new_customers(conn, start=start, end=end).items():
        current_all.setdefault(joined_store, _StoreTally()).new_customers = n
    previous = sales_by_store(
        conn, first=previous_days[0], end=previous_days[1], only=store_id, scanned=scanned
    )
    previous_tally = previous.get(store_id, _StoreTally())
    previous_tally.new_customers = new_customers(
        conn, start=prev_start, end=prev_end, only=store_id
    ).get(store_id, 0)
    in_store_revenue = current_all.get(store_id, _StoreTally()).in_store.revenue_minor
    stages, moves = lifecycle_counts(
        conn, store_id=store_id, start=start, end=end, now=now, scanned=scanned
    )
    groups = channel_groups(conn, store_id=store_id, end=end)
    omni, single = groups.omnichannel, groups.single_channel
    scanned["store_omni_days"] += groups.rollup_rows
    scanned["customer_purchase_facts"] += groups.facts_rows
    scanned["orders"] += groups.order_rows
    # One pass over both periods' follow-ups for the funnel and the effects.
    followed = followup_tallies(
        conn,
        store_id=store_id,
        periods=[(start, end), (prev_start, prev_end)],
        timezone=store.timezone,
    )
    periods = ((start, end), (prev_start, prev_end))
    found = visit_tallies(conn, store_id=store_id, periods=list(periods), timezone=store.timezone)
    tallies = (found[0], found[1])  # one read of the visits' rollup for funnel and reasons
    scanned["store_visit_days"] += sum(t.rollup_rows for t in found)
    steps = funnel(
        conn,
        store_id=store_id,
        period=periods[0],
        previous=periods[1],
        days=days,
        previous_days=previous_days,
        tallies=tallies,
        followed=(followed[0], followed[1]),
        credited=(_credited(current_all.get(store_id)), _credited(previous_tally)),
    )
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
        previous=previous_tally.figures(),
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
            conn, store_id=store_id, period=periods[0], previous=periods[1], tallies=tallies
        ),
        feedback=touchpoint_feedback(conn, store_id=store_id, start=start, end=end),
        surveys_answered=answered,
        survey_response_rate=metrics.rate(answered, handed_out),
        latest_comments=latest_comments(conn, store_id=store_id, start=start, end=end),
        followup_effects=followup_effects(
            conn,
            store_id=store_id,
            start=start,
            end=end,
            statuses=followed[0].statuses,
            timezone=store.timezone,
        ),
        tasks=task_completion(conn, store_id=store_id, start=start, end=end),
        offers=_offer_figures(offer_counts(conn, store_id=store_id, start=start, end=end)),
        rows_scanned=dict(scanned),
        attribution_window_days=attribution_window_days,
    )


def _credited(tally: _StoreTally | None) -> tuple[int, int]:
    """The online orders credited to the store and their revenue (the funnel's last
    step), from the sales already read."""
    found = tally.attributed_online if tally is not None else _Tally()
    return found.orders, found.revenue_minor


def current_sales(
    conn: Connection,
    *,
    store_id: str,
    first: str,
    end: str,
    scanned: Counter[str] | None = None,
) -> tuple[dict[str, _StoreTally], list[tuple[str, str, _Tally]], _Tally, int]:
    """`sales_by_store` of every store and `associate_sales` of `store_id` on the local
    days [first, end), from one read of the rollups (`scanned`: rows read per table)."""
    chain, per_associate = sales.chain_and_associate_sums(
        conn, store_id=store_id, first=first, end=end, scanned=scanned
    )
    people, rest = _associate_tallies(conn, per_associate)
    return (
        _store_tallies(chain),
        people,
        rest,
        sum(s.rows for s in per_associate.values()),
    )


def sales_by_store(
    conn: Connection,
    *,
    first: str,
    end: str,
    only: str | None = None,
    scanned: Counter[str] | None = None,
) -> dict[str, _StoreTally]:
    """Every store's sales on the local days [first, end) (or only store `only`'s), from
    the per-day rollups, and the customers who joined in the period (UTC bounds of each
    store's days are not needed: a store's customers are counted by `joined_in` on the
    caller's instants, see `store_dashboard`)."""
    return _store_tallies(sales.store_sums(conn, first=first, end=end, only=only, scanned=scanned))


def _store_tallies(found_sums: dict[tuple[str, str], sales.Sums]) -> dict[str, _StoreTally]:
    found: defaultdict[str, _StoreTally] = defaultdict(_StoreTally)
    for (store_id, kind), sums in found_sums.items():
        tally = _Tally(sums.orders, sums.revenue_minor, sums.customers)
        found[store_id].rollup_rows += sums.rows
        if kind == sales.IN_STORE:
            found[store_id].in_store = tally
        elif kind == sales.ONLINE:
            found[store_id].online = tally
        else:
            found[store_id].attributed_online = tally
    return dict(found)


def new_customers(
    conn: Connection, *, start: str, end: str, only: str | None = None
) -> dict[str, int]:
    """Customers who joined in [start, end) (UTC instants) per home store."""
    joined = (
        sa.select(customers.c.home_store_id, sa.func.count())
        .where(joined_in(start, end))
        .group_by(customers.c.home_store_id)
    )
    if only is not None:
        joined = joined.where(customers.c.home_store_id == only)
    return {str(store_id): int(n) for store_id, n in conn.execute(joined)}


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
    conn: Connection, *, store_id: str, first: str, end: str
) -> tuple[list[tuple[str, str, _Tally]], _Tally, int]:
    """In-store sales per credited associate (best first), the uncredited rest, and the
    rollup rows read, on the store's local days [first, end)."""
    found = sales.associate_sums(conn, store_id=store_id, first=first, end=end)
    people, rest = _associate_tallies(conn, found)
    return people, rest, sum(s.rows for s in found.values())


def _associate_tallies(
    conn: Connection, found: dict[str | None, sales.Sums]
) -> tuple[list[tuple[str, str, _Tally]], _Tally]:
    """Per credited associate (named, best first) and the uncredited rest."""
    tallies = {
        associate_id: _Tally(s.orders, s.revenue_minor, s.customers)
        for associate_id, s in found.items()
    }
    rest = tallies.pop(None, _Tally())
    names = dict(
        conn.execute(
            sa.select(associates.c.id, associates.c.display_name).where(
                associates.c.id.in_(sorted(t for t in tallies if t is not None))
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
