"""Offer counts for the manager dashboard: codes the store issued in a period, how many
of them were redeemed (at any time since), and where (at a till or online)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.stats.sql import between
from clienteling.hub.tables import offers


@dataclass(frozen=True, slots=True)
class OfferCounts:
    issued: int = 0
    redeemed: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)  # store | online -> redeemed
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (issued, redeemed)

    @property
    def redemption_rate(self) -> float | None:
        return None if self.issued == 0 else self.redeemed / self.issued


def offer_counts(conn: Connection, *, store_id: str, start: str, end: str) -> OfferCounts:
    """Offers issued by `store_id` in [start, end) (UTC ISO times) and their redemptions."""
    rows = conn.execute(
        sa.select(offers.c.kind, offers.c.redeemed_channel, sa.func.count())
        .where(offers.c.store_id == store_id, between(offers.c.created_at, start, end))
        .group_by(offers.c.kind, offers.c.redeemed_channel)
    ).all()
    issued = redeemed = 0
    by_channel: dict[str, int] = {}
    by_kind: dict[str, tuple[int, int]] = {}
    for kind, channel, count in rows:
        n = int(count)
        issued += n
        kind_issued, kind_redeemed = by_kind.get(str(kind), (0, 0))
        if channel is not None:
            redeemed += n
            by_channel[str(channel)] = by_channel.get(str(channel), 0) + n
        by_kind[str(kind)] = (kind_issued + n, kind_redeemed + (n if channel else 0))
    return OfferCounts(issued=issued, redeemed=redeemed, by_channel=by_channel, by_kind=by_kind)
