"""Long-poll for `/sync/pull` (`PullRequest.wait`): an online terminal that is caught up
asks with its cursor and `wait` seconds; the hub answers as soon as the scope's version
moves past the cursor, or with the (empty) page when the wait is over.

The wait watches the scope's version counter (`hub.versions`), the feed's only clock, in
the database: a change written by any hub process, worker or ingest shows, and no write
path needs to notify anyone. It waits on the event loop (never on a worker thread, so a
store's idle terminals cannot use up the thread pool the other routes run on) and reads
the counter on the pool for a moment every `POLL_S`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from clienteling.hub import versions
from clienteling.hub.db import read_tx
from clienteling.hub.feed import BadCursorError, Cursor

POLL_S = 0.2
"""How often a waiting pull looks at the scope's version (the added latency at most)."""


def _waits_for(cursor: str | None, *, epoch: str, scope: str) -> int | None:
    """The version to wait past, or None when the pull must be answered at once (a
    snapshot, another epoch or scope, an unreadable cursor: the page says what to do)."""
    if cursor is None:
        return None
    try:
        position = Cursor.decode(cursor)
    except BadCursorError:
        return None
    if position.snapshot or position.epoch != epoch or position.scope != scope:
        return None
    return position.version


def _current(engine: Engine, scope: str) -> int:
    with read_tx(engine) as conn:
        return versions.current(conn, scope)


async def wait_for_change(
    engine: Engine,
    *,
    epoch: str,
    scope: str,
    cursor: str | None,
    wait_s: float,
    gone: Callable[[], Awaitable[bool]] | None = None,
) -> bool:
    """Return when `scope` has a change after `cursor`, or after `wait_s` seconds: True.
    False as soon as `gone()` (the request's `is_disconnected`) says the terminal went
    away: nobody reads the page, and a server stopping does not wait for the wait."""
    after = _waits_for(cursor, epoch=epoch, scope=scope)
    if after is None or wait_s <= 0:
        return True
    deadline = time.monotonic() + wait_s
    while await run_in_threadpool(_current, engine, scope) <= after:
        if gone is not None and await gone():
            return False
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        await asyncio.sleep(min(POLL_S, left))
    return True
