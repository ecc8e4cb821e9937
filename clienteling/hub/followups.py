"""A follow-up's status, written with a new version so every terminal of the store sees it.

Delivery moves queued -> sending -> sent, or ends in refused_no_consent / failed /
needs_check. After `sent`, what the customer does only moves it forward:
sent < delivered < opened < clicked < converted (a late "opened" never undoes a click).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import followup_days, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.tables import followups
from clienteling.protocol.entities import FollowupStatus

ENGAGEMENT_RANK: dict[str, int] = {
    "sent": 0,
    "delivered": 1,
    "opened": 2,
    "clicked": 3,
    "converted": 4,
}


def load(conn: Connection, followup_id: str, *, lock: bool = False) -> Any:
    query = sa.select(followups).where(followups.c.id == followup_id)
    return conn.execute(query.with_for_update() if lock else query).first()


def set_status(
    conn: Connection, followup_id: str, status: FollowupStatus, reason: str | None = None
) -> None:
    """Write `status` (and why) unconditionally; the caller knows the transition is right."""
    row = load(conn, followup_id, lock=True)
    if row is None:
        return
    followup_days.update_followups(  # moves the dashboard's per-day counts with it
        conn,
        followups.c.id == followup_id,
        {
            "status": status,
            "status_reason": reason[:300] if reason else None,
            "updated_at": iso(utc_now()),
            "version": versions.allocate(conn, row.scope),
        },
    )


def advance(conn: Connection, followup_id: str, status: FollowupStatus) -> bool:
    """Move a sent follow-up forward to `status` (delivered ... converted); True if moved."""
    row = load(conn, followup_id, lock=True)
    if row is None or row.status not in ENGAGEMENT_RANK:
        return False
    if ENGAGEMENT_RANK[status] <= ENGAGEMENT_RANK[row.status]:
        return False
    set_status(conn, followup_id, status)
    return True


def mark_opened(conn: Connection, followup_id: str) -> bool:
    """The customer opened the email (its pixel loaded): note the first open's time and
    move the status to `opened` unless it is further already; True on the first open.
    Nothing about the reader (address, client) is kept."""
    row = load(conn, followup_id, lock=True)
    if row is None:
        return False
    first = row.opened_at is None
    if first:
        conn.execute(
            sa.update(followups)
            .where(followups.c.id == followup_id)
            .values(opened_at=iso(utc_now()), version=versions.allocate(conn, row.scope))
        )
    advance(conn, followup_id, "opened")
    return first
