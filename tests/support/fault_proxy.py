"""A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between a terminal and the hub.

Plain threads and sockets, no dependency. The terminal talks to `proxy.url` instead of the
hub; every request is forwarded on its own upstream connection (`Connection: close`
towards the hub), while the client side stays keep-alive like a real server (responses
are framed by Content-Length or chunked encoding), so a fault can hit a pooled connection
exactly like in a store network.

Faults are armed for the next request(s) that match a method and path, and fire in the
order they were armed, so tests are deterministic:

    proxy.arm(Fault.drop_response(), path="/api/v1/sync/push")
    proxy.arm(Fault.cut_link(), path="/api/v1/sync/pull", skip=2)   # the 3rd pull
    with proxy.link_cut(): ...                                     # nothing gets through

`proxy.log` records what happened to every request (for assertions such as "the hub saw
the push twice").
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal

Action = Literal[
    "pass",
    "drop_request",
    "drop_response",
    "delay",
    "duplicate",
    "reset",
    "cut_link",
    "status",
    "hold",
]

_IO_TIMEOUT_S = 30.0
_HEAD_LIMIT = 64 * 1024


class ProxyError(Exception):
    """The proxy could not read or forward a message (logged, connection closed)."""


@dataclass(frozen=True, slots=True)
class Fault:
    """What to do with one request. Build with the class methods."""

    action: Action
    seconds: float = 0.0
    after_upstream: bool = False  # delay: wait after the hub answered (else before sending)
    phase: Literal["request", "response"] = "response"  # reset: which body is cut
    concurrent: bool = False  # duplicate: both copies at once (else one after the other)
    answer: Literal["first", "second"] = "second"  # duplicate: which response the client gets
    status_code: int = 503  # status: the synthetic answer
    body: bytes = b""
    parties: int = 2  # hold: release when this many matching requests are waiting

    @classmethod
    def passthrough(cls) -> Fault:
        return cls("pass")

    @classmethod
    def drop_request(cls) -> Fault:
        """Close the client connection without forwarding: the hub never sees it."""
        return cls("drop_request")

    @classmethod
    def drop_response(cls) -> Fault:
        """Forward, read the hub's whole answer, then close the client connection."""
        return cls("drop_response")

    @classmethod
    def delay(cls, seconds: float, *, after_upstream: bool = False) -> Fault:
        return cls("delay", seconds=seconds, after_upstream=after_upstream)

    @classmethod
    def duplicate(
        cls, *, concurrent: bool = False, answer: Literal["first", "second"] = "second"
    ) -> Fault:
        """Send the request to the hub twice; the client gets one of the two answers."""
        return cls("duplicate", concurrent=concurrent, answer=answer)

    @classmethod
    def reset(cls, *, phase: Literal["request", "response"] = "response") -> Fault:
        """TCP reset halfway through the request body (the hub gets a torn request) or
        halfway through the response body (the hub has handled it, the client gets half)."""
        return cls("reset", phase=phase)

    @classmethod
    def cut_link(cls) -> Fault:
        """Cut the link now (this request is dropped); `restore()` brings it back."""
        return cls("cut_link")

    @classmethod
    def status(cls, code: int, body: bytes = b"") -> Fault:
        """Answer with `code` without asking the hub (a load balancer's 502/503/504)."""
        return cls("status", status_code=code, body=body)

    @classmethod
    def hold(cls, parties: int = 2, *, timeout_s: float = 20.0) -> Fault:
        """Hold matching requests until `parties` of them wait, then forward them all at
        once (a barrier: forces truly concurrent requests). Arm with times=parties."""
        return cls("hold", parties=parties, seconds=timeout_s)


