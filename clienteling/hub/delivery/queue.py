"""The delivery queue in the database: claim with a lease, prepare, complete, recover."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import followups as status
from clienteling.hub.clock import iso
from clienteling.hub.tables import delivery_attempts, delivery_jobs


def _skip_locked(conn: Connection, query: sa.Select[Any]) -> sa.Select[Any]:
    """On PostgreSQL, rows another worker holds are skipped, not waited for; SQLite's
    BEGIN IMMEDIATE already lets one claimer in at a time."""
    if conn.dialect.name == "postgresql":
        return query.with_for_update(skip_locked=True)
    return query


def claim(conn: Connection, *, worker: str, now: datetime, lease_s: float, limit: int) -> list[str]:
    """Take up to `limit` due jobs (pending, or claimed by a worker whose lease ran out
    before it prepared anything); returns their follow-up ids."""
    at = iso(now)
    due = sa.or_(
        sa.and_(delivery_jobs.c.state == "pending", delivery_jobs.c.not_before <= at),
        sa.and_(delivery_jobs.c.state == "claimed", delivery_jobs.c.lease_until < at),
    )
    query = (
        sa.select(delivery_jobs.c.followup_id)
        .where(due)
        .order_by(delivery_jobs.c.not_before, delivery_jobs.c.followup_id)
        .limit(limit)
    )
    ids = [str(i) for i in conn.execute(_skip_locked(conn, query)).scalars()]
    if ids:
        conn.execute(
            sa.update(delivery_jobs)
            .where(delivery_jobs.c.followup_id.in_(ids))
            .values(
                state="claimed",
                lease_owner=worker,
                lease_until=iso(now + timedelta(seconds=lease_s)),
            )
        )
    return ids


def holds(conn: Connection, followup_id: str, *, worker: str, state: str) -> bool:
    """Lock the job and check this worker still holds it in `state`."""
    row = conn.execute(
        sa.select(delivery_jobs.c.state, delivery_jobs.c.lease_owner)
        .where(delivery_jobs.c.followup_id == followup_id)
        .with_for_update()
    ).first()
    return row is not None and row.state == state and row.lease_owner == worker


def finish(conn: Connection, followup_id: str) -> None:
    conn.execute(
        sa.update(delivery_jobs)
        .where(delivery_jobs.c.followup_id == followup_id)
        .values(state="done", lease_owner=None, lease_until=None)
    )


def defer(conn: Connection, followup_id: str, *, until: datetime) -> None:
    conn.execute(
        sa.update(delivery_jobs)
        .where(delivery_jobs.c.followup_id == followup_id)
        .values(state="pending", not_before=iso(until), lease_owner=None, lease_until=None)
    )


def mark_sending(conn: Connection, followup_id: str, *, now: datetime, lease_s: float) -> None:
    conn.execute(
        sa.update(delivery_jobs)
        .where(delivery_jobs.c.followup_id == followup_id)
        .values(state="sending", lease_until=iso(now + timedelta(seconds=lease_s)))
    )


def recover(conn: Connection, *, now: datetime, limit: int = 100) -> list[str]:
    """Jobs left in `sending` by a worker that stopped (lease over): the provider may have
    accepted the message, so nothing is sent again; a person checks (`needs_check`)."""
    query = (
        sa.select(delivery_jobs.c.followup_id)
        .where(delivery_jobs.c.state == "sending", delivery_jobs.c.lease_until < iso(now))
        .limit(limit)
    )
    ids = [str(i) for i in conn.execute(_skip_locked(conn, query)).scalars()]
    for followup_id in ids:
        conn.execute(
            sa.update(delivery_attempts)
            .where(
                delivery_attempts.c.followup_id == followup_id,
                delivery_attempts.c.state == "prepared",
            )
            .values(
                state="unknown",
                completed_at=iso(now),
                detail="the worker stopped after preparing; the provider may have it",
            )
        )
        status.set_status(
            conn,
            followup_id,
            "needs_check",
            "sending was interrupted: check with the provider before sending again",
        )
        finish(conn, followup_id)
    return ids
