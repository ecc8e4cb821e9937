"""One cache connection per thread (SQLite connections are never shared across threads),
all closed together when the terminal closes."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlite_utils import Database

from clienteling.domain.errors import TerminalClosedError
from clienteling.store.cache import connect_cache
from clienteling.store.write_gate import WriteGate


class ThreadConnections:
    def __init__(
        self,
        path: Path,
        *,
        key: bytes | None = None,
        first: Database | None = None,
        gate: WriteGate | None = None,
    ) -> None:
        """`gate`: holds each connection's writes until the cache's check has passed."""
        self.path = path
        self._key = key
        self._gate = gate
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Database] = []
        self._closed = False
        if first is not None:
            self._local.db = first
            self._all.append(first)

    def get(self) -> Database:
        """This thread's connection, opened on first use."""
        db: Database | None = getattr(self._local, "db", None)
        if db is not None:
            return db
        with self._lock:
            if self._closed:
                raise TerminalClosedError("the terminal is closed")
            db = connect_cache(self.path, key=self._key, gate=self._gate)
            self._all.append(db)
        self._local.db = db
        return db

    def close_all(self) -> None:
        with self._lock:
            self._closed = True
            connections, self._all = self._all, []
        for db in connections:
            db.close()
