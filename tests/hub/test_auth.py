"""Health, sign-in, bearer tokens, protocol range and error bodies."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.hub.tables import devices, sessions
from clienteling.protocol.models import PROTOCOL_VERSION, SignInResponse

from .conftest import SeededHub, new_device, sign_in


def test_healthz_answers_with_version_and_epoch(client: httpx.Client) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["version"]
    assert len(body["epoch"]) >= 8


def test_sign_in_returns_token_store_and_scopes(client: httpx.Client, hub: SeededHub) -> None:
    body, device = sign_in(client)
    response = SignInResponse.model_validate(body)
    paris = hub.summary["store_ids"][0]
    assert response.associate.username == "demo-associate"
    assert response.associate.role == "associate"
    assert response.store is not None and response.store.name == "Paris Opéra"
    assert response.store.timezone == "Europe/Paris"
    assert response.scopes == ["catalog", f"store:{paris}"]
    with hub.engine.connect() as conn:
        row = conn.execute(sa.select(devices).where(devices.c.id == device)).one()
    assert row.store_id == paris
    assert row.last_mutation_id == 0


def test_wrong_password_and_unknown_user_are_401_invalid_credentials(
    client: httpx.Client,
) -> None:
    for username, password in (("demo-associate", "nope"), ("nobody", "demo")):
        response = client.post(
            "/api/v1/auth/sign-in",
            json={"username": username, "password": password, "device_id": new_device()},
        )
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_credentials"


def test_staff_without_password_cannot_sign_in(client: httpx.Client) -> None:
    response = client.post(
        "/api/v1/auth/sign-in",
        json={"username": "lyon-associate", "password": "", "device_id": new_device()},
    )
    assert response.status_code == 401


def test_sync_needs_a_valid_bearer_token(client: httpx.Client) -> None:
    pull = {"device_id": new_device(), "schema_version": 1, "scope": "catalog"}
    missing = client.post("/api/v1/sync/pull", json=pull)
    assert missing.status_code == 401
    assert missing.json()["code"] == "unauthorized"
    wrong = client.post(
        "/api/v1/sync/pull", json=pull, headers={"Authorization": "Bearer not-a-token"}
    )
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "unauthorized"


def test_expired_session_is_401_session_expired(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    with hub.engine.begin() as conn:
        conn.execute(
            sa.update(sessions)
            .where(sessions.c.device_id == device)
            .values(expires_at="2000-01-01T00:00:00+00:00")
        )
    response = client.post(
        "/api/v1/sync/pull", json={"device_id": device, "schema_version": 1, "scope": "catalog"}
    )
    assert response.status_code == 401
    assert response.json()["code"] == "session_expired"


def test_unsupported_protocol_is_426_update_needed(client: httpx.Client) -> None:
    response = client.post(
        "/api/v1/auth/sign-in",
        json={
            "username": "demo-associate",
            "password": "demo",
            "device_id": new_device(),
            "protocol_version": PROTOCOL_VERSION + 1,
        },
    )
    assert response.status_code == 426
    assert response.json()["code"] == "update_needed"
    _, device = sign_in(client)
    for path in ("/api/v1/sync/pull", "/api/v1/sync/push"):
        body: dict[str, Any] = {"device_id": device, "schema_version": 1, "protocol_version": 0}
        extra: dict[str, Any] = {"scope": "catalog"} if "pull" in path else {"mutations": []}
        body |= extra
        assert client.post(path, json=body).json()["code"] == "update_needed"


def test_validation_errors_are_json_error_bodies(client: httpx.Client) -> None:
    response = client.post("/api/v1/auth/sign-in", json={"username": "x"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_request"
    assert {tuple(e["loc"])[-1] for e in body["detail"]["errors"]} >= {"password", "device_id"}


def test_unknown_path_is_a_json_404(client: httpx.Client) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_one_new_device_signing_in_twice_at_once(hub: SeededHub) -> None:
    """Concurrent sign-ins of one new device all succeed and register it once (the insert
    is ON CONFLICT DO NOTHING; a smoke test: argon2 makes the exact race rare here)."""
    device = new_device()
    start = threading.Barrier(3, timeout=30)
    statuses: list[int] = []

    def sign_in_once() -> None:
        with httpx.Client(base_url=hub.url, timeout=30) as http:
            start.wait()
            response = http.post(
                "/api/v1/auth/sign-in",
                json={"username": "demo-associate", "password": "demo", "device_id": device},
            )
            statuses.append(response.status_code)

    threads = [threading.Thread(target=sign_in_once) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [200, 200, 200]
    with hub.engine.connect() as conn:
        count = sa.select(sa.func.count()).select_from(devices).where(devices.c.id == device)
        assert conn.execute(count).scalar_one() == 1
