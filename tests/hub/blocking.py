"""Helpers for tests that hold one transaction open while another must wait for it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Engine

TIMEOUT_S = 15.0
# SQLite cannot say who is waiting: a writer that is still not done after this long, while
# the other holds the write lock, is waiting in BEGIN IMMEDIATE. (The check cannot fail
# spuriously: a writer that did not wait would be done well within it.)
SQLITE_WAIT_S = 0.3


class Worker(threading.Thread):
    """A daemon thread that keeps its result or exception for the test to check."""

    def __init__(self, target: Callable[[], Any], name: str) -> None:
        super().__init__(name=name, daemon=True)
        self._target_fn = target
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.result = self._target_fn()
        except BaseException as exc:  # re-raised in the test thread by `finish`
            self.error = exc
        finally:
            self.done.set()

    def finish(self) -> Any:
        """Wait (bounded) for the thread and return its result, or raise what it raised."""
        self.join(TIMEOUT_S)
        if self.is_alive():
            raise AssertionError(f"{self.name} did not finish within {TIMEOUT_S} s")
        if self.error is not None:
            raise self.error
        return self.result


def wait(event: threading.Event, what: str) -> None:
    if not event.wait(TIMEOUT_S):
        raise AssertionError(f"timed out waiting for {what}")


def blocked_or_done(engine: Engine, worker: Worker) -> None:
    """Return once `worker` has finished or waits for a lock another transaction holds.

    PostgreSQL: poll `pg_stat_activity` until a session of this database waits on a lock.
    SQLite, which cannot tell: give the worker a moment to finish. The caller then checks
    `worker.done` to tell which happened.
    """
    if engine.dialect.name == "sqlite":
        worker.done.wait(SQLITE_WAIT_S)
        return
    deadline = time.monotonic() + TIMEOUT_S
    while not worker.done.is_set():
        # A new connection each time: pg_stat_activity is a snapshot per transaction.
        with engine.connect() as conn:
            waiting = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).scalar_one()
        if waiting:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{worker.name} neither finished nor waited for a lock")
        time.sleep(0.005)
