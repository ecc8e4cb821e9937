"""Purging old tombstones, and publishing how far deletions were forgotten.

Tombstones carry a version, not a time. Each run notes every scope's current version
with the time (`feed_marks`); a tombstone at or below the newest mark older than the
retention was written before that mark, so it is older than the retention and goes.
`feed_purges.purged_before` keeps the newest version purged per scope: a pull whose
cursor is below it may have missed a deletion that is no longer there, so it is answered
with a reset (`cursor_purged`) and the terminal resyncs the scope (keeping its outbox).

Any number of hub processes may run this at once: marks are keyed by (scope, time),
deletes are idempotent and `purged_before` only grows (its row is locked).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, write_tx
from clienteling.hub.periodic import PeriodicJob
from clienteling.hub.tables import feed_marks, feed_purges, scope_versions, tombstones

log = logging.getLogger(__name__)


def purged_before(conn: Connection, scope: str) -> int:
    """Cursors of `scope` below this version cannot be continued (0: nothing purged)."""
    value = conn.execute(
        sa.select(feed_purges.c.purged_before).where(feed_purges.c.scope == scope)
    ).scalar_one_or_none()
    return int(value or 0)


def purge_tombstones(
    engine: Engine, *, retention: timedelta, now: datetime | None = None
) -> dict[str, int]:
    """Mark every scope, purge what is older than `retention`; returns the tombstones
    deleted per scope (scopes with none left out)."""
    moment = now or utc_now()
    cutoff = iso(moment - retention)
    deleted: dict[str, int] = {}
    with write_tx(engine) as conn:
        scopes = conn.execute(sa.select(scope_versions.c.scope, scope_versions.c.version)).all()
        for scope, version in scopes:
            insert_ignoring_conflicts(
                conn, feed_marks, {"scope": scope, "at": iso(moment), "version": version}
            )
        for scope, _version in scopes:
            mark = conn.execute(
                sa.select(feed_marks.c.at, feed_marks.c.version)
                .where(feed_marks.c.scope == scope, feed_marks.c.at <= cutoff)
                .order_by(feed_marks.c.at.desc())
                .limit(1)
            ).first()
            if mark is None:
                continue
            old = sa.and_(tombstones.c.scope == scope, tombstones.c.version <= mark.version)
            count, newest = conn.execute(
                sa.select(sa.func.count(), sa.func.max(tombstones.c.version)).where(old)
            ).one()
            # Older marks are no longer needed: this one is the newest past the cutoff.
            conn.execute(
                sa.delete(feed_marks).where(feed_marks.c.scope == scope, feed_marks.c.at < mark.at)
            )
            if not count:
                continue
            conn.execute(sa.delete(tombstones).where(old))
            _raise_purged_before(conn, scope, int(newest), at=iso(moment))
            deleted[scope] = int(count)
    if deleted:
        log.info("purged tombstones older than %s: %s", cutoff, deleted)
    return deleted


def _raise_purged_before(conn: Connection, scope: str, version: int, *, at: str) -> None:
    insert_ignoring_conflicts(
        conn, feed_purges, {"scope": scope, "purged_before": 0, "purged_at": at}
    )
    current = conn.execute(
        sa.select(feed_purges.c.purged_before).where(feed_purges.c.scope == scope).with_for_update()
    ).scalar_one()
    if version > int(current):
        conn.execute(
            sa.update(feed_purges)
            .where(feed_purges.c.scope == scope)
            .values(purged_before=version, purged_at=at)
        )


def purge_job(engine: Engine, *, retention: timedelta, interval_s: float) -> PeriodicJob:
    """`purge_tombstones` at start and then every `interval_s`."""
    return PeriodicJob(
        "tombstone purge",
        lambda: purge_tombstones(engine, retention=retention),
        interval_s=interval_s,
    )
