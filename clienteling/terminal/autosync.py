"""The background sync loop: a daemon thread woken by a timer or by `request()`.

When the hub is unreachable (no answer, timeout, reset, or a gateway's 502/503/504) or
fails with a 5xx, the wait doubles up to a cap, with jitter so a store's terminals do not
retry in step; a manual "sync now" or a local change still tries at once. A refusal (4xx,
"update needed") is not retried on a timer: the same request would be refused again, so
the loop waits for a local change or "sync now".

While it backs off from an unreachable hub it asks the hub's health check every
`PROBE_S` seconds (a tiny request), and syncs at once when the hub answers again: when
the store's network comes back, the queued work goes without waiting out the backoff.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable

from clienteling.domain.errors import (
    ClientelingError,
    HubError,
    HubUnreachableError,
    NotSignedInError,
    SessionExpiredError,
    UpdateNeededError,
)

log = logging.getLogger(__name__)

MAX_BACKOFF_S = 300.0
MIN_RETRY_S = 1.0
PROBE_S = 3.0


class AutoSync:
    def __init__(
        self,
        *,
        interval_s: float,
        sync_pass: Callable[[], set[str]],
        after_pass: Callable[[set[str]], None],
        probe: Callable[[], bool] | None = None,
        probe_s: float = PROBE_S,
    ) -> None:
        """`sync_pass` returns the entity kinds that changed; `after_pass` reports them.
        `probe` answers whether the hub is reachable again (it must not raise)."""
        self._probe = probe
        self._probe_s = probe_s
        self.interval_s = max(interval_s, 0.01)
        self._sync_pass = sync_pass
        self._after_pass = after_pass
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="terminal-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request(self) -> None:
        self._wake.set()

    def stop(self, *, timeout_s: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=timeout_s)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._wake.clear()  # a request made during the pass below triggers another
            kinds: set[str] = set()
            unreachable = False
            try:
                kinds = self._sync_pass()
                failures = 0
                delay = self.interval_s
            except HubUnreachableError:
                failures += 1
                unreachable = True
                delay = _backoff(max(self.interval_s, MIN_RETRY_S), failures)
            except (NotSignedInError, SessionExpiredError, UpdateNeededError):
                delay = MAX_BACKOFF_S  # nothing to do until someone signs in or updates
            except HubError as exc:
                failures += 1
                if 400 <= exc.status < 500:
                    log.warning("the hub refused the sync (%s, HTTP %d)", exc.hub_code, exc.status)
                    delay = MAX_BACKOFF_S  # not blindly: wait for a change or "sync now"
                else:
                    log.info("sync pass failed: %s (HTTP %d)", exc.hub_code, exc.status)
                    delay = _backoff(max(self.interval_s, MIN_RETRY_S), failures)
            except ClientelingError as exc:
                log.info("sync pass failed: %s", exc.code)
                failures += 1
                delay = _backoff(self.interval_s, failures)
            except Exception:
                log.exception("sync pass crashed")
                delay = MAX_BACKOFF_S
            if self._stop.is_set():
                return
            try:
                self._after_pass(kinds)
            except Exception:
                log.exception("a sync callback failed")
            if unreachable and self._probe is not None:
                self._wait_probing(delay)
            else:
                self._wake.wait(delay)

    def _wait_probing(self, delay: float) -> None:
        """Wait up to `delay`, ending early on a request or when the hub answers again."""
        deadline = time.monotonic() + delay
        while not self._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0 or self._wake.wait(min(self._probe_s, left)):
                return
            if self._probe is not None and self._probe():
                log.info("the hub answers again: syncing now")
                return


def _backoff(base_s: float, failures: int) -> float:
    """Exponential backoff with "equal jitter": between half and all of base * 2^(n-1)."""
    ceiling = min(base_s * 2 ** (failures - 1), MAX_BACKOFF_S)
    return ceiling / 2 + random.uniform(0, ceiling / 2)
