"""What a follow-up may carry besides its picks: a single-use offer (`hub.offers`) and a
reserve-for-pickup link (`/r/<token>`, `hub.routes.hold_pages`).

Both are made in the transaction that queues the follow-up, so the message rendered by
the delivery worker (`hub.delivery.compose`) always finds them. The reserve link is a
`followup_links` row of kind "reserve", signed like the others (`hub.links`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import links, offers
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import followup_links


def attach(
    conn: Connection,
    *,
    followup_id: str,
    customer_id: str,
    store_id: str | None,
    scope: str,
    offer: str | None,
    reserve: bool,
) -> None:
    if offer is not None and offers.followup_offer(conn, followup_id) is None:
        offers.issue_offer(
            conn,
            customer_id=customer_id,
            followup_id=followup_id,
            store_id=store_id,
            kind=offer,
            scope=scope,
        )
    if reserve:
        insert_ignoring_conflicts(
            conn,
            followup_links,
            {
                "token": links.make_token(links.link_secret(conn), "reserve", followup_id),
                "kind": "reserve",
                "followup_id": followup_id,
                "customer_id": customer_id,
            },
        )


@dataclass(frozen=True, slots=True)
class Extras:
    """What `compose` puts in the message."""

    offer_kind: str | None = None
    offer_code: str | None = None
    offer_expires_at: datetime | None = None
    reserve_url: str = ""


def extras(conn: Connection, followup_id: str, *, public_url: str) -> Extras:
    offer = offers.followup_offer(conn, followup_id)
    token = links.make_token(links.link_secret(conn), "reserve", followup_id)
    has_link = conn.execute(
        sa.select(followup_links.c.token).where(
            followup_links.c.token == token, followup_links.c.kind == "reserve"
        )
    ).first()
    return Extras(
        offer_kind=None if offer is None else str(offer.kind),
        offer_code=None if offer is None else str(offer.code),
        offer_expires_at=None if offer is None else datetime.fromisoformat(offer.expires_at),
        reserve_url=links.url(public_url, "reserve", token) if has_link else "",
    )
