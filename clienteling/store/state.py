"""Per-scope pull position: the hub's opaque cursor and whether the snapshot finished."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class ScopeState:
    scope: str
    cursor: str | None
    snapshot_done: bool
    last_sync_at: str | None


def scope_state(db: Database, scope: str) -> ScopeState:
    row = db.conn.execute(
        "SELECT cursor, snapshot_done, last_sync_at FROM sync_state WHERE scope = ?", (scope,)
    ).fetchone()
    if row is None:
        return ScopeState(scope=scope, cursor=None, snapshot_done=False, last_sync_at=None)
    return ScopeState(scope=scope, cursor=row[0], snapshot_done=bool(row[1]), last_sync_at=row[2])


def save_scope_state(db: Database, state: ScopeState) -> None:
    """Joins the caller's transaction (the page's rows and cursor commit together)."""
    db.execute(
        "INSERT INTO sync_state (scope, cursor, snapshot_done, last_sync_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT(scope) DO UPDATE SET cursor = excluded.cursor, "
        "snapshot_done = excluded.snapshot_done, last_sync_at = excluded.last_sync_at",
        (state.scope, state.cursor, int(state.snapshot_done), state.last_sync_at),
    )


def all_ready(db: Database, scopes: Iterable[str]) -> bool:
    """True when every scope's first snapshot completed (the terminal may be trusted)."""
    wanted = list(scopes)
    return bool(wanted) and all(scope_state(db, scope).snapshot_done for scope in wanted)
