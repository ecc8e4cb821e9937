"""The cache's integrity check deferred at open, on a thread of its own, and the gate that
holds every write until it passes (`store.write_gate`).

It starts with the terminal, before any sign-in dialog or window, so a write made there
(a sign-in saves the session) waits seconds, not until a window shows. Work that the GUI
thread would have written during the check (it never waits) is queued with `when_writable`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from clienteling.domain.errors import CacheCheckingError, CacheCorruptError, ClientelingError
from clienteling.store.cache import check_integrity, connect_cache
from clienteling.store.write_gate import GateState, WriteGate

log = logging.getLogger(__name__)

_JOIN_S = 10.0


class DeferredCheck:
    def __init__(
        self,
        path: Path,
        *,
        key: bytes | None,
        gate: WriteGate,
        on_damaged: Callable[[], None],
        starts_after: threading.Event | None = None,
    ) -> None:
        """Runs `PRAGMA quick_check` on `path` now, on a thread, unless `gate` is already
        open; `on_damaged` (on that thread) when it fails. `starts_after`: the check
        begins once it is set (tests: a check still running, as a large cache's is)."""
        self.gate = gate
        self._starts_after = starts_after
        self._path = path
        self._key = key
        self._on_damaged = on_damaged
        self._lock = threading.Lock()
        self._queued: list[Callable[[], None]] = []
        self._db: Database | None = None
        self._closing = False
        self.damaged = False
        self._thread: threading.Thread | None = None
        if gate.state is GateState.HELD:
            self._thread = threading.Thread(target=self._run, name="cache-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while self._starts_after is not None and not self._starts_after.wait(0.05):
            if self._closing:
                self.gate.shut()
                return
        try:
            db = connect_cache(self._path, key=self._key)  # reads only: no gate on it
        except ClientelingError as exc:
            log.warning("the cache integrity check cannot start: %s", exc)
            self.gate.shut()
            return
        with self._lock:
            self._db = db
            closing = self._closing
        try:
            if closing:
                raise CacheCheckingError("the terminal closed before the check")
            check_integrity(db, name=self._path.name)
        except CacheCorruptError:
            if self._closing:  # interrupted by `close`: no verdict
                self.gate.shut()
                return
            self.damaged = True
            self.gate.shut()
            self._on_damaged()
            return
        except CacheCheckingError:
            self.gate.shut()
            return
        finally:
            with self._lock:
                self._db = None
            db.close()
        self.gate.open()
        log.info("cache integrity check passed")
        with self._lock:
            queued, self._queued = self._queued, []
        for work in queued:
            try:
                work()
            except Exception:
                log.exception("a write held for the cache check failed")

    def when_writable(self, work: Callable[[], None]) -> None:
        """`work` now when the cache may be written, else on the check's thread right
        after it passes (never when it fails)."""
        with self._lock:
            if self.gate.state is GateState.HELD:
                self._queued.append(work)
                return
        if self.gate.state is GateState.OPEN:
            work()

    def wait_for_verdict(self) -> None:
        """Block until the check has passed; CacheCorruptError when it failed,
        CacheCheckingError when it never finished (the terminal closed)."""
        while (state := self.gate.wait()) is GateState.HELD:
            continue
        if state is GateState.SHUT:
            if self.damaged:
                raise CacheCorruptError(f"the cache {self._path.name} fails its integrity check")
            raise CacheCheckingError("the cache check did not finish")

    def wait_writable(self) -> None:
        """Before work that writes the cache outside this process's gated connections
        (a sync pass: its pull process has its own): wait for the check (up to the
        gate's limit); CacheCorruptError / CacheCheckingError when it may not write."""
        state = self.gate.wait()
        if state is GateState.OPEN:
            return
        if state is GateState.SHUT and self.damaged:
            raise CacheCorruptError(f"the cache {self._path.name} is damaged")
        raise CacheCheckingError("the cache is still being checked")

    def close(self) -> None:
        """Interrupt a running check (the terminal closes) and wait for its thread."""
        with self._lock:
            self._closing = True
            db = self._db
        if db is not None:
            db.conn.interrupt()
        if self._thread is not None:
            self._thread.join(_JOIN_S)
        self.gate.shut()  # no verdict now: whatever still waits is refused
