"""This cache's side of the scope check (DESIGN.md Sync 9, `hub.scope_check`).

Per entity kind: how many rows of the scope came from the hub and the sum of their
versions. Rows written here and not yet on the hub carry version 0 and are left out, so
unsent work never looks like a difference. When is a check due, and when did a
difference last cause a resync, live in `meta`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from clienteling.store.meta import get_meta, set_meta
from clienteling.store.tables import ENTITY_TABLES

CHECK_EVERY = timedelta(hours=1)
"""A caught-up scope is checked at most this often (and at once after its snapshot)."""

RESYNC_AT_MOST_EVERY = timedelta(hours=24)
"""A difference found again this soon after a resync it caused does not resync again: a
fresh snapshot cannot differ, so it is a fault to report, not to repeat all day."""


def local_figures(db: Database, scope: str) -> dict[str, tuple[int, int]]:
    """entity -> (rows, sum of versions) of the scope's rows that came from the hub."""
    out: dict[str, tuple[int, int]] = {}
    for entity, spec in ENTITY_TABLES.items():
        count, total = db.conn.execute(
            f"SELECT count(*), coalesce(sum(version), 0) FROM {spec.table} "
            "WHERE scope = ? AND version > 0",
            (scope,),
        ).fetchone()
        out[entity] = (int(count), int(total))
    return out


def differences(
    local: Mapping[str, tuple[int, int]], hub: Mapping[str, tuple[int, int]]
) -> dict[str, tuple[tuple[int, int], tuple[int, int]]]:
    """entity -> (ours, the hub's) where they differ, for the kinds both sides know."""
    return {
        entity: (local[entity], figures)
        for entity, figures in hub.items()
        if entity in local and local[entity] != figures
    }


def _time(db: Database, key: str) -> datetime | None:
    text = get_meta(db, key)
    return datetime.fromisoformat(text) if text else None


def last_checked(db: Database, scope: str) -> datetime | None:
    return _time(db, f"scope_checked:{scope}")


def last_resync(db: Database, scope: str) -> datetime | None:
    """When a difference last made this terminal resync the scope (diagnostics)."""
    return _time(db, f"scope_check_resync:{scope}")


def check_due(db: Database, scope: str, *, now: datetime | None = None) -> bool:
    last = last_checked(db, scope)
    return last is None or (now or datetime.now(UTC)) - last >= CHECK_EVERY


def mark_checked(db: Database, scope: str, *, now: datetime | None = None) -> None:
    set_meta(db, f"scope_checked:{scope}", (now or datetime.now(UTC)).isoformat())


def may_resync(db: Database, scope: str, *, now: datetime | None = None) -> bool:
    last = last_resync(db, scope)
    return last is None or (now or datetime.now(UTC)) - last >= RESYNC_AT_MOST_EVERY


def mark_resync(db: Database, scope: str, *, now: datetime | None = None) -> None:
    """A difference starts a resync: the next check comes right after its snapshot."""
    set_meta(db, f"scope_check_resync:{scope}", (now or datetime.now(UTC)).isoformat())
    db.conn.execute("DELETE FROM meta WHERE key = ?", (f"scope_checked:{scope}",))
