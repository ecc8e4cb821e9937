"""The fault proxy itself, against a tiny counting HTTP server (stdlib)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.support.fault_proxy import Fault, FaultProxy


class _Upstream(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.received: list[tuple[str, bytes]] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Upstream

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.received.append((self.path, body))
            n = len(self.server.received)
        self._answer(f"got {n}: ".encode() + body)

    def do_GET(self) -> None:
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b"hello ", b"chunked ", b"world"):
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        self._answer(b"x" * 100_000 if self.path == "/big" else b"ok")

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def upstream() -> Iterator[_Upstream]:
    server = _Upstream()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def proxy(upstream: _Upstream) -> Iterator[FaultProxy]:
    with FaultProxy(upstream.url) as p:
        yield p


@pytest.fixture
def client(proxy: FaultProxy) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=proxy.url, timeout=5) as c:
        yield c


def test_passes_through_on_one_keep_alive_connection(
    client: httpx.Client, upstream: _Upstream, proxy: FaultProxy
) -> None:
    assert client.post("/a", content=b"one").text == "got 1: one"
    assert client.post("/a", content=b"two").text == "got 2: two"
    assert client.get("/chunked").text == "hello chunked world"
    assert len(client.get("/big").content) == 100_000
    assert [e.action for e in proxy.log] == ["pass"] * 4
    assert len(upstream.received) == 2


def test_drop_request_never_reaches_the_upstream(
    client: httpx.Client, upstream: _Upstream, proxy: FaultProxy
) -> None:
    rule = proxy.arm(Fault.drop_request(), path="/push")
    assert client.post("/other", content=b"a").status_code == 200  # does not match
    with pytest.raises(httpx.TransportError):
        client.post("/push", content=b"b")
    assert rule.fired.is_set()
    assert upstream.received == [("/other", b"a")]
    assert client.post("/push", content=b"c").text == "got 2: c"  # one shot


def test_drop_response_after_the_upstream_handled_it(
    client: httpx.Client, upstream: _Upstream, proxy: FaultProxy
) -> None:
    proxy.arm(Fault.drop_response(), path="/push")
    with pytest.raises(httpx.TransportError):
        client.post("/push", content=b"b")
    assert upstream.received == [("/push", b"b")]
    assert proxy.sent_upstream("/push") == 1


def test_duplicate_sends_twice_and_answers_once(
    client: httpx.Client, upstream: _Upstream, proxy: FaultProxy
) -> None:
    proxy.arm(Fault.duplicate(), path="/push")
    assert client.post("/push", content=b"d").text == "got 2: d"
    proxy.arm(Fault.duplicate(concurrent=True, answer="first"), path="/push")
    assert client.post("/push", content=b"e").text.endswith(": e")
    assert [body for _path, body in upstream.received] == [b"d", b"d", b"e", b"e"]


def test_reset_mid_response_body(
    client: httpx.Client, upstream: _Upstream, proxy: FaultProxy
) -> None:
    proxy.arm(Fault.reset(), path="/big")
    with pytest.raises(httpx.TransportError):
        client.get("/big")
    assert len(client.get("/big").content) == 100_000


def test_reset_mid_request_body_leaves_the_upstream_without_it(
    client: httpx.Client, upstream: _Upstream, proxy: FaultProxy
) -> None:
    proxy.arm(Fault.reset(phase="request"), path="/push")
    with pytest.raises(httpx.TransportError):
        client.post("/push", content=b"0123456789")
    assert client.post("/push", content=b"next").text == "got 1: next"


def test_delay_and_client_timeout(client: httpx.Client, proxy: FaultProxy) -> None:
    proxy.arm(Fault.delay(1.0), path="/slow", method="GET")
    with pytest.raises(httpx.TimeoutException):
        client.get("/slow", timeout=0.2)
    proxy.arm(Fault.delay(0.2, after_upstream=True), path="/slow")
    started = time.monotonic()
    assert client.get("/slow").text == "ok"
    assert time.monotonic() - started >= 0.2


def test_synthetic_status(client: httpx.Client, upstream: _Upstream, proxy: FaultProxy) -> None:
    proxy.arm(Fault.status(503, b"busy"), path="/push", times=2)
    assert client.post("/push", content=b"a").status_code == 503
    assert client.post("/push", content=b"a").status_code == 503
    assert client.post("/push", content=b"a").status_code == 200
    assert len(upstream.received) == 1


def test_cut_and_restore(client: httpx.Client, upstream: _Upstream, proxy: FaultProxy) -> None:
    assert client.get("/x").status_code == 200  # a pooled keep-alive connection exists
    with proxy.link_cut():
        for _ in range(3):
            with pytest.raises(httpx.TransportError):
                client.get("/x")
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{proxy.url}/x", timeout=2)
    assert client.get("/x").status_code == 200
    proxy.cut(for_s=0.1)
    with pytest.raises(httpx.TransportError):
        client.get("/x")
    deadline = time.monotonic() + 5
    while proxy.is_cut and time.monotonic() < deadline:
        time.sleep(0.01)
    assert client.get("/x").status_code == 200


def test_cut_link_armed_on_a_request(client: httpx.Client, proxy: FaultProxy) -> None:
    proxy.arm(Fault.cut_link(), path="/x", skip=1)
    assert client.get("/x").status_code == 200
    with pytest.raises(httpx.TransportError):
        client.get("/x")
    assert proxy.is_cut
    with pytest.raises(httpx.TransportError):
        client.get("/y")
    proxy.restore()
    assert client.get("/y").status_code == 200


def test_hold_releases_concurrent_requests_together(upstream: _Upstream, proxy: FaultProxy) -> None:
    rule = proxy.arm(Fault.hold(2, timeout_s=5), path="/push")
    answers: list[int] = []

    def send() -> None:
        answers.append(httpx.post(f"{proxy.url}/push", content=b"h", timeout=10).status_code)

    first = threading.Thread(target=send)
    first.start()
    time.sleep(0.1)
    assert upstream.received == []  # held until the second one arrives
    send()
    first.join()
    assert answers == [200, 200] and rule.barrier_met
    assert len(upstream.received) == 2


def test_close_ends_open_connections(upstream: _Upstream) -> None:
    proxy = FaultProxy(upstream.url).start()
    client = httpx.Client(base_url=proxy.url, timeout=2)
    assert client.get("/x").status_code == 200
    proxy.close()
    with pytest.raises(httpx.TransportError):
        client.get("/x")
    client.close()
