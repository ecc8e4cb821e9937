"""Which associate and store an online order is credited to.

A touch is a customer opening a follow-up link or adding to the cart from it (associate,
store, time). An order placed within `attribution_window_days` (default 14) after the
newest touch is credited to that touch (last touch wins) and its follow-up becomes
`converted`. Ingest calls this for every new web order, whatever the shop (ours, a
generic web shop, Shopify), so the credit does not depend on where the checkout ran.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.ids import uuid7
from clienteling.hub import followups as status
from clienteling.hub.clock import iso
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import attribution_touches, order_attributions


def touch(conn: Connection, followup: Any, *, kind: Literal["click", "cart"], at: datetime) -> None:
    conn.execute(
        sa.insert(attribution_touches).values(
            id=uuid7(),
            customer_id=followup.customer_id,
            followup_id=followup.id,
            associate_id=followup.associate_id,
            store_id=followup.store_id,
            kind=kind,
            at=iso(at),
        )
    )


def attribute_order(
    conn: Connection, *, order_id: str, customer_id: str, at: datetime, window_days: int
) -> bool:
    """Credit the order to the newest touch within the window (last touch wins)."""
    since = iso(at - timedelta(days=window_days))
    last = conn.execute(
        sa.select(attribution_touches)
        .where(
            attribution_touches.c.customer_id == customer_id,
            attribution_touches.c.at >= since,
            attribution_touches.c.at <= iso(at),
        )
        .order_by(attribution_touches.c.at.desc(), attribution_touches.c.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return False
    added = insert_ignoring_conflicts(
        conn,
        order_attributions,
        {
            "order_id": order_id,
            "followup_id": last.followup_id,
            "associate_id": last.associate_id,
            "store_id": last.store_id,
            "touched_at": last.at,
            "attributed_at": iso(at),
        },
    )
    if added:
        status.advance(conn, last.followup_id, "converted")
    return added
