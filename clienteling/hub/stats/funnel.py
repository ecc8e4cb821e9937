"""The journey funnel and the reasons for leaving without buying, for one store.

Visits come from the associates' visit logs (anonymous visitors included), follow-ups from
the delivery pipeline (a status is the furthest step reached), carts and orders from the
attribution of follow-up links. Counted in SQL; rates from `domain.metrics`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.metrics import Period
from clienteling.hub import visit_rollup
from clienteling.hub.clock import iso
from clienteling.hub.stats import sales
from clienteling.hub.stats.sql import KEPT_ORDER, between
from clienteling.hub.tables import (
    attribution_touches,
    followups,
    locations,
    order_attributions,
    orders,
    store_followup_days,
    store_visit_days,
    visits,
)
from clienteling.protocol.dashboard import FunnelStep, ReasonCount

BOUGHT_HERE = "bought_here"


def credited_store() -> sa.ColumnElement[Any]:
    """The store an online order is credited to: the follow-up attribution when there is
    one, else the store written on the order."""
    return sa.func.coalesce(order_attributions.c.store_id, orders.c.store_id)


def orders_with_credit() -> Any:
    return orders.outerjoin(order_attributions, order_attributions.c.order_id == orders.c.id)


def visits_in(store_id: str, start: str, end: str) -> sa.ColumnElement[bool]:
    """Visits logged at the store in the period (anonymous visitors included)."""
    return sa.and_(visits.c.store_id == store_id, between(visits.c.at, start, end))


def followups_in(store_id: str, start: str, end: str) -> sa.ColumnElement[bool]:
    """Follow-ups the store queued in the period, whatever became of them."""
    return sa.and_(followups.c.store_id == store_id, between(followups.c.created_at, start, end))


def cart_touches_in(store_id: str, start: str, end: str) -> sa.ColumnElement[bool]:
    """Follow-up links of the store that put something in an online cart in the period."""
    return sa.and_(
        attribution_touches.c.store_id == store_id,
        attribution_touches.c.kind == "cart",
        between(attribution_touches.c.at, start, end),
    )


def credited_online_orders_in(store_id: str, start: str, end: str) -> sa.ColumnElement[bool]:
    """Kept online orders of the period credited to the store (select from
    `orders_with_credit()`)."""
    return sa.and_(
        orders.c.channel.in_(sorted(metrics.ONLINE_CHANNELS)),
        KEPT_ORDER,
        between(orders.c.placed_at, start, end),
        credited_store() == store_id,
    )


@dataclass(frozen=True, slots=True)
class VisitTally:
    """A period's visits: all of them, those that ended in a purchase here, and the others
    per reason (no reason given counts as "other"). `rollup_rows`: rows of the per-day
    rollup read for it (0 when counted from the visits)."""

    visits: int = 0
    bought_here: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    rollup_rows: int = field(default=0, compare=False)


def local_days(start: str, end: str, timezone: str | None) -> tuple[str, str] | None:
    """The store's local days [first, end) (ISO dates) whose UTC bounds, as `clock.iso`
    writes them, are exactly `start` and `end`; None when they are not whole local days of
    `timezone` (or the period is empty, or the zone unknown). Then a visit is in
    [start, end) exactly when its local day is in [first, end): local dates only move
    forward, as in every zone of today's tz database (a clock put back across midnight,
    as St. John's did at 00:01 until 2011, would break that for the hour repeated)."""
    try:
        moments = datetime.fromisoformat(start), datetime.fromisoformat(end)
        zone = ZoneInfo(str(timezone))
    except (ValueError, KeyError, OSError):
        return None
    if any(m.tzinfo is None for m in moments):
        return None
    first, last = (m.astimezone(zone).date() for m in moments)
    if first >= last:
        return None
    bounds = Period(first, last).utc_bounds(str(timezone))
    if (iso(bounds[0]), iso(bounds[1])) != (start, end):
        return None
    return first.isoformat(), last.isoformat()


