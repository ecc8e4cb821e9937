"""Push: exactly-once application, gaps, rejections that still advance `last`."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.tables import applied_mutations, notes

from .conftest import SeededHub, sign_in

CREATED = "2025-06-01T10:00:00+00:00"


def note_mutation(
    mutation_id: int, *, customer_id: str, text: str = "Taille 38."
) -> dict[str, Any]:
    return {
        "id": mutation_id,
        "name": "note.add",
        "args": {"id": uuid7(), "customer_id": customer_id, "text": text, "created_at": CREATED},
        "created_at": CREATED,
    }


def push(http: httpx.Client, device: str, mutations: list[dict[str, Any]]) -> httpx.Response:
    return http.post(
        "/api/v1/sync/push",
        json={"device_id": device, "schema_version": 1, "mutations": mutations},
    )


def notes_of(hub: SeededHub, customer_id: str) -> int:
    with hub.engine.connect() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(notes.c.customer_id == customer_id)
            ).scalar_one()
        )


def test_same_batch_twice_applies_once(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    customer = hub.customer_of(0)
    before = notes_of(hub, customer)
    batch = [note_mutation(i, customer_id=customer, text=f"visite {i}") for i in (1, 2, 3)]

    first = push(client, device, batch)
    assert first.status_code == 200
    assert first.json()["last_mutation_id"] == 3
    assert [r["status"] for r in first.json()["results"]] == ["applied"] * 3

    again = push(client, device, batch)
    assert again.status_code == 200
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"] * 3
    assert notes_of(hub, customer) == before + 3

    profile = client.get(f"/api/v1/customers/{customer}").json()
    texts = [n["text"] for n in profile["notes"]]
    assert [t for t in texts if t.startswith("visite")] == ["visite 1", "visite 2", "visite 3"]
    assert profile["customer"]["id"] == customer


def test_a_gap_is_409_with_the_last_applied_id(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    customer = hub.customer_of(0)
    assert push(client, device, [note_mutation(1, customer_id=customer)]).status_code == 200
    response = push(client, device, [note_mutation(3, customer_id=customer)])
    assert response.status_code == 409
    assert response.json()["code"] == "mutation_gap"
    assert response.json()["detail"] == {"last_mutation_id": 1}


def test_rejected_mutations_are_recorded_and_advance_last(
    client: httpx.Client, hub: SeededHub
) -> None:
    _, device = sign_in(client)
    lyon_customer = hub.customer_of(1)
    paris_customer = hub.customer_of(0)
    batch = [
        note_mutation(1, customer_id=lyon_customer),
        note_mutation(2, customer_id=paris_customer, text="   "),
        {"id": 3, "name": "teleport.customer", "args": {}, "created_at": CREATED},
        {"id": 4, "name": "note.add", "args": {"text": 5}, "created_at": CREATED},
        note_mutation(5, customer_id="no-such-customer"),
        note_mutation(6, customer_id=paris_customer),
    ]
    before = notes_of(hub, lyon_customer)
    response = push(client, device, batch)
    assert response.status_code == 200
    body = response.json()
    assert body["last_mutation_id"] == 6
    statuses = [(r["status"], bool(r["reason"])) for r in body["results"]]
    assert statuses == [("rejected", True)] * 5 + [("applied", False)]
    assert notes_of(hub, lyon_customer) == before
    with hub.engine.connect() as conn:
        recorded = (
            conn.execute(
                sa.select(applied_mutations.c.status)
                .where(applied_mutations.c.device_id == device)
                .order_by(applied_mutations.c.mutation_id)
            )
            .scalars()
            .all()
        )
    assert recorded == ["rejected"] * 5 + ["applied"]


def test_push_for_another_device_is_403(client: httpx.Client, hub: SeededHub) -> None:
    sign_in(client)
    response = push(client, "someone-else", [note_mutation(1, customer_id=hub.customer_of(0))])
    assert response.status_code == 403
    assert response.json()["code"] == "device_mismatch"


def test_concurrent_pushes_of_one_batch_apply_once(client: httpx.Client, hub: SeededHub) -> None:
    body, device = sign_in(client)
    token = body["token"]
    customer = hub.customer_of(0)
    before = notes_of(hub, customer)
    batch = [note_mutation(i, customer_id=customer) for i in range(1, 6)]
    outcomes: list[list[str]] = []

    def send() -> None:
        with httpx.Client(base_url=hub.url, timeout=30) as http:
            http.headers["Authorization"] = f"Bearer {token}"
            response = push(http, device, batch)
            assert response.status_code == 200
            outcomes.append([r["status"] for r in response.json()["results"]])

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 4
    assert notes_of(hub, customer) == before + 5
    applied = sum(statuses.count("applied") for statuses in outcomes)
    assert applied == 5


def test_customer_of_another_store_is_404(client: httpx.Client, hub: SeededHub) -> None:
    sign_in(client)
    response = client.get(f"/api/v1/customers/{hub.customer_of(2)}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_rejection_sent_again_is_still_a_rejection_with_its_reason(
    client: httpx.Client, hub: SeededHub
) -> None:
    _, device = sign_in(client)
    batch = [
        note_mutation(1, customer_id=hub.customer_of(0), text="   "),
        note_mutation(2, customer_id=hub.customer_of(0)),
    ]
    first = push(client, device, batch).json()["results"]
    again = push(client, device, batch).json()["results"]
    assert [r["status"] for r in first] == ["rejected", "applied"]
    assert [r["status"] for r in again] == ["rejected", "duplicate"]
    assert again[0]["reason"] == first[0]["reason"]
