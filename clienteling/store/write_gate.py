"""Holding every write to the cache until its deferred integrity check has passed.

The desktop app opens the cache without the full page check and checks it on a worker
(`store.cache`); until that check passes, nothing may be written to the file: a write to a
damaged file can spread the damage, and the unsent outbox in it is what support recovers.

A `WriteGate` is a SQLite authorizer installed on each of the terminal's connections
(`connect_cache(gate=…)`). SQLite asks it while it prepares a statement, before any lock
is taken. While the check runs:

- a write (INSERT, UPDATE, DELETE, schema changes, the pragmas that write) or a `BEGIN`
  (every write transaction starts with one) on a worker thread *waits* for the verdict, so
  a note saved during the check is written right after it passes, not lost. Waiting at
  `BEGIN` means no thread sits on the write lock while it waits.
- on the main (GUI) thread it is refused at once: the GUI thread never waits for the check.
- reads, savepoints (sqlite-utils wraps reads in one) and the temporary (in-memory)
  database go through.

When the check fails the gate stays shut: every write is refused, for good. Refusals
surface from `execute` as sqlite's "not authorized"; `refusal_error` turns them into a
sentence-bearing error (`CacheCheckingError`, `CacheCorruptError`).

A sync running in another process (`sync.pull_process`) has its own connection: the
terminal starts no sync pass before the gate opens (`wait`).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from enum import Enum

from clienteling.domain.errors import CacheCheckingError, CacheCorruptError, ClientelingError

log = logging.getLogger(__name__)

WAIT_LIMIT_S = 120.0
"""How long a write waits for the check (it takes seconds even at 50k customers)."""

_WRITES = frozenset(
    {
        sqlite3.SQLITE_INSERT,
        sqlite3.SQLITE_UPDATE,
        sqlite3.SQLITE_DELETE,
        sqlite3.SQLITE_CREATE_INDEX,
        sqlite3.SQLITE_CREATE_TABLE,
        sqlite3.SQLITE_CREATE_TRIGGER,
        sqlite3.SQLITE_CREATE_VIEW,
        sqlite3.SQLITE_CREATE_VTABLE,
        sqlite3.SQLITE_DROP_INDEX,
        sqlite3.SQLITE_DROP_TABLE,
        sqlite3.SQLITE_DROP_TRIGGER,
        sqlite3.SQLITE_DROP_VIEW,
        sqlite3.SQLITE_DROP_VTABLE,
        sqlite3.SQLITE_ALTER_TABLE,
        sqlite3.SQLITE_REINDEX,
        sqlite3.SQLITE_ANALYZE,
    }
)
_WRITING_PRAGMAS = frozenset({"wal_checkpoint", "incremental_vacuum", "optimize", "rekey"})
_SETTING_WRITES = frozenset(
    {"user_version", "application_id", "schema_version", "journal_mode", "page_size"}
)
"""Pragmas that write the file when given a value (reading them is fine)."""


class GateState(Enum):
    HELD = "held"  # the check is running
    OPEN = "open"  # it passed
    SHUT = "shut"  # it failed: nothing is written any more


class WriteGate:
    def __init__(self, *, state: GateState = GateState.HELD, wait_limit_s: float = WAIT_LIMIT_S):
        self._state = state
        self._changed = threading.Condition()
        self._wait_limit_s = wait_limit_s
        self._refused = threading.local()

    @property
    def state(self) -> GateState:
        return self._state

    def open(self) -> None:
        """The check passed: waiting writes go ahead, and all later ones."""
        self._settle(GateState.OPEN)

    def shut(self) -> None:
        """The check failed: waiting and later writes are refused."""
        self._settle(GateState.SHUT)

    def _settle(self, state: GateState) -> None:
        with self._changed:
            if self._state is GateState.HELD:
                self._state = state
            self._changed.notify_all()

    def wait(self, timeout_s: float | None = None) -> GateState:
        """Block until the check has a verdict (or `timeout_s`); the state then."""
        limit = self._wait_limit_s if timeout_s is None else timeout_s
        with self._changed:
            self._changed.wait_for(lambda: self._state is not GateState.HELD, limit)
            return self._state

    def authorize(
        self,
        action: int,
        arg1: str | None,
        arg2: str | None,
        db_name: str | None,
        _source: str | None,
    ) -> int:
        """The SQLite authorizer callback (`Connection.set_authorizer`)."""
        if self._state is GateState.OPEN or not _writes(action, arg1, arg2, db_name):
            return sqlite3.SQLITE_OK
        if threading.current_thread() is threading.main_thread():
            state: GateState = self._state  # the GUI thread never waits
        else:
            state = self.wait()
        if state is GateState.OPEN:
            return sqlite3.SQLITE_OK
        self._refused.state = state
        return sqlite3.SQLITE_DENY

    def refusal_error(self, exc: BaseException) -> ClientelingError | None:
        """The error to raise for `exc` when it is this gate's refusal on this thread
        (sqlite's "not authorized"), else None."""
        state: GateState | None = getattr(self._refused, "state", None)
        if state is None or "not authorized" not in str(exc):
            return None
        self._refused.state = None
        if state is GateState.SHUT:
            return CacheCorruptError("the cache is damaged: nothing more is written to it")
        log.info("a cache write was refused: the integrity check has not finished")
        return CacheCheckingError("the cache is still being checked: write refused")


def _writes(action: int, arg1: str | None, arg2: str | None, db_name: str | None) -> bool:
    if action == sqlite3.SQLITE_TRANSACTION:
        return arg1 == "BEGIN"
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        return name in _WRITING_PRAGMAS or (name in _SETTING_WRITES and arg2 is not None)
    return action in _WRITES and db_name != "temp"