def visit_tallies(
    conn: Connection,
    *,
    store_id: str,
    periods: list[tuple[str, str]],
    timezone: str | None = None,
) -> list[VisitTally]:
    """The tally of each period (UTC instants), from one pass over the store's visits of
    all of them (conditional aggregates grouped by outcome and reason: the funnel and the
    reasons used to scan the visits three times per period).

    A period that is whole local days of the store (`timezone`, its `locations.timezone`,
    looked up when not given; the dashboard's periods are) is counted from the per-day
    rollup `store_visit_days` (`hub.visit_rollup`), a few rows per day; any other from the
    visits themselves. The figures are the same: a visit is in [start, end) exactly when
    its local day is in the period's days."""
    if not periods:
        return []
    if _overlap(periods):  # a visit counts in each period it is in
        return [
            visit_tallies(conn, store_id=store_id, periods=[p], timezone=timezone)[0]
            for p in periods
        ]
    if timezone is None:
        timezone = conn.execute(
            sa.select(locations.c.timezone).where(locations.c.id == store_id)
        ).scalar_one_or_none()
    days = [local_days(start, end, timezone) for start, end in periods]
    found = [VisitTally() for _ in periods]
    whole = {i: d for i, d in enumerate(days) if d is not None}
    if whole:
        rollup = store_visit_days
        found_whole = _one_pass(
            conn,
            whole,
            at=rollup.c.day,
            where=rollup.c.store_id == store_id,
            outcome=rollup.c.outcome,
            reason=rollup.c.reason,
            counted=sa.func.sum(rollup.c.visits),
            rows=True,
        )
        for i, tally in found_whole.items():
            found[i] = tally
    rest = {i: p for i, p in enumerate(periods) if days[i] is None and p[0] < p[1]}
    if rest:
        found_rest = _one_pass(
            conn,
            rest,
            at=visits.c.at,
            where=visits.c.store_id == store_id,
            outcome=visits.c.outcome,
            reason=visits.c.reason,
            counted=sa.func.count(),
            rows=False,
        )
        for i, tally in found_rest.items():
            found[i] = tally
    return found


def _one_pass(
    conn: Connection,
    bounds: dict[int, tuple[str, str]],
    *,
    at: sa.ColumnElement[Any],
    where: sa.ColumnElement[bool],
    outcome: sa.ColumnElement[Any],
    reason: sa.ColumnElement[Any],
    counted: sa.ColumnElement[Any],
    rows: bool,
) -> dict[int, VisitTally]:
    """Tallies of disjoint non-empty periods `bounds` (index -> [start, end) of `at`) in
    one grouped read: visits or rollup rows alike."""
    # The WHERE keeps rows of some period; periods are disjoint, so a row's is the one
    # with the latest start at or before it (one comparison per period, no more).
    latest_first = sorted(bounds, key=lambda i: bounds[i][0], reverse=True)
    which: sa.ColumnElement[int] = (
        sa.case(
            *((at >= bounds[i][0], i) for i in latest_first[:-1]),
            else_=latest_first[-1],
        )
        if len(latest_first) > 1
        else sa.literal(latest_first[0])
    ).label("period")
    query = (
        sa.select(which, outcome, reason, counted, sa.func.count())
        .where(where, sa.or_(*(between(at, start, end) for start, end in bounds.values())))
        .group_by(which, outcome, reason)
    )
    totals = {i: [0, 0, 0] for i in bounds}
    reasons: dict[int, dict[str, int]] = {i: {} for i in bounds}
    for i, done, why, n, read in conn.execute(query):
        tally = totals[int(i)]
        tally[0] += int(n)
        tally[2] += int(read)
        if done == BOUGHT_HERE:
            tally[1] += int(n)
        elif done is not None:  # SQL's `outcome != 'bought_here'`, as the reasons were
            key = str(why or "other")
            reasons[int(i)][key] = reasons[int(i)].get(key, 0) + int(n)
    return {
        i: VisitTally(
            visits=t[0],
            bought_here=t[1],
            reasons=reasons[i],
            rollup_rows=t[2] if rows else 0,
        )
        for i, t in totals.items()
    }


def visit_count(
    conn: Connection,
    *,
    store_id: str,
    days: tuple[str, str],
    bought: bool | None = None,
    reason: str | None = None,
) -> int:
    """Visits on the store's local days [first, end) from the per-day rollup: all of
    them, those that ended (`bought` True) or did not end (False) in a purchase here,
    those without a purchase for `reason` ("other" includes no reason given)."""
    rollup = store_visit_days
    where = [rollup.c.store_id == store_id, between(rollup.c.day, days[0], days[1])]
    if bought is not None:
        where.append(rollup.c.outcome == BOUGHT_HERE if bought else rollup.c.outcome != BOUGHT_HERE)
    if reason is not None:
        where.append(
            rollup.c.reason.in_(("other", visit_rollup.NONE))
            if reason == "other"
            else rollup.c.reason == reason
        )
    total = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(rollup.c.visits), 0)).where(*where)
    ).scalar_one()
    return int(total)


