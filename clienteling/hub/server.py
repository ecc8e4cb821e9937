"""`HubServer`: the hub on 127.0.0.1 in a daemon thread (demo launcher, integration tests)."""

from __future__ import annotations

import threading
import time
from types import TracebackType

import httpx
import uvicorn
from fastapi import FastAPI

from clienteling.hub.app import create_app
from clienteling.hub.settings import HubSettings

_START_TIMEOUT_S = 30.0
_GRACEFUL_SHUTDOWN_S = 3
"""How long `stop` lets requests in flight finish before uvicorn cancels them. Long-polls
end as soon as their terminal hangs up (`hub.long_poll`); this bounds one whose terminal
is still there (its 20 s wait), so the hub's own shutdown (lifespan, engine) still runs
within `stop`'s join. Cancelling is safe: a long-poll holds nothing, and a push's
transaction runs to its end on its worker thread either way."""
_STOP_TIMEOUT_S = 10.0


class HubServer:
    """Serve the hub in the background; `port=0` in the settings picks a free port."""

    def __init__(self, *, settings: HubSettings) -> None:
        self.settings = settings
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None
        self.app: FastAPI | None = None

    @property
    def url(self) -> str:
        if self._port is None:
            raise RuntimeError("the hub server is not started")
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> HubServer:
        """Start serving; returns once `/healthz` answers."""
        app = create_app(self.settings)
        # log_config=None: uvicorn's warnings go through the process's own handlers
        # (terminal.logs, with its query-string filter) instead of handlers of its own.
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.settings.port,
            log_level="warning",
            access_log=False,
            log_config=None,
            timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN_S,
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(target=server.run, name="hub-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT_S
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub server did not start")
            time.sleep(0.01)
        self._port = int(server.servers[0].sockets[0].getsockname()[1])
        self.app = app
        app.state.followups.public_url = self.url  # links in messages point here
        self._wait_healthy(deadline)
        return self

    def _wait_healthy(self, deadline: float) -> None:
        while True:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the hub server does not answer /healthz")
            time.sleep(0.02)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=_STOP_TIMEOUT_S)
        self._server = None
        self._thread = None

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
