"""`POST /customers` and `PATCH /customers/{id}`: the `customer.create` and
`customer.patch` mutations' code behind REST (validation, identity merge, history)."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.hub.tables import audit, customer_field_history

from .conftest import SeededHub, sign_in
from .test_customer_create import create_args


def _body(**overrides: Any) -> dict[str, Any]:
    args = create_args(**overrides)
    args["consents"] = [{"channel": "sms", "granted": True}]
    return args


def test_create_is_idempotent_by_id_and_audited(client: httpx.Client, hub: SeededHub) -> None:
    body, _device = sign_in(client)
    new = _body()
    first = client.post("/api/v1/customers", json=new)
    assert first.status_code == 201, first.text
    created = first.json()
    assert created["created"] is True and created["merged_into"] is None
    assert created["customer"]["home_store_id"] == body["associate"]["store_id"]
    assert created["customer"]["display_name"]
    again = client.post("/api/v1/customers", json=new)
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert again.json()["customer"]["id"] == new["id"]
    with hub.engine.connect() as conn:
        rows = (
            conn.execute(sa.select(audit.c.action).where(audit.c.customer_id == new["id"]))
            .scalars()
            .all()
        )
    assert rows == ["customer.create"]


def test_create_merges_a_twin_of_the_same_store(client: httpx.Client) -> None:
    sign_in(client)
    first = _body()
    assert client.post("/api/v1/customers", json=first).status_code == 201
    twin = _body(phones=first["phones"], emails=[])
    answer = client.post("/api/v1/customers", json=twin)
    assert answer.status_code == 201
    assert answer.json()["merged_into"] == first["id"]
    assert answer.json()["customer"]["id"] == first["id"]


def test_create_refuses_what_the_mutation_refuses(client: httpx.Client) -> None:
    sign_in(client)
    bad_phone = client.post("/api/v1/customers", json=_body(phones=["06 12 34 56 78"]))
    assert bad_phone.status_code == 422
    assert bad_phone.json()["code"] == "invalid_customer"
    assert "phone" in bad_phone.json()["message"]
    blank = client.post("/api/v1/customers", json=_body(given_name="  "))
    assert blank.status_code == 422
    assert blank.json()["code"] == "invalid_customer"
    unknown = client.post("/api/v1/customers", json={**_body(), "vip": True})
    assert unknown.status_code == 422


def test_create_in_another_store_is_forbidden(client: httpx.Client, hub: SeededHub) -> None:
    sign_in(client)
    other = hub.summary["store_ids"][1]
    answer = client.post("/api/v1/customers", json={**_body(), "store_id": other})
    assert answer.status_code == 403
    assert answer.json()["code"] == "forbidden_store"


def test_admin_names_the_store(client: httpx.Client, hub: SeededHub) -> None:
    sign_in(client, username="demo-admin")
    missing = client.post("/api/v1/customers", json=_body())
    assert missing.status_code == 422
    assert missing.json()["code"] == "store_required"
    store = hub.summary["store_ids"][1]
    made = client.post("/api/v1/customers", json={**_body(), "store_id": store})
    assert made.status_code == 201
    assert made.json()["customer"]["home_store_id"] == store


def test_patch_changes_fields_and_keeps_history(client: httpx.Client, hub: SeededHub) -> None:
    sign_in(client)
    new = _body()
    client.post("/api/v1/customers", json=new)
    answer = client.patch(
        f"/api/v1/customers/{new['id']}",
        json={"family_name": "Trần", "preferences": {"style": "minimal"}},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["family_name"] == "Trần"
    assert answer.json()["given_name"] == new["given_name"]
    assert answer.json()["preferences"]["style"] == "minimal"
    with hub.engine.connect() as conn:
        history = conn.execute(
            sa.select(customer_field_history.c.field, customer_field_history.c.old_value).where(
                customer_field_history.c.customer_id == new["id"]
            )
        ).all()
    assert ("family_name", new["family_name"]) in [tuple(h) for h in history]
    cleared = client.patch(f"/api/v1/customers/{new['id']}", json={"given_name": None})
    assert cleared.status_code == 422
    assert cleared.json()["code"] == "invalid_customer"


def test_patch_of_another_store_is_not_found(client: httpx.Client, hub: SeededHub) -> None:
    sign_in(client)
    answer = client.patch(f"/api/v1/customers/{hub.customer_of(1)}", json={"language": "en"})
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"
