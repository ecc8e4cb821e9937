"""Issue 4, "pagination everywhere a list can grow": the three lists that used to stop at
a limit page with the same keyset `next` tokens as every other list. Pages of 2 walk
every row once, in order; another list's token is a 400. The follow-ups to check keep
their plain-list body (terminals from before paging read one) and send `next` in the
`Next-Page` header, which the terminal's client follows."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub import pagination
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.enrollment import MAX_TTL
from clienteling.hub.tables import consent_audit, customer_field_history, enrollment_codes
from clienteling.hub.tables import followups as followups_table
from clienteling.protocol.followup_checks import NEXT_PAGE_HEADER
from clienteling.sync.client import HubClient

from .api_support import role_clients
from .conftest import SeededHub

ROWS = 5  # at least this many rows in each list walked, in pages of 2


@pytest.fixture(scope="module")
def clients(hub: SeededHub) -> Iterator[dict[str, httpx.Client]]:
    with role_clients(hub) as signed_in:
        yield signed_in


def foreign_token(http: httpx.Client) -> str:
    token = http.get("/api/v1/products", params={"limit": 1}).json()["next"]
    assert token
    return str(token)


def needs_check_token(http: httpx.Client) -> str:
    """A `next` of the follow-ups to check (the seeded hub has a few in every store)."""
    token = http.get("/api/v1/followups/needs-check", params={"limit": 1}).headers.get(
        NEXT_PAGE_HEADER
    )
    assert token
    return token


def assert_invalid_token(response: httpx.Response) -> None:
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "invalid_page_token"


# --- GET /customers/{id}/history: two lists, one token -----------------------------------


def add_history(hub: SeededHub, customer_id: str) -> None:
    """Field changes and consent decisions, some in the same second (the id decides)."""
    times = ["2026-01-05T10:00:00+00:00"] * 3 + ["2026-01-06T09:00:00+00:00"] * 3
    with hub.engine.begin() as conn:
        conn.execute(
            sa.insert(customer_field_history),
            [
                {
                    "id": str(uuid.uuid4()),
                    "customer_id": customer_id,
                    "field": "given_name",
                    "old_value": f"old {n}",
                    "new_value": f"new {n}",
                    "source": "terminal",
                    "changed_at": at,
                }
                for n, at in enumerate(times)
            ],
        )
        conn.execute(
            sa.insert(consent_audit),
            [
                {
                    "id": str(uuid.uuid4()),
                    "consent_id": str(uuid.uuid4()),
                    "customer_id": customer_id,
                    "channel": "sms",
                    "granted": n % 2 == 0,
                    "based_on": n,
                    "outcome": "recorded",
                    "source": "terminal",
                    "at": at,
                }
                for n, at in enumerate(times + times[:1])  # one more than the fields
            ],
        )


def history_in_order(hub: SeededHub, customer_id: str) -> tuple[list[Any], list[Any]]:
    """(field changes, consent decisions) of the customer as the hub holds them, newest
    first, as (time, new value) and (time, consent id) pairs."""
    f, c = customer_field_history.c, consent_audit.c
    with hub.engine.connect() as conn:
        fields = conn.execute(
            sa.select(f.changed_at, f.new_value)
            .where(f.customer_id == customer_id)
            .order_by(f.changed_at.desc(), f.id.desc())
        ).all()
        consents = conn.execute(
            sa.select(c.at, c.consent_id)
            .where(c.customer_id == customer_id)
            .order_by(c.at.desc(), c.id.desc())
        ).all()
    return [tuple(r) for r in fields], [tuple(r) for r in consents]


def test_customer_history_pages_both_lists_without_gaps_or_repeats(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    http = clients["admin"]
    customer_id = hub.customer_of(1)
    add_history(hub, customer_id)
    fields, consents, sizes = [], [], []
    token: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"next": token} if token else {})
        response = http.get(f"/api/v1/customers/{customer_id}/history", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["customer_id"] == customer_id
        sizes.append((len(body["fields"]), len(body["consents"])))
        fields += [(f["changed_at"], f["new_value"]) for f in body["fields"]]
        consents += [(c["at"], c["consent_id"]) for c in body["consents"]]
        token = body["next"]
        if token is None:
            break
    expected_fields, expected_consents = history_in_order(hub, customer_id)
    assert len(expected_fields) >= ROWS + 1 and len(expected_consents) >= ROWS + 2
    assert fields == expected_fields  # every row once, newest first
    assert consents == expected_consents
    assert all(f <= 2 and c <= 2 for f, c in sizes)
    longest = max(len(expected_fields), len(expected_consents))
    assert len(sizes) == -(-longest // 2)  # the last page of the longer list ends it
    unpaged = http.get(f"/api/v1/customers/{customer_id}/history").json()
    assert len(unpaged["fields"]) == len(expected_fields)  # the default: up to 100 each


def test_customer_history_refuses_another_lists_token(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    http = clients["admin"]
    path = f"/api/v1/customers/{hub.customer_of(0)}/history"
    for bad in (foreign_token(http), needs_check_token(http), "garbage!!"):
        assert_invalid_token(http.get(path, params={"next": bad}))


# --- GET /followups/needs-check: a plain list, `next` in a header -------------------------


def needs_check_in_order(hub: SeededHub) -> list[str]:
    f = followups_table.c
    with hub.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(f.id).where(f.status == "needs_check").order_by(f.updated_at, f.id)
            ).scalars()
        )


def test_needs_check_pages_by_the_next_page_header(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    http = clients["admin"]  # every store's
    walked: list[str] = []
    pages = 0
    token: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"next": token} if token else {})
        response = http.get("/api/v1/followups/needs-check", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert isinstance(body, list) and len(body) <= 2  # the body a terminal reads
        walked += [item["id"] for item in body]
        pages += 1
        token = response.headers.get(NEXT_PAGE_HEADER)
        if token is None:
            break
    expected = needs_check_in_order(hub)
    assert len(expected) >= ROWS
    assert walked == expected  # oldest first, every one once
    assert pages == -(-len(expected) // 2)
    whole = http.get("/api/v1/followups/needs-check")  # the default page holds them all
    assert [item["id"] for item in whole.json()] == expected
    assert NEXT_PAGE_HEADER not in whole.headers


def test_the_terminals_client_follows_every_page_of_needs_check(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    bearer = clients["admin"].headers["Authorization"].removeprefix("Bearer ")
    client = HubClient(hub.url, timeout=30)
    try:
        checks = client.followups_to_check(bearer, page_size=2)
    finally:
        client.close()
    assert [c.id for c in checks] == needs_check_in_order(hub)
    assert len(checks) >= ROWS


def test_needs_check_refuses_another_lists_token(clients: dict[str, httpx.Client]) -> None:
    http = clients["admin"]
    for _ in range(2):
        assert http.post("/api/v1/enrollment-codes", json={"store_id": None}).status_code == 201
    codes = http.get("/api/v1/enrollment-codes", params={"limit": 1}).json()["next"]
    assert codes
    for bad in (foreign_token(http), codes, "garbage!!"):
        assert_invalid_token(http.get("/api/v1/followups/needs-check", params={"next": bad}))


# --- GET /enrollment-codes -----------------------------------------------------------------


def test_enrollment_codes_page_newest_first_without_gaps_or_repeats(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    http = clients["admin"]
    for _ in range(ROWS):  # made within a second or two: the id orders the same second
        made = http.post("/api/v1/enrollment-codes", json={"store_id": None})
        assert made.status_code == 201, made.text
    walked: list[str] = []
    pages = 0
    token: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"next": token} if token else {})
        response = http.get("/api/v1/enrollment-codes", params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 2
        walked += [item["id"] for item in body["items"]]
        pages += 1
        token = body["next"]
        if token is None:
            break
    c = enrollment_codes.c
    with hub.engine.connect() as conn:
        expected = list(
            conn.execute(
                sa.select(c.id)
                .where(c.created_at >= iso(utc_now() - MAX_TTL))
                .order_by(c.created_at.desc(), c.id.desc())
            ).scalars()
        )
    assert len(expected) >= ROWS
    assert walked == expected
    assert pages == -(-len(expected) // 2)


def test_enrollment_codes_refuse_another_lists_token(clients: dict[str, httpx.Client]) -> None:
    http = clients["admin"]
    for bad in (foreign_token(http), needs_check_token(http), "garbage!!"):
        assert_invalid_token(http.get("/api/v1/enrollment-codes", params={"next": bad}))


def test_a_made_up_token_with_numbers_is_400_not_an_sql_error(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    """Every sort key is text; PostgreSQL refuses to compare text with a number."""
    http = clients["admin"]
    lists = (
        (f"/api/v1/customers/{hub.customer_of(0)}/history", "customer-history", 4),
        ("/api/v1/followups/needs-check", "followups-needs-check", 2),
        ("/api/v1/enrollment-codes", "enrollment-codes", 2),
        ("/api/v1/customers", "customers", 2),
    )
    for path, kind, width in lists:
        assert_invalid_token(http.get(path, params={"next": pagination.encode(kind, [7] * width)}))
    assert http.get("/api/v1/customers", params={"limit": 1}).status_code == 200
