"""`customer.create`: a customer made on a terminal (possibly offline) lands once on the hub,
in the device's store scope, and reaches the other terminals through the change feed."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.tables import consents, customers

from .conftest import SeededHub, sign_in
from .test_sync_push import push

CREATED = "2025-06-01T10:00:00+00:00"


def create_args(**overrides: Any) -> dict[str, Any]:
    customer_id = uuid7()
    args: dict[str, Any] = {
        "id": customer_id,
        "given_name": "Élodie",
        "family_name": "Nguyễn",
        # Unique: the seeded hub is shared, and a second customer with the same phone or
        # email would be merged into the first (hub.identity).
        "phones": [f"+3361{int(customer_id[-8:], 16) % 10**7:07d}"],
        "emails": [f"elodie.{customer_id[-12:]}@example.fr"],
        "preferred_channel": "sms",
        "language": "fr",
        "consents": [
            {"id": uuid7(), "channel": "sms", "granted": True},
            {"id": uuid7(), "channel": "email", "granted": False},
        ],
        "created_at": CREATED,
    }
    args.update(overrides)
    return args


def mutation(mutation_id: int, args: dict[str, Any]) -> dict[str, Any]:
    return {"id": mutation_id, "name": "customer.create", "args": args, "created_at": CREATED}


def pull_all(
    http: httpx.Client, device: str, scope: str, cursor: str | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Every change after `cursor` (None: a snapshot) and the cursor reached."""
    changes: list[dict[str, Any]] = []
    while True:
        response = http.post(
            "/api/v1/sync/pull",
            json={
                "device_id": device,
                "scope": scope,
                "cursor": cursor,
                "schema_version": 1,
                "limit": 5000,
            },
        )
        assert response.status_code == 200, response.text
        body = response.json()
        changes.extend(body["changes"])
        cursor = body["cursor"]
        if not body["has_more"]:
            assert cursor is not None
            return changes, cursor


def test_created_in_the_device_store_and_pulled(client: httpx.Client, hub: SeededHub) -> None:
    body, device = sign_in(client)
    store_id = body["associate"]["store_id"]
    scope = f"store:{store_id}"
    args = create_args()
    # A second terminal of the store, caught up before the customer exists.
    other = httpx.Client(base_url=hub.url, timeout=30)
    _, other_device = sign_in(other)
    _, cursor = pull_all(other, other_device, scope)

    response = push(client, device, [mutation(1, args)])
    assert response.status_code == 200, response.text
    assert response.json()["results"] == [{"id": 1, "status": "applied", "reason": None}]

    with hub.engine.connect() as conn:
        row = conn.execute(sa.select(customers).where(customers.c.id == args["id"])).one()
        grants = conn.execute(
            sa.select(consents.c.channel, consents.c.granted, consents.c.scope).where(
                consents.c.customer_id == args["id"]
            )
        ).all()
    assert row.home_store_id == store_id
    assert row.scope == f"store:{store_id}"
    assert row.lifecycle_stage == "acquisition"
    assert row.clv_minor == 0 and row.loyalty_points == 0
    assert row.display_name == "Élodie Nguyễn"
    assert row.phones == args["phones"]
    assert sorted((g.channel, g.granted) for g in grants) == [("email", False), ("sms", True)]
    assert {g.scope for g in grants} == {row.scope}

    got = client.get(f"/api/v1/customers/{args['id']}")
    assert got.status_code == 200, got.text
    assert got.json()["customer"]["given_name"] == "Élodie"

    # The other terminal's next increment carries it (it got a version in the scope).
    try:
        changes, _ = pull_all(other, other_device, scope, cursor)
    finally:
        other.close()
    mine = [c for c in changes if (c["data"] or {}).get("customer_id", c["id"]) == args["id"]]
    assert sorted(c["entity"] for c in mine) == ["consent", "consent", "customer"]
    pulled = next(c for c in mine if c["entity"] == "customer")
    assert pulled["data"]["lifecycle_stage"] == "acquisition"


