"""Feedback by touchpoint (buyers and non-buyers apart) and follow-up effectiveness per
template and channel, for one store and period."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.hub.stats.sql import between
from clienteling.hub.tables import feedback, followup_credits, followups
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
    return int(
        conn.execute(
            sa.select(sa.func.count(sa.distinct(feedback.c.token))).where(
                feedback.c.store_id == store_id, between(feedback.c.created_at, start, end)
            )
        ).scalar_one()
    )


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
    conn: Connection, *, store_id: str, start: str, end: str
) -> list[FollowupEffect]:
    mine = sa.and_(followups.c.store_id == store_id, between(followups.c.created_at, start, end))
    counts: defaultdict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for template, channel, status, n in conn.execute(
        sa.select(followups.c.template, followups.c.channel, followups.c.status, sa.func.count())
        .where(mine)
        .group_by(followups.c.template, followups.c.channel, followups.c.status)
    ):
        counts[(str(template), str(channel))][str(status)] = int(n)
    # Set-based: the period's follow-ups (index-only) joined with the credited kept
    # orders' narrow rows (`hub.followup_credits`), not a lookup in `orders` per order.
    revenue: dict[tuple[str, str], int] = {
        (str(template), str(channel)): int(total)
        for template, channel, total in conn.execute(
            sa.select(
                followups.c.template,
                followups.c.channel,
                sa.func.coalesce(sa.func.sum(followup_credits.c.revenue_minor), 0),
            )
            .select_from(
                followup_credits.join(followups, followups.c.id == followup_credits.c.followup_id)
            )
            .where(mine)
            .group_by(followups.c.template, followups.c.channel)
        )
    }

    def reached(statuses: dict[str, int], step: str) -> int:
        return sum(n for s, n in statuses.items() if s in metrics.FOLLOWUP_REACHED[step])

    effects = [
        FollowupEffect(
            template=template,
            channel=channel,
            queued=sum(statuses.values()),
            sent=reached(statuses, "followups_sent"),
            opened=reached(statuses, "opened"),
            clicked=reached(statuses, "clicked"),
            converted=statuses.get("converted", 0),
            revenue_minor=revenue.get((template, channel), 0),
        )
        for (template, channel), statuses in counts.items()
    ]
    effects.sort(key=lambda e: (-e.revenue_minor, -e.sent, e.template, e.channel))
    return effects
