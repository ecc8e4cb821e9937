"""Background work, shaped like Anki's QueryOp: `op` runs on a worker thread and never
touches widgets; `success` / `failure` run on the GUI thread.

Database reads and writes are serialised on one worker (one SQLite connection per thread,
and no write contention); network work (sign-in, first sync) has its own pool so a slow
hub never delays a search.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")


class Pool(Enum):
    DB = "db"
    NETWORK = "network"


_pools: dict[Pool, QThreadPool] = {}


def pool(kind: Pool) -> QThreadPool:
    """The shared pool for `kind` (created on first use)."""
    if kind not in _pools:
        created = QThreadPool()
        created.setMaxThreadCount(1 if kind is Pool.DB else 2)
        _pools[kind] = created
    return _pools[kind]


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Wait for queued work to finish (at shutdown, before the terminal closes)."""
    return all(p.waitForDone(timeout_ms) for p in _pools.values())


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the queued slot calls back there."""

    did_succeed = Signal(object)
    did_fail = Signal(object)

    def __init__(
        self,
        *,
        parent: QWidget | None,
        success: Callable[[Any], None],
        failure: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self._parent = parent
        self._success = success
        self._failure = failure
        self.did_succeed.connect(self._on_success)
        self.did_fail.connect(self._on_failure)

    def _parent_gone(self) -> bool:
        return self._parent is not None and not shiboken6.isValid(self._parent)

    @Slot(object)
    def _on_success(self, result: object) -> None:
        _live.discard(self)
        if not self._parent_gone():
            self._success(result)

    @Slot(object)
    def _on_failure(self, exc: BaseException) -> None:
        _live.discard(self)
        if self._parent_gone():
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            from clienteling.ui.errors import show_error

            show_error(self._parent, exc)


# Relays waiting for their worker; kept here so Python does not collect them early.
_live: set[_Relay] = set()


class _Task(QRunnable):
    def __init__(self, op: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._op = op
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._op()
        except BaseException as exc:
            self._relay.did_fail.emit(exc)
        else:
            self._relay.did_succeed.emit(result)


def run_in_background(
    op: Callable[[], T],
    *,
    success: Callable[[T], None],
    failure: Callable[[BaseException], None] | None = None,
    parent: QWidget | None,
    on: Pool = Pool.DB,
) -> None:
    """Run `op` on the `on` pool; then `success(result)` or `failure(exc)` on the GUI thread.

    Without `failure`, errors go to `show_error(parent, exc)`. If `parent` has been
    deleted meanwhile, neither callback runs.
    """
    relay = _Relay(parent=parent, success=success, failure=failure)
    _live.add(relay)
    pool(on).start(_Task(op, relay))