@dataclass(slots=True)
class Rule:
    fault: Fault
    path: str | None
    method: str | None
    skip: int
    times: int | None  # None: every matching request from now on
    contains: bytes | None = None  # only requests whose body contains these bytes
    hits: int = 0
    fired: threading.Event = field(default_factory=threading.Event)
    # hold
    barrier_met: bool = False
    _waiting: int = 0
    _release: threading.Event = field(default_factory=threading.Event)

    def matches(self, method: str, path: str, body: bytes) -> bool:
        if self.method is not None and method.upper() != self.method.upper():
            return False
        if self.contains is not None and self.contains not in body:
            return False
        return self.path is None or path.split("?", 1)[0] == self.path

    @property
    def spent(self) -> bool:
        return self.times is not None and self.hits >= self.times

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until this rule has fired at least once."""
        return self.fired.wait(timeout)


@dataclass(frozen=True, slots=True)
class LogEntry:
    method: str
    path: str
    action: Action
    upstream_sends: int  # how many times the request reached the hub
    status: int | None  # the status the hub answered (first answer), if any


@dataclass(slots=True)
class _Message:
    head: bytes  # start line + headers, without the blank line
    body: bytes  # raw body bytes as framed on the wire
    start_line: str
    headers: list[tuple[str, str]]
    close_delimited: bool = False

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def with_connection(self, value: str) -> bytes:
        lines = [self.start_line]
        for key, val in self.headers:
            if key.lower() in ("connection", "keep-alive", "proxy-connection"):
                continue
            lines.append(f"{key}: {val}")
        lines.append(f"Connection: {value}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class _Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def _fill(self) -> bool:
        chunk = self.sock.recv(65536)
        if not chunk:
            return False
        self.buf += chunk
        return True

    def head(self) -> bytes | None:
        """The next message head, or None on a clean EOF before any byte."""
        while b"\r\n\r\n" not in self.buf:
            if len(self.buf) > _HEAD_LIMIT:
                raise ProxyError("header too large")
            if not self._fill():
                if self.buf:
                    raise ProxyError("connection closed inside a header")
                return None
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        return head

    def exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            if not self._fill():
                raise ProxyError("connection closed inside a body")
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def line(self) -> bytes:
        while b"\r\n" not in self.buf:
            if not self._fill():
                raise ProxyError("connection closed inside a chunk")
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line + b"\r\n"

    def chunked(self) -> bytes:
        raw = b""
        while True:
            size_line = self.line()
            raw += size_line
            size = int(size_line.split(b";", 1)[0].strip(), 16)
            if size == 0:
                while True:  # trailers up to the empty line
                    trailer = self.line()
                    raw += trailer
                    if trailer == b"\r\n":
                        return raw
            raw += self.exact(size + 2)

    def to_eof(self) -> bytes:
        while self._fill():
            pass
        data, self.buf = self.buf, b""
        return data

    def message(self, *, request_method: str | None = None) -> _Message | None:
        """Read one request (request_method None) or one response to `request_method`."""
        head = self.head()
        if head is None:
            return None
        text = head.decode("latin-1")
        start_line, *header_lines = text.split("\r\n")
        headers = []
        for raw in header_lines:
            key, _, value = raw.partition(":")
            headers.append((key.strip(), value.strip()))
        msg = _Message(head=head, body=b"", start_line=start_line, headers=headers)
        if request_method is not None:
            status = int(start_line.split(" ", 2)[1])
            if request_method.upper() == "HEAD" or status in (204, 304) or status < 200:
                return msg
        if (msg.header("transfer-encoding") or "").lower().endswith("chunked"):
            msg.body = self.chunked()
        elif msg.header("content-length") is not None:
            msg.body = self.exact(int(msg.header("content-length") or 0))
        elif request_method is not None:
            msg.body = self.to_eof()
            msg.close_delimited = True
        return msg


def _interrupt(sock: socket.socket) -> None:
    """Wake the thread that owns `sock` (its recv returns EOF); its close then resets.

    The owner closes the socket itself: closing a descriptor another thread is using
    could hit a reused descriptor."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RD)


