"""Signed-in clients of the seeded hub, one per role, shared by a test module."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from .conftest import SeededHub, sign_in

ROLES = {"associate": "demo-associate", "manager": "demo-manager", "admin": "demo-admin"}


@contextmanager
def role_clients(hub: SeededHub) -> Iterator[dict[str, httpx.Client]]:
    clients = {role: httpx.Client(base_url=hub.url, timeout=30) for role in ROLES}
    try:
        for role, http in clients.items():
            _body, device = sign_in(http, username=ROLES[role])
            http.headers["X-Test-Device"] = device  # for pulls; the hub ignores it
        yield clients
    finally:
        for http in clients.values():
            http.close()
