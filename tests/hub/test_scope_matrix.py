"""The store scope, enforced by the hub on every endpoint: role x endpoint x store.

Associates and managers of store 1 (Paris) read their store; the same request about
store 2 (Lyon) answers 404 when it names a customer or a customer's row (ids do not leak
across stores) and 403 when it names the other store itself. Admins read every store.
Admin-only endpoints answer 403 to everyone else. See README, "Store scope".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.tables import carts, customers, notes, orders
from clienteling.protocol.entities import store_scope

from .api_support import role_clients
from .conftest import SeededHub

STORES = ("own", "other")


@dataclass(frozen=True)
class Targets:
    store: str
    customer: str
    order: str
    cart: str
    note: str
    card: str


def _targets(hub: SeededHub, index: int) -> Targets:
    store = hub.summary["store_ids"][index]
    scope = store_scope(store)
    with hub.engine.connect() as conn:

        def first(table: sa.Table) -> str:
            return str(
                conn.execute(
                    sa.select(table.c.id).where(table.c.scope == scope).order_by(table.c.id)
                ).scalar()
            )

        card = conn.execute(
            sa.select(customers.c.loyalty_card).where(
                customers.c.scope == scope, customers.c.loyalty_card.is_not(None)
            )
        ).scalar()
        return Targets(
            store=store,
            customer=first(customers),
            order=first(orders),
            cart=first(carts),
            note=first(notes),
            card=str(card),
        )


@pytest.fixture(scope="module")
def targets(hub: SeededHub) -> dict[str, Targets]:
    return {"own": _targets(hub, 0), "other": _targets(hub, 1)}


@pytest.fixture(scope="module")
def clients(hub: SeededHub) -> Iterator[dict[str, httpx.Client]]:
    with role_clients(hub) as signed_in:
        yield signed_in


# endpoint -> (method, path template, what another store's request answers)
ENDPOINTS: dict[str, tuple[str, str, int]] = {
    "customer": ("GET", "/api/v1/customers/{t.customer}", 404),
    "customer_orders": ("GET", "/api/v1/customers/{t.customer}/orders", 404),
    "customer_carts": ("GET", "/api/v1/customers/{t.customer}/carts", 404),
    "customer_notes": ("GET", "/api/v1/customers/{t.customer}/notes", 404),
    "customer_bundle": ("GET", "/api/v1/customers/{t.customer}/bundle", 404),
    "customer_visits": ("GET", "/api/v1/customers/{t.customer}/visits", 404),
    "customer_followups": ("GET", "/api/v1/customers/{t.customer}/followups", 404),
    "customer_feedback": ("GET", "/api/v1/customers/{t.customer}/feedback", 404),
    "customer_consents": ("GET", "/api/v1/customers/{t.customer}/consents", 404),
    "customer_history": ("GET", "/api/v1/customers/{t.customer}/history", 404),
    "customer_patch": ("PATCH", "/api/v1/customers/{t.customer}", 404),
    "customer_create": ("CREATE", "{t.store}", 403),
    "order": ("GET", "/api/v1/orders/{t.order}", 404),
    "cart": ("GET", "/api/v1/carts/{t.cart}", 404),
    "note": ("GET", "/api/v1/notes/{t.note}", 404),
    "store_orders": ("GET", "/api/v1/stores/{t.store}/orders", 403),
    "store_customers": ("GET", "/api/v1/customers?store_id={t.store}", 403),
    "store_associates": ("GET", "/api/v1/associates?store_id={t.store}", 403),
    "store_pull": ("PULL", "store:{t.store}", 403),
    "store_check": ("CHECK", "store:{t.store}", 403),
    "store_tasks": ("GET", "/api/v1/tasks?store_id={t.store}", 403),
    "store_appointments": ("GET", "/api/v1/appointments?store_id={t.store}", 403),
}
CODES = {404: {"not_found"}, 403: {"forbidden_store", "forbidden_scope"}}
ADMIN_ONLY = {
    "devices": ("GET", "/api/v1/devices"),
    "audit": ("GET", "/api/v1/audit"),
    "revoke": ("POST", "/api/v1/devices/no-such-device/revoke"),
}


def _call(http: httpx.Client, method: str, target: str) -> httpx.Response:
    if method == "PULL":
        return http.post(
            "/api/v1/sync/pull",
            json={"device_id": http.headers["X-Test-Device"], "schema_version": 1, "scope": target},
        )
    if method == "CHECK":  # with the caller's own cursor when it may pull the scope
        pulled = _call(http, "PULL", target)
        cursor = pulled.json()["cursor"] if pulled.status_code == 200 else "x"
        return http.post(
            "/api/v1/sync/check",
            json={
                "device_id": http.headers["X-Test-Device"],
                "schema_version": 1,
                "scope": target,
                "cursor": cursor,
            },
        )
    if method == "CREATE":  # a customer of the target store, without contacts (no merge)
        body = {"id": uuid7(), "given_name": "Matrix", "family_name": "Test", "store_id": target}
        return http.post("/api/v1/customers", json=body)
    if method == "PATCH":
        return http.patch(target, json={})  # changes nothing: only the scope decides
    return http.request(method, target)


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@pytest.mark.parametrize("role", ["associate", "manager", "admin"])
def test_store_scope(
    clients: dict[str, httpx.Client],
    targets: dict[str, Targets],
    role: str,
    endpoint: str,
    store: str,
) -> None:
    method, template, refused = ENDPOINTS[endpoint]
    response = _call(clients[role], method, template.format(t=targets[store]))
    allowed = role == "admin" or store == "own"
    if allowed:
        assert response.status_code == (201 if method == "CREATE" else 200), response.text
    else:
        assert response.status_code == refused, response.text
        body = response.json()
        assert body["code"] in CODES[refused]
        assert body["message"]
        # A refusal never carries the other store's data.
        assert targets["other"].card not in response.text


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("role", ["associate", "manager", "admin"])
def test_search_by_card_only_finds_visible_customers(
    clients: dict[str, httpx.Client], targets: dict[str, Targets], role: str, store: str
) -> None:
    response = clients[role].get("/api/v1/customers", params={"q": targets[store].card})
    assert response.status_code == 200
    found = [c["loyalty_card"] for c in response.json()["items"]]
    assert found == ([targets[store].card] if role == "admin" or store == "own" else [])


@pytest.mark.parametrize("endpoint", sorted(ADMIN_ONLY))
@pytest.mark.parametrize("role", ["associate", "manager", "admin"])
def test_admin_only_endpoints(clients: dict[str, httpx.Client], role: str, endpoint: str) -> None:
    method, path = ADMIN_ONLY[endpoint]
    response = clients[role].request(method, path)
    if role != "admin":
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden_role"
    elif endpoint == "revoke":
        assert response.status_code == 404  # allowed, but there is no such device
    else:
        assert response.status_code == 200
