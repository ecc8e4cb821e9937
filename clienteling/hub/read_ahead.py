"""The next page of a snapshot, read while the terminal takes in the one it just got.

A terminal's first sync is a loop: ask for a page, decode and store it, ask for the next.
The hub sat idle while the terminal worked and the terminal waited while the hub read, so
the two costs added up. Once a snapshot page with more to come is sent, the hub reads the
next one on a worker thread; when the terminal asks for it, it is answered from there.

Nothing stale is ever sent. A page read ahead keeps the scope's heads (newest version and
`purged_before`) its transaction saw, and is used only if the request's own transaction
sees the same heads: every committed change to a scope's rows raises its version, so the
same heads mean the same rows, and the page is exactly what the request would have read.
Otherwise it is dropped and the page read as usual. A few pages are kept at most (one per
snapshot in progress), each for a short while; a read that fails is logged and forgotten.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy.engine import Connection, Engine

from clienteling.hub.db import read_tx
from clienteling.hub.feed import Heads, Page, read_heads, read_page
from clienteling.protocol.models import PageLayout

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PageKey:
    """What decides a snapshot page: the same key and heads give the same page."""

    scope: str
    cursor: str
    limit: int
    layout: PageLayout


@dataclass(frozen=True, slots=True)
class _Read:
    page: Page
    heads: Heads


class ReadAhead:
    """Snapshot pages read ahead on one worker thread, at most `slots` of them kept, each
    for `ttl_s` seconds (a terminal that stopped mid-snapshot leaves nothing behind)."""

    def __init__(self, engine: Engine, *, epoch: str, slots: int = 4, ttl_s: float = 30.0):
        self._engine = engine
        self._epoch = epoch
        self._slots = slots
        self._ttl_s = ttl_s
        self._lock = threading.Lock()
        self._pending: OrderedDict[PageKey, tuple[float, Future[_Read]]] = OrderedDict()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead")
        self._closed = False
        self.served = 0  # pages answered from here (for tests and benchmarks)
        self.dropped = 0  # pages read ahead but not used: the scope changed

    def prepare(self, key: PageKey) -> None:
        """Start reading the page of `key` (the cursor of a page just sent)."""
        with self._lock:
            if self._closed or key in self._pending:
                return
            self._expire(time.monotonic())
            while len(self._pending) >= self._slots:
                _key, (_at, oldest) = self._pending.popitem(last=False)
                oldest.cancel()
            self._pending[key] = (time.monotonic(), self._pool.submit(self._read, key))

    def take(self, conn: Connection, key: PageKey) -> Page | None:
        """The page of `key` if one was read ahead and `conn` (the request's read
        transaction) sees the same heads; waits for a read still under way."""
        with self._lock:
            entry = self._pending.pop(key, None)
        if entry is None:
            return None
        _at, future = entry
        try:
            found = future.result()
        except Exception:  # read again the usual way; the log keeps why
            log.warning("a snapshot page read ahead failed", exc_info=True)
            return None
        if found.heads != read_heads(conn, key.scope):
            self.dropped += 1
            return None  # the scope changed since: the page might not be the same
        self.served += 1
        return found.page

    @property
    def pending(self) -> int:
        """Pages read ahead (or being read) and not taken yet."""
        with self._lock:
            return len(self._pending)

    def wait(self) -> None:
        """Until every read under way has finished (failed reads included)."""
        with self._lock:
            futures = [future for _at, future in self._pending.values()]
        for future in futures:
            if not future.cancelled():
                future.exception()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for _at, future in self._pending.values():
                future.cancel()
            self._pending.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _expire(self, now: float) -> None:
        for key in [k for k, (at, _f) in self._pending.items() if now - at > self._ttl_s]:
            _at, future = self._pending.pop(key)
            future.cancel()

    def _read(self, key: PageKey) -> _Read:
        with read_tx(self._engine) as conn:
            heads = read_heads(conn, key.scope)
            page = read_page(
                conn,
                epoch=self._epoch,
                scope=key.scope,
                cursor=key.cursor,
                limit=key.limit,
                layout=key.layout,
                heads=heads,
            )
        return _Read(page=page, heads=heads)