def _hard_close(sock: socket.socket) -> None:
    """Close with a TCP RST (SO_LINGER 0), like a dropped link or a crashed middlebox."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class FaultProxy:
    """`with FaultProxy(upstream_url) as proxy: terminal uses proxy.url`."""

    def __init__(self, upstream_url: str) -> None:
        self.upstream_url = upstream_url.rstrip("/")
        hostport = self.upstream_url.split("://", 1)[-1]
        host, _, port = hostport.rpartition(":")
        self.upstream = (host or "127.0.0.1", int(port))
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Lock()
        self._rules: list[Rule] = []
        self._clients: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self._cut = False
        self._closed = False
        self._restore_timer: threading.Timer | None = None
        self.log: list[LogEntry] = []
        self._accepter = threading.Thread(target=self._accept_loop, name="fault-proxy", daemon=True)

    # -- life cycle ----------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._accepter.start()
        return self

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            clients = list(self._clients)
            rules = list(self._rules)
            timer = self._restore_timer
        if timer is not None:
            timer.cancel()
        for rule in rules:
            rule._release.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        for sock in clients:
            _interrupt(sock)
        self._accepter.join(timeout=5)
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- controls ------------------------------------------------------------------------

    def arm(
        self,
        fault: Fault,
        *,
        path: str | None = None,
        method: str | None = None,
        skip: int = 0,
        times: int | None = 1,
        contains: bytes | None = None,
    ) -> Rule:
        """Apply `fault` to the next `times` requests matching `method`, `path` and (if
        given) whose body `contains` the bytes, after letting `skip` of them through.
        Rules fire in the order they were armed."""
        if fault.action == "hold" and times is not None and times < fault.parties:
            times = fault.parties
        rule = Rule(
            fault=fault, path=path, method=method, skip=skip, times=times, contains=contains
        )
        with self._lock:
            self._rules.append(rule)
        return rule

    def disarm(self) -> None:
        with self._lock:
            rules, self._rules = self._rules, []
        for rule in rules:
            rule._release.set()

    @property
    def is_cut(self) -> bool:
        with self._lock:
            return self._cut

    def cut(self, *, for_s: float | None = None) -> None:
        """Refuse every connection (reset at once) and reset the open ones; with `for_s`,
        the link comes back by itself after that long."""
        with self._lock:
            self._cut = True
            clients = list(self._clients)
            if self._restore_timer is not None:
                self._restore_timer.cancel()
                self._restore_timer = None
            if for_s is not None:
                self._restore_timer = threading.Timer(for_s, self.restore)
                self._restore_timer.daemon = True
                self._restore_timer.start()
        for sock in clients:
            _interrupt(sock)

    def restore(self) -> None:
        with self._lock:
            self._cut = False
            self._restore_timer = None

    @contextlib.contextmanager
    def link_cut(self) -> Iterator[None]:
        self.cut()
        try:
            yield
        finally:
            self.restore()

    def sent_upstream(self, path: str) -> int:
        """How many times requests to `path` reached the hub."""
        with self._lock:
            return sum(e.upstream_sends for e in self.log if e.path == path)

    def count(self, path: str) -> int:
        """How many requests to `path` the proxy received from clients."""
        with self._lock:
            return sum(1 for e in self.log if e.path == path)

    # -- internals -----------------------------------------------------------------------

    def _accept_loop(self) -> None:
        while True:
            try:
                sock, _addr = self._listener.accept()
            except OSError:
                return  # closed
            with self._lock:
                if self._closed:
                    _hard_close(sock)
                    return
                if self._cut:
                    refuse = True
                else:
                    refuse = False
                    self._clients.add(sock)
            if refuse:
                _hard_close(sock)
                continue
            thread = threading.Thread(
                target=self._serve, args=(sock,), name="fault-proxy-conn", daemon=True
            )
            with self._lock:
                self._threads.add(thread)
            thread.start()

    def _take_rule(self, method: str, path: str, body: bytes) -> Rule | None:
        with self._lock:
            for rule in self._rules:
                if rule.spent or not rule.matches(method, path, body):
                    continue
                if rule.skip > 0:
                    rule.skip -= 1
                    return None
                rule.hits += 1
                return rule
        return None

    def _serve(self, client: socket.socket) -> None:
        try:
            client.settimeout(_IO_TIMEOUT_S)
            reader = _Reader(client)
            while True:
                try:
                    request = reader.message()
                except (OSError, ProxyError, ValueError):
                    return
                if request is None:
                    return
                try:
                    keep_alive = self._handle(client, request)
                except (OSError, ProxyError, ValueError):
                    return  # the client or the hub went away: like a real network
                if not keep_alive:
                    return
        finally:
            if self.is_cut or self._closed:
                _hard_close(client)
            else:
                client.close()
            with self._lock:
                self._clients.discard(client)
                self._threads.discard(threading.current_thread())

    def _record(
        self,
        rule: Rule | None,
        method: str,
        path: str,
        action: Action,
        sends: int,
        status: int | None,
    ) -> None:
        """Log the request; called before the client can see the outcome, so a test that
        got its error may rely on the log and on `rule.fired`."""
        with self._lock:
            self.log.append(LogEntry(method, path, action, sends, status))
        if rule is not None:
            rule.fired.set()

    def _handle(self, client: socket.socket, request: _Message) -> bool:
        """Deal with one request; False when the client connection must end."""
        method, path = request.start_line.split(" ", 2)[:2]
        if self.is_cut:
            self._record(None, method, path, "cut_link", 0, None)
            return False
        rule = self._take_rule(method, path, request.body)
        fault = rule.fault if rule is not None else Fault.passthrough()
        try:
            return self._apply(client, request, method, path, fault, rule)
        finally:
            if rule is not None:
                rule.fired.set()

    def _apply(
        self,
        client: socket.socket,
        request: _Message,
        method: str,
        path: str,
        fault: Fault,
        rule: Rule | None,
    ) -> bool:
        action = fault.action
        if action == "drop_request":
            self._record(rule, method, path, action, 0, None)
            _hard_close(client)
            return False
        if action == "cut_link":
            self._record(rule, method, path, action, 0, None)
            self.cut()
            return False
        if action == "status":
            self._record(rule, method, path, action, 0, fault.status_code)
            body = fault.body
            head = (
                f"HTTP/1.1 {fault.status_code} Injected\r\nContent-Length: {len(body)}\r\n"
                "Content-Type: text/plain\r\nConnection: close\r\n\r\n"
            ).encode("latin-1")
            client.sendall(head + body)
            return False
        if action == "hold" and rule is not None:
            self._hold(rule, fault)
        if action == "delay" and not fault.after_upstream:
            time.sleep(fault.seconds)
        if action == "reset" and fault.phase == "request":
            self._torn_upstream(request)
            self._record(rule, method, path, action, 1, None)
            _hard_close(client)
            return False

        sends = 2 if action == "duplicate" else 1
        try:
            if action == "duplicate":
                responses = self._forward_twice(request, method, concurrent=fault.concurrent)
                response = responses[0] if fault.answer == "first" else responses[1]
            else:
                response = self._forward(request, method)
        except (OSError, ProxyError, ValueError):
            self._record(rule, method, path, action, sends, None)
            _hard_close(client)
            return False
        status = int(response.start_line.split(" ", 2)[1])
        self._record(rule, method, path, action, sends, status)

        if action == "drop_response" or self.is_cut:
            _hard_close(client)
            return False
        if action == "delay" and fault.after_upstream:
            time.sleep(fault.seconds)
        wants_close = (request.header("connection") or "").lower() == "close"
        keep = not (wants_close or response.close_delimited)
        data = response.with_connection("keep-alive" if keep else "close") + response.body
        if action == "reset":
            head_len = len(data) - len(response.body)
            client.sendall(data[: head_len + len(response.body) // 2])
            _hard_close(client)
            return False
        client.sendall(data)
        return keep

    def _hold(self, rule: Rule, fault: Fault) -> None:
        with self._lock:
            rule._waiting += 1
            if rule._waiting >= fault.parties:
                rule.barrier_met = True
                rule._release.set()
        rule._release.wait(fault.seconds)

    def _upstream(self) -> socket.socket:
        sock = socket.create_connection(self.upstream, timeout=_IO_TIMEOUT_S)
        sock.settimeout(_IO_TIMEOUT_S)
        return sock

    def _forward(self, request: _Message, method: str) -> _Message:
        with self._upstream() as up:
            up.sendall(request.with_connection("close") + request.body)
            response = _Reader(up).message(request_method=method)
        if response is None:
            raise ProxyError("the hub closed without answering")
        return response

    def _forward_twice(self, request: _Message, method: str, *, concurrent: bool) -> list[_Message]:
        if not concurrent:
            return [self._forward(request, method), self._forward(request, method)]
        results: list[_Message | BaseException] = [ProxyError("not run"), ProxyError("not run")]
        start = threading.Barrier(2)

        def one(i: int) -> None:
            try:
                start.wait(5)
                results[i] = self._forward(request, method)
            except BaseException as exc:
                results[i] = exc

        threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(_IO_TIMEOUT_S)
        out: list[_Message] = []
        for result in results:
            if isinstance(result, BaseException):
                raise ProxyError("a duplicate did not get an answer") from result
            out.append(result)
        return out

    def _torn_upstream(self, request: _Message) -> None:
        """Send the head and half the body to the hub, then reset the connection."""
        with contextlib.suppress(OSError):
            up = self._upstream()
            try:
                up.sendall(
                    request.with_connection("close") + request.body[: len(request.body) // 2]
                )
            finally:
                _hard_close(up)