def test_idempotent_on_repush_and_same_id(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    args = create_args()
    first = push(client, device, [mutation(1, args)])
    assert first.json()["results"][0]["status"] == "applied"
    with hub.engine.connect() as conn:
        version = conn.execute(
            sa.select(customers.c.version).where(customers.c.id == args["id"])
        ).scalar_one()

    again = push(client, device, [mutation(1, args)])
    assert again.json()["results"][0]["status"] == "duplicate"
    # The same customer id under a new mutation id (e.g. after a realign): still one row,
    # no new version.
    renamed = push(client, device, [mutation(2, {**args, "given_name": "Autre"})])
    assert renamed.json()["results"][0]["status"] == "applied"
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(customers.c.given_name, customers.c.version).where(
                customers.c.id == args["id"]
            )
        ).all()
    assert [(r.given_name, r.version) for r in rows] == [("Élodie", version)]


def test_duplicate_phone_is_not_rejected(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    phone = ["+33611223344"]
    answer = push(
        client,
        device,
        [mutation(1, create_args(phones=phone)), mutation(2, create_args(phones=phone))],
    )
    assert [r["status"] for r in answer.json()["results"]] == ["applied", "applied"]


def test_invalid_is_rejected_with_a_reason(client: httpx.Client, hub: SeededHub) -> None:
    _, device = sign_in(client)
    bad = [
        (create_args(given_name="  "), "name"),
        (create_args(phones=["0612345678"]), "phone"),
        (create_args(phones=["+3361234"]), "phone"),
        (create_args(emails=["not-an-email"]), "email"),
        (create_args(preferred_channel="fax"), "invalid customer arguments"),
        ({"id": uuid7()}, "invalid customer arguments"),
    ]
    answer = push(client, device, [mutation(i, args) for i, (args, _) in enumerate(bad, 1)])
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * len(bad)
    for result, (_, word) in zip(results, bad, strict=True):
        assert word in result["reason"]
    assert answer.json()["last_mutation_id"] == len(bad)
    with hub.engine.connect() as conn:
        ids = [args["id"] for args, _ in bad]
        count = conn.execute(sa.select(sa.func.count()).where(customers.c.id.in_(ids))).scalar_one()
    assert count == 0


def test_the_same_loyalty_card_from_two_terminals_is_one_customer(
    client: httpx.Client, hub: SeededHub
) -> None:
    """A card handed over at sign-up is stored in one form; the same card created offline
    on another terminal (typed with spaces) merges into the first; a bad one is refused."""
    from clienteling.domain.ids import uuid7 as new_id
    from clienteling.hub.tables import customer_merges

    card = f"LM{new_id()[-10:].upper()}"
    _, first_device = sign_in(client)
    with httpx.Client(base_url=hub.url, timeout=30) as other:
        _, second_device = sign_in(other)
        first = create_args(loyalty_card=card.lower())
        spaced = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
        second = create_args(given_name="Elodie", loyalty_card=spaced)
        assert (
            push(client, first_device, [mutation(1, first)]).json()["results"][0]["status"]
            == "applied"
        )
        answer = push(
            other,
            second_device,
            [mutation(1, second), mutation(2, create_args(loyalty_card="12#45"))],
        )
    statuses = [(r["status"], r.get("reason") or "") for r in answer.json()["results"]]
    assert statuses[0] == ("applied", "")
    assert statuses[1][0] == "rejected" and "letters or digits" in statuses[1][1]
    with hub.engine.connect() as conn:
        stored = conn.execute(
            sa.select(customers.c.loyalty_card).where(customers.c.id == first["id"])
        ).scalar_one()
        merge = conn.execute(
            sa.select(customer_merges.c.survivor_id, customer_merges.c.matched_on).where(
                customer_merges.c.id == second["id"]
            )
        ).one()
    assert stored == card
    assert tuple(merge) == (first["id"], "loyalty_card")
