"""Another store's customer at the counter: found across stores only by an exact phone,
email or card, pulled in with that identifier (audited), then reachable by the store for
refreshes and changes; strangers stay 404 and their changes are refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.tables import audit, customer_lookups, customers, notes

from .conftest import SeededHub, sign_in
from .test_sync_push import push

CREATED = "2025-06-01T10:00:00+00:00"


def _other_customer(hub: SeededHub) -> Any:
    """A customer of store 2 (Lyon) with a phone, an email and a card, never looked up."""
    store = hub.summary["store_ids"][1]
    with hub.engine.connect() as conn:
        looked = sa.select(customer_lookups.c.customer_id)
        rows = conn.execute(
            sa.select(customers)
            .where(
                customers.c.home_store_id == store,
                customers.c.loyalty_card.is_not(None),
                customers.c.id.not_in(looked),
            )
            .order_by(customers.c.id.desc())  # the scope matrix's targets come first by id
        ).all()
    return next(r for r in rows if r.phones and r.emails)


def _note(mutation_id: int, customer_id: str) -> dict[str, Any]:
    args = {
        "id": uuid7(),
        "customer_id": customer_id,
        "text": "passée à Paris",
        "created_at": CREATED,
    }
    return {"id": mutation_id, "name": "note.add", "args": args, "created_at": CREATED}


def _found(http: httpx.Client, q: str) -> list[str]:
    response = http.get("/api/v1/customers", params={"q": q, "all_stores": "true"})
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["items"]]


def test_other_stores_are_found_by_exact_identifiers_only(
    client: httpx.Client, hub: SeededHub
) -> None:
    sign_in(client)
    other = _other_customer(hub)
    phone = other.phones[0]
    national = "0" + phone[3:] if phone.startswith("+33") else phone
    assert other.id in _found(client, other.loyalty_card)
    assert other.id in _found(client, other.emails[0].upper())
    assert other.id in _found(client, national)
    # A name, or a prefix of the number, finds only the caller's own store.
    assert other.id not in _found(client, other.family_name)
    assert other.id not in _found(client, other.loyalty_card[:6])
    assert other.id not in _found(client, other.emails[0][:-3])
    # Without all_stores nothing changes: the own store only.
    plain = client.get("/api/v1/customers", params={"q": other.loyalty_card})
    assert plain.json()["items"] == []
    with hub.engine.connect() as conn:
        reads = conn.execute(
            sa.select(sa.func.count()).where(
                audit.c.customer_id == other.id, audit.c.detail == "search"
            )
        ).scalar_one()
    assert reads >= 3


def test_pull_in_needs_the_identifier_then_allows_refresh_and_changes(
    client: httpx.Client, hub: SeededHub
) -> None:
    _body, device = sign_in(client)
    other = _other_customer(hub)
    # Before any lookup: a stranger (404), and a note on them is refused with a reason.
    assert client.get(f"/api/v1/customers/{other.id}/bundle").status_code == 404
    assert client.get(f"/api/v1/customers/{other.id}").status_code == 404
    refused = push(client, device, [_note(1, other.id)]).json()["results"][0]
    assert refused["status"] == "rejected"
    assert "look them up again" in refused["reason"]
    # A wrong identifier (another customer's card) tells nothing.
    wrong = client.post(f"/api/v1/customers/{other.id}/lookup", json={"identifier": "2" * 13})
    assert wrong.status_code == 404
    assert wrong.json()["code"] == "not_found"

    answer = client.post(
        f"/api/v1/customers/{other.id}/lookup", json={"identifier": other.loyalty_card}
    )
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    assert bundle["customer_id"] == other.id
    assert bundle["scope"] == f"store:{other.home_store_id}"
    assert bundle["lookup_expires_at"] is not None
    kinds = {c["entity"] for c in bundle["changes"]}
    assert "customer" in kinds
    assert all(c["op"] == "upsert" for c in bundle["changes"])

    applied = push(client, device, [_note(2, other.id)]).json()["results"][0]
    assert applied["status"] == "applied", applied
    # The profile endpoint honours the lookup as the bundle does (and audits the read).
    profile = client.get(f"/api/v1/customers/{other.id}")
    assert profile.status_code == 200, profile.text
    detail = profile.json()
    assert detail["customer"]["id"] == other.id
    assert detail["customer"]["home_store_id"] == other.home_store_id
    assert any(n["text"] == "passée à Paris" for n in detail["notes"])
    refreshed = client.get(f"/api/v1/customers/{other.id}/bundle").json()
    assert any(
        c["entity"] == "note" and c["data"]["text"] == "passée à Paris"
        for c in refreshed["changes"]
    )
    with hub.engine.connect() as conn:
        looked = (
            conn.execute(
                sa.select(audit.c.detail).where(
                    audit.c.customer_id == other.id, audit.c.action == "customer.lookup"
                )
            )
            .scalars()
            .all()
        )
        note_scope = conn.execute(
            sa.select(notes.c.scope).where(notes.c.customer_id == other.id).limit(1)
        ).scalar_one()
    assert looked and looked[0].startswith("by loyalty_card")
    assert note_scope == f"store:{other.home_store_id}"  # the home store sees the note


def test_an_expired_lookup_is_a_stranger_again(client: httpx.Client, hub: SeededHub) -> None:
    _body, device = sign_in(client)
    other = _other_customer(hub)
    ok = client.post(f"/api/v1/customers/{other.id}/lookup", json={"identifier": other.emails[0]})
    assert ok.status_code == 200
    with hub.engine.begin() as conn:
        conn.execute(
            sa.update(customer_lookups)
            .where(customer_lookups.c.customer_id == other.id)
            .values(expires_at="2000-01-01T00:00:00+00:00")
        )
    assert client.get(f"/api/v1/customers/{other.id}/bundle").status_code == 404
    assert client.get(f"/api/v1/customers/{other.id}").status_code == 404
    result = push(client, device, [_note(1, other.id)]).json()["results"][0]
    assert result["status"] == "rejected"


@pytest.mark.parametrize("username", ["demo-associate", "demo-admin"])
def test_own_customers_need_no_lookup(client: httpx.Client, hub: SeededHub, username: str) -> None:
    sign_in(client, username=username)
    own = hub.customer_of(0)
    answer = client.post(f"/api/v1/customers/{own}/lookup", json={"identifier": "nothing"})
    assert answer.status_code == 200
    assert answer.json()["lookup_expires_at"] is None