def _period_of(
    column: sa.ColumnElement[Any], periods: list[tuple[str, str]]
) -> sa.ColumnElement[int] | None:
    """The index of the period a row of disjoint `periods` is in, for rows a WHERE keeps
    in some period: the one with the latest start at or before `column` (one comparison
    per period, no more); None when every period is empty."""
    latest_first = sorted(
        (i for i, (start, end) in enumerate(periods) if start < end),
        key=lambda i: periods[i][0],
        reverse=True,
    )
    if not latest_first:
        return None
    return (
        sa.case(
            *((column >= periods[i][0], i) for i in latest_first[:-1]),
            else_=latest_first[-1],
        )
        if len(latest_first) > 1
        else sa.literal(latest_first[0])
    ).label("period")


FollowupKey = tuple[str, str, str]  # template, channel, status


@dataclass(frozen=True, slots=True)
class FollowupTally:
    """A period's follow-ups queued by the store, per template, channel and status (the
    funnel's follow-up steps and the follow-up effects' counts), and how many of the
    store's follow-ups put something in an online cart in it."""

    statuses: dict[FollowupKey, int] = field(default_factory=dict)
    online_cart: int = 0


def followup_tallies(
    conn: Connection,
    *,
    store_id: str,
    periods: list[tuple[str, str]],
    timezone: str | None = None,
) -> list[FollowupTally]:
    """The tally of each period (UTC instants): one pass over the store's follow-ups of
    all of them and one over its cart touches (the funnel counted each period's statuses
    apart, and the follow-up effects the current period's once more).

    The statuses of a period that is whole local days of the store (`timezone`, its
    `locations.timezone`, looked up when not given; the dashboard's periods are) are
    counted from the per-day rollup `store_followup_days` (`hub.followup_days`), any
    other's from the follow-ups themselves; the figures are the same."""
    if not periods:
        return []
    if _overlap(periods):  # a row counts in each period it is in
        return [
            followup_tallies(conn, store_id=store_id, periods=[p], timezone=timezone)[0]
            for p in periods
        ]
    if _period_of(followups.c.created_at, periods) is None:
        return [FollowupTally() for _ in periods]
    if timezone is None:
        timezone = store_timezone(conn, store_id)
    days = [local_days(start, end, timezone) for start, end in periods]
    statuses: list[dict[FollowupKey, int]] = [{} for _ in periods]
    whole = [d if d is not None else ("", "") for d in days]  # ("", ""): counts nothing
    if any(d is not None for d in days):
        rollup = store_followup_days
        _followup_pass(
            conn,
            statuses,
            whole,
            at=rollup.c.day,
            where=rollup.c.store_id == store_id,
            columns=(rollup.c.template, rollup.c.channel, rollup.c.status),
            counted=sa.func.sum(rollup.c.followups),
        )
    rest = [p if d is None else ("", "") for p, d in zip(periods, days, strict=True)]
    if any(start < end for start, end in rest):
        _followup_pass(
            conn,
            statuses,
            rest,
            at=followups.c.created_at,
            where=followups.c.store_id == store_id,
            columns=(followups.c.template, followups.c.channel, followups.c.status),
            counted=sa.func.count(),
        )
    touched = _period_of(attribution_touches.c.at, periods)
    assert touched is not None
    # Distinct follow-ups per period through a grouped subquery: PostgreSQL hashes it,
    # where count(DISTINCT) sorts the ids (under the database's collation).
    carts = (
        sa.select(touched, attribution_touches.c.followup_id)
        .where(
            attribution_touches.c.store_id == store_id,
            attribution_touches.c.kind == "cart",
            sa.or_(*(between(attribution_touches.c.at, start, end) for start, end in periods)),
        )
        .group_by(touched, attribution_touches.c.followup_id)
        .subquery()
    )
    online_cart = [0 for _ in periods]
    for i, n in conn.execute(sa.select(carts.c.period, sa.func.count()).group_by(carts.c.period)):
        online_cart[int(i)] = int(n)
    return [
        FollowupTally(statuses=s, online_cart=c) for s, c in zip(statuses, online_cart, strict=True)
    ]


