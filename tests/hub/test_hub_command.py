"""`clienteling hub --db URL --port P` as an operator runs it, in its own process: on a
SQLite path and on a PostgreSQL URL it migrates the empty database, seeds demo data when
asked, and `GET /healthz` answers; a demo sign-in works against it. Both backends."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import httpx

_RUN = "import sys; from clienteling.cli import main; sys.exit(main(sys.argv[1:]))"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes], timeout_s: float) -> httpx.Response:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the hub exited with {process.returncode}")
        try:
            return httpx.get(f"{url}/healthz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the hub did not answer /healthz in time")


def test_the_hub_command_serves_the_given_database(db_url: str) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _RUN,
            "hub",
            "--db",
            db_url,
            "--port",
            str(port),
            "--demo-data",
            "8",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        health = _wait_ready(url, process, timeout_s=120)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        signed = httpx.post(
            f"{url}/api/v1/auth/sign-in",
            json={"username": "demo-associate", "password": "demo", "device_id": "cmd-test"},
            timeout=30,
        )
        assert signed.status_code == 200, signed.text
    finally:
        process.send_signal(signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            _, stderr = process.communicate()
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]
