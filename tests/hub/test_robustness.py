"""Bad input gets a 4xx with a sentence, never a 5xx: malformed JSON, oversized bodies,
unknown fields, wrong types, NUL characters, SQL meta-characters and any Unicode."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from clienteling.domain.ids import uuid7

from .conftest import SeededHub, new_device, sign_in

CREATED = "2025-06-01T10:00:00+00:00"
NASTY = [
    "'; DROP TABLE customers; --",
    '" OR "1"="1',
    "%_\\",
    "Nguyễn Thị Ánh — Жуков Ёлка 🙂",
    "\u202eRTL\u200b zero-width",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0010fffd",
]


def error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["message"], str) and body["message"]
    return str(body["message"])


@pytest.fixture
def signed_in(client: httpx.Client) -> Iterator[tuple[httpx.Client, str]]:
    _body, device = sign_in(client)
    yield client, device


def test_malformed_json_is_422_not_valid_json(client: httpx.Client) -> None:
    response = client.post(
        "/api/v1/auth/sign-in",
        content=b'{"username": "demo-associate", "password": ',
        headers={"Content-Type": "application/json"},
    )
    assert "not valid JSON" in error(response, 422, "invalid_request")


def test_unknown_fields_and_wrong_types_are_named(client: httpx.Client) -> None:
    extra = client.post(
        "/api/v1/auth/sign-in",
        json={"username": "x", "password": "y", "device_id": new_device(), "admin": True},
    )
    assert "admin" in error(extra, 422, "invalid_request")
    wrong = client.post(
        "/api/v1/auth/sign-in",
        json={"username": ["x"], "password": "y", "device_id": new_device()},
    )
    assert "username" in error(wrong, 422, "invalid_request")
    too_long = client.post(
        "/api/v1/auth/sign-in",
        json={"username": "x" * 500, "password": "y", "device_id": new_device()},
    )
    assert "username" in error(too_long, 422, "invalid_request")


def test_oversized_bodies_are_413_declared_or_streamed(
    signed_in: tuple[httpx.Client, str], hub: SeededHub
) -> None:
    http, device = signed_in
    huge = (
        b'{"device_id": "'
        + device.encode()
        + b'", "mutations": [], "x": "'
        + b"a" * (5 * 1024 * 1024)
        + b'"}'
    )
    declared = http.post(
        "/api/v1/sync/push", content=huge, headers={"Content-Type": "application/json"}
    )
    assert "larger than" in error(declared, 413, "body_too_large")

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(huge), 65536):
            yield huge[start : start + 65536]

    streamed = http.post(
        "/api/v1/sync/push", content=chunks(), headers={"Content-Type": "application/json"}
    )
    error(streamed, 413, "body_too_large")
    assert http.get("/healthz").status_code == 200  # and the hub is fine


def test_nul_characters_are_refused_in_query_path_and_body(
    signed_in: tuple[httpx.Client, str],
) -> None:
    http, device = signed_in
    error(http.get("/api/v1/customers", params={"q": "a\x00b"}), 422, "invalid_text")
    error(http.get("/api/v1/customers/abc%00def"), 422, "invalid_text")
    body = {"device_id": device, "schema_version": 1, "scope": "catalog\x00"}
    error(http.post("/api/v1/sync/pull", json=body), 422, "invalid_text")


@pytest.mark.parametrize("text", NASTY)
def test_meta_characters_and_unicode_are_plain_text(
    signed_in: tuple[httpx.Client, str], hub: SeededHub, text: str
) -> None:
    http, device = signed_in
    search = http.get("/api/v1/customers", params={"q": text})
    assert search.status_code == 200, search.text
    refused = http.post(
        "/api/v1/auth/sign-in",
        json={"username": text, "password": text, "device_id": new_device()},
        headers={"X-Forwarded-For": "192.0.2.200"},
    )
    assert refused.status_code in {401, 429}, refused.text
    assert http.get(f"/api/v1/customers/{text[:60]}").status_code in {404, 422}
    customer = hub.customer_of(0)
    note = {"id": uuid7(), "customer_id": customer, "text": text, "created_at": CREATED}
    pushed = http.post(
        "/api/v1/sync/push",
        json={
            "device_id": device,
            "schema_version": 1,
            "mutations": [{"id": 1, "name": "note.add", "args": note, "created_at": CREATED}],
        },
    )
    assert pushed.status_code == 200, pushed.text
    assert pushed.json()["results"][0]["status"] == "applied"
    stored = http.get(f"/api/v1/notes/{note['id']}").json()
    assert stored["text"] == text.strip()