def store_timezone(conn: Connection, store_id: str) -> str | None:
    """The store's `locations.timezone` (None when unknown)."""
    zone = conn.execute(
        sa.select(locations.c.timezone).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    return None if zone is None else str(zone)


def _followup_pass(
    conn: Connection,
    statuses: list[dict[FollowupKey, int]],
    periods: list[tuple[str, str]],
    *,
    at: sa.ColumnElement[Any],
    where: sa.ColumnElement[bool],
    columns: tuple[sa.ColumnElement[Any], sa.ColumnElement[Any], sa.ColumnElement[Any]],
    counted: sa.ColumnElement[Any],
) -> None:
    """Add to `statuses` the follow-ups of the disjoint `periods` (empty ones count
    nothing) per template, channel and status, in one grouped read of `at`'s table."""
    which = _period_of(at, periods)
    if which is None:
        return
    for i, template, channel, status, n in conn.execute(
        sa.select(which, *columns, counted)
        .where(where, sa.or_(*(between(at, a, b) for a, b in periods if a < b)))
        .group_by(which, *columns)
    ):
        key = (str(template), str(channel), str(status))
        statuses[int(i)][key] = statuses[int(i)].get(key, 0) + int(n)


def _counts(tally: VisitTally, followed: FollowupTally) -> dict[str, int]:
    counts: dict[str, int] = {"visits": tally.visits, "bought_here": tally.bought_here}
    statuses: dict[str, int] = {}
    for (_template, _channel, status), n in followed.statuses.items():
        statuses[status] = statuses.get(status, 0) + n
    for step, reached in metrics.FOLLOWUP_REACHED.items():
        counts[step] = sum(n for status, n in statuses.items() if status in reached)
    counts["online_cart"] = followed.online_cart
    return counts


def _credited(conn: Connection, *, store_id: str, days: tuple[str, str]) -> tuple[int, int]:
    """Kept online orders credited to the store on its local days, and their revenue
    (the per-day rollup of `credited_online_orders_in`)."""
    found = sales.store_sums(
        conn, first=days[0], end=days[1], only=store_id, kinds=(sales.ATTRIBUTED,)
    )
    credited = found.get((store_id, sales.ATTRIBUTED), sales.Sums())
    return credited.orders, credited.revenue_minor


def funnel(
    conn: Connection,
    *,
    store_id: str,
    period: tuple[str, str],
    previous: tuple[str, str],
    days: tuple[str, str],
    previous_days: tuple[str, str],
    tallies: tuple[VisitTally, VisitTally] | None = None,
    followed: tuple[FollowupTally, FollowupTally] | None = None,
    credited: tuple[tuple[int, int], tuple[int, int]] | None = None,
) -> list[FunnelStep]:
    """The steps for `period` (UTC instants of the store's local `days`) and the
    previous period alike; `tallies` are the two periods' `visit_tallies`, `followed`
    their `followup_tallies` and `credited` the two periods' credited online (orders,
    revenue) when the caller has them already (the dashboard reads them from the sales
    rollup for its sales figures: reading that rollup again cost a full pass over a year
    of it; and the current period's follow-ups for the follow-up effects)."""
    if tallies is None:
        tallies = _pair(visit_tallies(conn, store_id=store_id, periods=[period, previous]))
    if followed is None:
        found = followup_tallies(conn, store_id=store_id, periods=[period, previous])
        followed = (found[0], found[1])
    now = _counts(tallies[0], followed[0])
    before = _counts(tallies[1], followed[1])
    if credited is None:
        credited = (
            _credited(conn, store_id=store_id, days=days),
            _credited(conn, store_id=store_id, days=previous_days),
        )
    now["online_order"], revenue = credited[0]
    before["online_order"], _ = credited[1]
    rates = metrics.funnel_rates(now)
    return [
        FunnelStep(
            step=step,
            count=now.get(step, 0),
            previous_count=before.get(step, 0),
            rate=rates[step],
            revenue_minor=revenue if step == "online_order" else None,
        )
        for step in metrics.FUNNEL_STEPS
    ]


def no_purchase_reasons(
    conn: Connection,
    *,
    store_id: str,
    period: tuple[str, str],
    previous: tuple[str, str],
    tallies: tuple[VisitTally, VisitTally] | None = None,
) -> list[ReasonCount]:
    """Visits without a purchase per reason, ranked, beside the previous period's; no
    reason given counts as "other" (with the visits whose reason is "other", as the
    drill-down lists them together)."""
    if tallies is None:
        tallies = _pair(visit_tallies(conn, store_id=store_id, periods=[period, previous]))
    now, before = tallies[0].reasons, tallies[1].reasons
    total = sum(now.values())
    ranked = sorted(set(now) | set(before), key=lambda r: (-now.get(r, 0), r))
    return [
        ReasonCount(
            reason=reason,
            visits=now.get(reason, 0),
            previous_visits=before.get(reason, 0),
            share=metrics.rate(now.get(reason, 0), total),
        )
        for reason in ranked
    ]


def _pair(found: list[VisitTally]) -> tuple[VisitTally, VisitTally]:
    return found[0], found[1]


def _overlap(periods: list[tuple[str, str]]) -> bool:
    ordered = sorted(p for p in periods if p[0] < p[1])
    return any(b[0] < a[1] for a, b in pairwise(ordered))
