"""`HubWatcher`: while the terminal is online and caught up, one long-poll pull stays open
on one scope (`PullRequest.wait`), so a change made on the hub starts a sync pass within
moments instead of at the next timer tick. The terminal runs one per scope: the store's
(customers, notes, tasks, ...) and the catalogue's (products, prices, inventory).

The watcher only listens: it applies nothing and holds no lock, so a local change or
"sync now" never waits for it; when the hub answers with something new it calls
`on_change` (the background sync's `request`) and waits to be armed again, which the
terminal does after each pass that reached the hub. Offline, or with a hub that predates
long-poll (it refuses the field), it stays quiet and the timer alone drives sync.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from clienteling.domain.errors import ClientelingError, HubError
from clienteling.protocol.models import PullRequest
from clienteling.sync.client import HubClient

log = logging.getLogger(__name__)

WAIT_S = 20.0
"""How long one long-poll waits at the hub (below the client's 30 s read timeout)."""

Position = Callable[[], tuple[str, str, str] | None]
"""-> (token, scope, cursor) to watch, or None (nobody signed in, snapshot not done)."""


class HubWatcher:
    """Owns `client` (its own connection: a long-poll occupies it) and closes it on stop.

    `abort` (the client's `AbortableTransport.abort`) ends a long-poll in flight at once;
    closing the client alone does not wake a thread blocked reading the hub's answer."""

    def __init__(
        self,
        *,
        client: HubClient,
        device_id: str,
        schema_version: int,
        position: Position,
        on_change: Callable[[], None],
        abort: Callable[[], None] | None = None,
        wait_s: float = WAIT_S,
    ) -> None:
        self._client = client
        self._abort = abort
        self._device_id = device_id
        self._schema_version = schema_version
        self._position = position
        self._on_change = on_change
        self._wait_s = wait_s
        self._armed = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="terminal-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def arm(self) -> None:
        """A pass reached the hub and caught up: listen for the next change."""
        self._armed.set()

    def stop(self, *, timeout_s: float = 1.0) -> None:
        """Stop listening: end a long-poll in flight (`abort`), so the hub sees it go
        and the thread returns, and close the watcher's own client."""
        self._stop.set()
        self._armed.set()
        if self._abort is not None:
            self._abort()
        self._client.close()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=timeout_s)

    def _run(self) -> None:
        while True:
            self._armed.wait()
            if self._stop.is_set():
                return
            position = self._position()
            if position is None:
                self._armed.clear()
                continue
            token, scope, cursor = position
            try:
                page = self._client.pull(
                    token,
                    PullRequest(
                        device_id=self._device_id,
                        schema_version=self._schema_version,
                        scope=scope,
                        cursor=cursor,
                        limit=1,
                        wait=self._wait_s,
                    ),
                )
            except Exception as exc:
                # Ended under it (aborted, closed): that was the stop, whatever it raised.
                if self._stop.is_set() or not self._carry_on(exc):
                    return
                self._armed.clear()  # the next pass sorts it out (and arms again)
                continue
            if self._stop.is_set():
                return
            if page.rows or page.has_more or page.reset:
                self._armed.clear()
                self._on_change()

    @staticmethod
    def _carry_on(exc: Exception) -> bool:
        """Whether to listen again after a failed long-poll (False: the hub has none).
        Offline or signed out, the sync loop's backoff rules until the next pass."""
        if isinstance(exc, HubError) and exc.status == 422:
            log.info("the hub does not offer long-poll: syncing on the timer only")
            return False
        if not isinstance(exc, ClientelingError):
            log.error("watching the hub failed", exc_info=exc)
        return True
