"""Short-lived access tokens, single-use refresh tokens, device revocation, sign-in rate
limits and the audit of sign-ins."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import audit, refresh_tokens, sessions

from .conftest import NewDb, SeededHub, new_device, sign_in


def refresh(http: httpx.Client, token: str, device: str) -> httpx.Response:
    return http.post("/api/v1/auth/refresh", json={"refresh_token": token, "device_id": device})


def works(http: httpx.Client, token: str) -> httpx.Response:
    return http.get("/api/v1/associates/me", headers={"Authorization": f"Bearer {token}"})


def test_tokens_are_short_lived_and_stored_only_as_hashes(
    client: httpx.Client, hub: SeededHub
) -> None:
    body, device = sign_in(client)
    expires = datetime.fromisoformat(body["expires_at"])
    refresh_expires = datetime.fromisoformat(body["refresh_expires_at"])
    assert timedelta(minutes=1) < expires - datetime.now(expires.tzinfo) <= timedelta(minutes=15)
    assert refresh_expires - expires > timedelta(days=20)
    with hub.engine.connect() as conn:
        stored = [
            *conn.execute(sa.select(sessions).where(sessions.c.device_id == device)),
            *conn.execute(sa.select(refresh_tokens).where(refresh_tokens.c.device_id == device)),
        ]
    hashes = {row.token_hash for row in stored}
    for token in (body["token"], body["refresh_token"]):
        assert hashlib.sha256(token.encode()).hexdigest() in hashes
        assert all(token not in str(tuple(row)) for row in stored)


def test_refresh_gives_a_new_pair_and_a_reused_refresh_token_ends_the_device(
    client: httpx.Client,
) -> None:
    body, device = sign_in(client)
    first = refresh(client, body["refresh_token"], device)
    assert first.status_code == 200, first.text
    pair = first.json()
    assert pair["token"] != body["token"]
    assert works(client, pair["token"]).status_code == 200

    again = refresh(client, body["refresh_token"], device)
    assert again.status_code == 401
    assert again.json()["code"] == "refresh_reused"
    # Someone held a copy: everything the device had stops working.
    assert works(client, pair["token"]).status_code == 401
    assert refresh(client, pair["refresh_token"], device).status_code == 401


def test_refresh_token_of_another_device_or_made_up_is_refused(client: httpx.Client) -> None:
    body, _device = sign_in(client)
    for token, device in ((body["refresh_token"], new_device()), ("made-up", new_device())):
        response = refresh(client, token, device)
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_refresh_token"


def test_a_revoked_device_stops_working_everywhere(hub: SeededHub) -> None:
    with (
        httpx.Client(base_url=hub.url, timeout=30) as admin,
        httpx.Client(base_url=hub.url, timeout=30) as terminal,
    ):
        sign_in(admin, username="demo-admin")
        body, device = sign_in(terminal)
        listed = admin.get("/api/v1/devices", params={"limit": 500}).json()["items"]
        assert device in {d["id"] for d in listed}

        revoked = admin.post(f"/api/v1/devices/{device}/revoke")
        assert revoked.status_code == 200
        assert revoked.json()["revoked_at"] and revoked.json()["revoked_by"]
        assert admin.post(f"/api/v1/devices/{device}/revoke").status_code == 200  # idempotent

        response = terminal.get("/api/v1/customers")
        assert response.status_code == 401
        assert response.json()["code"] in {"device_revoked", "unauthorized"}
        assert refresh(terminal, body["refresh_token"], device).status_code == 401
        again = terminal.post(
            "/api/v1/auth/sign-in",
            json={"username": "demo-associate", "password": "demo", "device_id": device},
        )
        assert again.status_code == 403
        assert again.json()["code"] == "device_revoked"
        assert admin.get(f"/api/v1/devices/{device}").json()["revoked_at"]


def _fail(http: httpx.Client, username: str, address: str) -> httpx.Response:
    return http.post(
        "/api/v1/auth/sign-in",
        json={"username": username, "password": "wrong", "device_id": new_device()},
        headers={"X-Forwarded-For": address},  # uvicorn trusts it from 127.0.0.1
    )


@pytest.fixture(scope="module")
def strict(new_db: NewDb) -> Iterator[httpx.Client]:
    """A small hub of its own with low limits: 3 failures per user, 4 per address."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    seed_demo_data(engine, customers=3)
    engine.dispose()
    settings = HubSettings(
        db=url, port=0, sign_in_max_failures_per_user=3, sign_in_max_failures_per_address=4
    )
    with HubServer(settings=settings) as server, httpx.Client(base_url=server.url) as http:
        yield http


def test_failed_sign_ins_are_limited_per_user_name(strict: httpx.Client) -> None:
    client = strict
    username = f"nobody-{uuid.uuid4().hex[:8]}"
    statuses = [_fail(client, username, f"192.0.2.{i}").status_code for i in range(3)]
    assert statuses == [401] * 3
    locked = _fail(client, username, "192.0.2.11")  # another address: still this user
    assert locked.status_code == 429
    assert locked.json()["code"] == "too_many_attempts"
    assert "try again" in locked.json()["message"]
    assert 1 <= int(locked.headers["Retry-After"]) <= 300
    other = _fail(client, f"{username}-2", "192.0.2.12")
    assert other.status_code == 401  # other users are not locked out


def test_failed_sign_ins_are_limited_per_client_address(strict: httpx.Client) -> None:
    client = strict
    address = "198.51.100.7"
    statuses = [_fail(client, f"guess-{i}-{uuid.uuid4().hex[:6]}", address) for i in range(4)]
    assert {r.status_code for r in statuses} == {401}
    locked = client.post(
        "/api/v1/auth/sign-in",
        json={"username": "demo-associate", "password": "demo", "device_id": new_device()},
        headers={"X-Forwarded-For": address},
    )
    assert locked.status_code == 429  # even the right password, from this address
    assert int(locked.headers["Retry-After"]) >= 1
    sign_in(client)  # from anywhere else it works


def test_sign_ins_are_audited(client: httpx.Client, hub: SeededHub) -> None:
    _body, device = sign_in(client)
    _fail(client, "demo-associate", "192.0.2.99")
    with hub.engine.connect() as conn:
        rows = conn.execute(sa.select(audit).where(audit.c.action.like("sign_in%"))).all()
    assert any(r.device_id == device and r.action == "sign_in" for r in rows)
    associate = hub.summary["associates"]["demo-associate"]
    assert any(r.associate_id == associate and r.action == "sign_in.refused" for r in rows)
