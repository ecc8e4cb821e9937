"""Feedback by touchpoint (buyers and non-buyers apart) and follow-up effectiveness per
template and channel, for one store and period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.hub.stats.funnel import (
    FollowupKey,
    followup_tallies,
    local_days,
    store_timezone,
)
from clienteling.hub.stats.sql import between
from clienteling.hub.tables import feedback, followup_revenue, store_followup_days
from clienteling.protocol.dashboard import FeedbackComment, FollowupEffect, TouchpointFeedback

LATEST_COMMENTS = 6


def touchpoint_feedback(
    conn: Connection, *, store_id: str, start: str, end: str
) -> list[TouchpointFeedback]:
    where = sa.and_(feedback.c.store_id == store_id, between(feedback.c.created_at, start, end))
    rows = conn.execute(
        sa.select(
            feedback.c.touchpoint,
            feedback.c.buyer,
            sa.func.count(),
            sa.func.avg(feedback.c.score),
        )
        .where(where)
        .group_by(feedback.c.touchpoint, feedback.c.buyer)
    )
    found = [
        TouchpointFeedback(
            touchpoint=str(touchpoint),
            buyer=buyer,
            answers=int(n),
            average_score=None if average is None else float(average),
        )
        for touchpoint, buyer, n, average in rows
    ]
    order = {t: i for i, t in enumerate(metrics.TOUCHPOINTS)}
    found.sort(key=lambda f: (order.get(f.touchpoint, 99), f.buyer is not True, f.buyer is None))
    return found


def surveys_answered(conn: Connection, *, store_id: str, start: str, end: str) -> int:
    # Distinct tokens through a grouped subquery: PostgreSQL hashes it, where
    # count(DISTINCT) sorts the tokens under the database's collation (twice the time).
    tokens = (
        sa.select(feedback.c.token)
        .where(feedback.c.store_id == store_id, between(feedback.c.created_at, start, end))
        .group_by(feedback.c.token)
        .subquery()
    )
    return int(conn.execute(sa.select(sa.func.count()).select_from(tokens)).scalar_one())


def latest_comments(
    conn: Connection, *, store_id: str, start: str, end: str
) -> list[FeedbackComment]:
    rows = conn.execute(
        sa.select(
            feedback.c.touchpoint,
            feedback.c.buyer,
            feedback.c.score,
            feedback.c.text,
            feedback.c.created_at,
        )
        .where(
            feedback.c.store_id == store_id,
            between(feedback.c.created_at, start, end),
            feedback.c.text != "",
        )
        .order_by(feedback.c.created_at.desc(), feedback.c.id.desc())
        .limit(LATEST_COMMENTS)
    )
    return [
        FeedbackComment(touchpoint=str(t), buyer=b, score=s, text=str(x), at=str(at))
        for t, b, s, x, at in rows
    ]


def followup_effects(
    conn: Connection,
    *,
    store_id: str,
    start: str,
    end: str,
    statuses: Mapping[FollowupKey, int] | None = None,
    timezone: str | None = None,
) -> list[FollowupEffect]:
    """Per template and channel, the period's follow-ups by how far they got and the
    revenue of the kept orders credited to them; `statuses` are the period's
    `funnel.followup_tallies` statuses when the caller has them (the dashboard counts the
    follow-ups of both its periods in one pass for the funnel). `timezone` is the
    store's `locations.timezone` (looked up when not given)."""
    if timezone is None:
        timezone = store_timezone(conn, store_id)
    if statuses is None:
        (tally,) = followup_tallies(
            conn, store_id=store_id, periods=[(start, end)], timezone=timezone
        )
        statuses = tally.statuses
    counts: defaultdict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for (template, channel, status), n in statuses.items():
        counts[(template, channel)][status] = n
    days = local_days(start, end, timezone)
    if days is not None:
        # Whole local days of the store: the per-day rollup (`hub.followup_days`), a few
        # rows per day, the same sums.
        rollup = store_followup_days
        source: tuple[sa.ColumnElement[Any], ...] = (
            rollup.c.template,
            rollup.c.channel,
            rollup.c.revenue_minor,
        )
        where = sa.and_(rollup.c.store_id == store_id, between(rollup.c.day, days[0], days[1]))
    else:
        # The period's rows of the per-follow-up rollup (`hub.followup_revenue`,
        # index-only on PostgreSQL): no join of the follow-ups with their credited orders.
        source = (
            followup_revenue.c.template,
            followup_revenue.c.channel,
            followup_revenue.c.revenue_minor,
        )
        where = sa.and_(
            followup_revenue.c.store_id == store_id,
            between(followup_revenue.c.created_at, start, end),
        )
    template_of, channel_of, revenue_of = source
    revenue: dict[tuple[str, str], int] = {
        (str(template), str(channel)): int(total)
        for template, channel, total in conn.execute(
            sa.select(template_of, channel_of, sa.func.coalesce(sa.func.sum(revenue_of), 0))
            .where(where)
            .group_by(template_of, channel_of)
        )
    }

    def reached(by_status: dict[str, int], step: str) -> int:
        return sum(n for s, n in by_status.items() if s in metrics.FOLLOWUP_REACHED[step])

    effects = [
        FollowupEffect(
            template=template,
            channel=channel,
            queued=sum(by_status.values()),
            sent=reached(by_status, "followups_sent"),
            opened=reached(by_status, "opened"),
            clicked=reached(by_status, "clicked"),
            converted=by_status.get("converted", 0),
            revenue_minor=revenue.get((template, channel), 0),
        )
        for (template, channel), by_status in counts.items()
    ]
    effects.sort(key=lambda e: (-e.revenue_minor, -e.sent, e.template, e.channel))
    return effects
