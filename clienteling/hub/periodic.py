"""Hub background work that runs at start and then every few seconds on a daemon thread
(tombstone purge, hold expiry, task generation). Each run is idempotent and safe beside
other hub processes; a failed run is logged and retried at the next interval."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class PeriodicJob:
    """`run()` at `start()` and then every `interval_s` until `stop()`; 0 never runs.
    `wait_first`: the first run one interval after `start()` (housekeeping that need not
    hold up a start, nor touch a database the moment a process opens it)."""

    def __init__(
        self,
        name: str,
        run: Callable[[], object],
        *,
        interval_s: float,
        wait_first: bool = False,
    ) -> None:
        self.name = name
        self._run_once = run
        self._interval_s = interval_s
        self._wait_first = wait_first
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._interval_s <= 0:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=f"hub-{self.name}", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        if self._wait_first:
            self._stop.wait(self._interval_s)
        while not self._stop.is_set():
            try:
                self._run_once()
            except Exception:  # a failed run is retried at the next interval
                log.exception("%s failed", self.name)
            self._stop.wait(self._interval_s)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
