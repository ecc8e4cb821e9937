"""Consent events written by the hub itself (the customer's own opt-out on a page).

Consent is an append-only log (DESIGN.md, Sync §7): an opt-out is a new event with
`granted = false`, in the customer's scope with a new version, so every terminal of the
store pulls it, and the newest event per channel is what counts everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.ids import uuid7
from clienteling.hub import purchase_facts, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.tables import consents

CHANNELS = ("email", "sms", "whatsapp")


def latest(conn: Connection, customer_id: str) -> dict[str, bool]:
    """The newest event per channel (channels without any event are absent)."""
    found: dict[str, bool] = {}
    rows = conn.execute(
        sa.select(consents.c.channel, consents.c.granted)
        .where(consents.c.customer_id == customer_id)
        .order_by(consents.c.at, consents.c.version)
    )
    for row in rows:
        found[row.channel] = bool(row.granted)
    return found


def opt_out(
    conn: Connection, customer_id: str, channels: Iterable[str], *, source: str
) -> list[str]:
    """Record `granted = false` for each channel still granted; the channels changed.

    Locks like every customer writer (the scope's counter, then the customer:
    `purchase_facts.lock_customer`), so an unsubscribe racing an erasure, an order or a
    profile patch of the same customer waits instead of deadlocking."""
    row = purchase_facts.lock_customer(conn, customer_id)
    if row is None:
        return []
    scope = row.scope
    current = latest(conn, customer_id)
    changed = [c for c in channels if c in CHANNELS and current.get(c, False)]
    now = iso(utc_now())
    for channel in changed:
        conn.execute(
            sa.insert(consents).values(
                id=uuid7(),
                customer_id=customer_id,
                channel=channel,
                granted=False,
                source=source,
                at=now,
                scope=scope,
                version=versions.allocate(conn, scope),
            )
        )
    return changed
