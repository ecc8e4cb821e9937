"""`AbortableTransport`: an httpx transport whose requests in flight another thread can
end at once (the long-poll watcher's stop).

`httpx.Client.close()` from another thread does not wake a thread blocked reading a
response: closing a socket's descriptor leaves a `recv` already waiting on it asleep,
so a long poll would hold its thread (and keep the hub's request open) until the hub
answers. `socket.shutdown(SHUT_RDWR)` does wake it: the read returns end-of-file at
once (httpx raises a transport error) and the hub sees the connection close. The
sockets are learnt from httpcore's `trace` request extension, as each connection is
made.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

import httpx

_CONNECTED = ("connection.connect_tcp.complete", "connection.start_tls.complete")


class AbortableTransport(httpx.BaseTransport):
    """Sends through `inner` (httpx's own transport by default); `abort()` ends what is
    in flight and every request made after it."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self._inner = inner if inner is not None else httpx.HTTPTransport()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._aborted = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        outer = request.extensions.get("trace")

        def trace(event: str, info: dict[str, Any]) -> None:
            if event in _CONNECTED:
                self._connected(info.get("return_value"))
            if outer is not None:
                outer(event, info)

        request.extensions = {**request.extensions, "trace": trace}
        return self._inner.handle_request(request)

    def abort(self) -> None:
        """End every request in flight now (from any thread); later ones fail at once."""
        with self._lock:
            self._aborted = True
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _shut(sock)

    def close(self) -> None:
        self._inner.close()

    def _connected(self, stream: object) -> None:
        get_extra_info = getattr(stream, "get_extra_info", None)
        sock = get_extra_info("socket") if get_extra_info is not None else None
        if not isinstance(sock, socket.socket):
            return  # not a real network stream (a test's transport): nothing to end
        with self._lock:
            aborted = self._aborted
            if not aborted:
                # Closed ones (an earlier connection, or the plain socket a TLS one wraps)
                # are dropped here, so a long-lived watcher's list stays short.
                self._sockets = [s for s in self._sockets if s.fileno() != -1]
                self._sockets.append(sock)
        if aborted:
            _shut(sock)  # connected just after the abort: end this request too


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed: nothing is waiting on it
        sock.shutdown(socket.SHUT_RDWR)
