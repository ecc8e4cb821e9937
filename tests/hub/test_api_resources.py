"""The REST resources under /api/v1: search, profiles, orders, carts, notes, catalogue,
staff; keyset pages that neither skip nor repeat; JSON errors with stable codes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.phones import display
from clienteling.hub.tables import audit, carts, customers, orders
from clienteling.protocol.entities import store_scope

from .api_support import role_clients
from .conftest import SeededHub, sign_in


@pytest.fixture(scope="module")
def clients(hub: SeededHub) -> Iterator[dict[str, httpx.Client]]:
    with role_clients(hub) as signed_in:
        yield signed_in


@pytest.fixture(scope="module")
def paris_customer(hub: SeededHub) -> Any:
    """A Paris customer with a phone, an email and a card, preferably a name with marks."""
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(customers)
            .where(
                customers.c.scope == store_scope(hub.summary["store_ids"][0]),
                customers.c.loyalty_card.is_not(None),
            )
            .order_by(customers.c.id)
        ).all()
    with_marks = [r for r in rows if not r.family_name.isascii() and r.phones and r.emails]
    return (with_marks or [r for r in rows if r.phones and r.emails])[0]


def all_pages(http: httpx.Client, path: str, **params: Any) -> list[list[dict[str, Any]]]:
    pages = []
    token = None
    while True:
        query = dict(params) | ({"next": token} if token else {})
        response = http.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["items"])
        token = body["next"]
        if token is None:
            return pages


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def test_search_finds_a_customer_however_they_are_typed(
    clients: dict[str, httpx.Client], paris_customer: Any
) -> None:
    from clienteling.domain.text import fold

    http = clients["associate"]
    c = paris_customer
    phone = c.phones[0]
    national = display(phone).split(" ", 1)[1]  # "6 12 34 56 78" (no country code)
    queries = [
        c.family_name,  # with its diacritics
        fold(c.family_name),  # without
        f"{fold(c.given_name)} {fold(c.family_name)}".upper(),
        fold(c.family_name)[:3],  # a prefix
        phone,  # E.164
        display(phone),  # "+33 6 12 34 56 78"
        national.replace(" ", "-"),
        c.emails[0].upper(),
        c.emails[0][:6],
        c.loyalty_card,
    ]
    for query in queries:
        found = all_pages(http, "/api/v1/customers", q=query, limit=500)
        assert c.id in ids([i for p in found for i in p]), query


def test_search_covers_only_the_stores_the_caller_may_see(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    lyon = hub.summary["store_ids"][1]
    with hub.engine.connect() as conn:
        card = conn.execute(
            sa.select(customers.c.loyalty_card).where(
                customers.c.scope == store_scope(lyon), customers.c.loyalty_card.is_not(None)
            )
        ).scalar()
    assert card
    mine = clients["associate"].get("/api/v1/customers", params={"q": card}).json()
    assert mine["items"] == []
    admin = clients["admin"].get("/api/v1/customers", params={"q": card}).json()
    assert [i["loyalty_card"] for i in admin["items"]] == [card]
    assert admin["items"][0]["home_store_id"] == lyon


def test_customer_list_pages_by_name_without_gaps_or_repeats(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    paris = hub.summary["store_ids"][0]
    pages = all_pages(clients["manager"], "/api/v1/customers", limit=17)
    seen = [i for p in pages for i in p]
    with hub.engine.connect() as conn:
        expected = conn.execute(
            sa.select(sa.func.count()).where(customers.c.scope == store_scope(paris))
        ).scalar_one()
    assert len(pages) > 2 and all(len(p) == 17 for p in pages[:-1])
    assert len(ids(seen)) == len(set(ids(seen))) == expected
    assert {i["home_store_id"] for i in seen} == {paris}


def test_search_text_with_sql_and_unicode_is_just_text(clients: dict[str, httpx.Client]) -> None:
    http = clients["associate"]
    for query in ("'; DROP TABLE customers; --", "%", "_", "Ёлка 🙂", "\\", '" OR 1=1'):
        response = http.get("/api/v1/customers", params={"q": query})
        assert response.status_code == 200, (query, response.text)
        assert isinstance(response.json()["items"], list)
    assert http.get("/api/v1/customers", params={"q": "x" * 201}).status_code == 422


def test_profile_has_consents_and_notes_and_the_read_is_audited(
    clients: dict[str, httpx.Client], hub: SeededHub, paris_customer: Any
) -> None:
    http = clients["associate"]
    body = http.get(f"/api/v1/customers/{paris_customer.id}").json()
    assert body["customer"]["id"] == paris_customer.id
    assert body["customer"]["display_name"] == paris_customer.display_name
    assert all(c["customer_id"] == paris_customer.id for c in body["consents"])
    me = http.get("/api/v1/associates/me").json()
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(audit).where(
                audit.c.customer_id == paris_customer.id, audit.c.action == "customer.read"
            )
        ).all()
    assert any(r.associate_id == me["id"] and r.detail == "profile" for r in rows)


def test_orders_by_customer_and_by_store_newest_first(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    paris = hub.summary["store_ids"][0]
    with hub.engine.connect() as conn:
        buyer, count = conn.execute(
            sa.select(orders.c.customer_id, sa.func.count())
            .where(orders.c.scope == store_scope(paris))
            .group_by(orders.c.customer_id)
            .order_by(sa.func.count().desc(), orders.c.customer_id)
        ).first()
        in_store = conn.execute(
            sa.select(sa.func.count()).where(orders.c.scope == store_scope(paris))
        ).scalar_one()
    http = clients["associate"]
    pages = all_pages(http, f"/api/v1/customers/{buyer}/orders", limit=1)
    mine = [o for p in pages for o in p]
    assert len(mine) == count
    assert [o["placed_at"] for o in mine] == sorted((o["placed_at"] for o in mine), reverse=True)
    one = http.get(f"/api/v1/orders/{mine[0]['id']}").json()
    assert one == mine[0]
    store_pages = all_pages(http, f"/api/v1/stores/{paris}/orders", limit=200)
    assert len({o["id"] for p in store_pages for o in p}) == in_store
    web = all_pages(http, f"/api/v1/stores/{paris}/orders", channel="web", limit=500)
    assert {o["channel"] for p in web for o in p} <= {"web"}


def test_carts_and_notes_of_a_customer(clients: dict[str, httpx.Client], hub: SeededHub) -> None:
    paris = hub.summary["store_ids"][0]
    with hub.engine.connect() as conn:
        cart = conn.execute(
            sa.select(carts).where(carts.c.scope == store_scope(paris)).order_by(carts.c.id)
        ).first()
    assert cart is not None
    http = clients["associate"]
    listed = http.get(f"/api/v1/customers/{cart.customer_id}/carts").json()["items"]
    assert cart.id in ids(listed)
    assert http.get(f"/api/v1/carts/{cart.id}").json()["lines"] == cart.lines
    notes = http.get(f"/api/v1/customers/{cart.customer_id}/notes").json()
    assert notes["next"] is None and isinstance(notes["items"], list)


def test_catalogue_products_prices_inventory_and_stores(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    http = clients["associate"]
    products = [p for page in all_pages(http, "/api/v1/products", limit=50) for p in page]
    assert len(products) == hub.summary["products"]
    assert [p["sku"] for p in products] == sorted(p["sku"] for p in products)
    first = products[0]
    assert http.get("/api/v1/products", params={"barcode": first["barcode"]}).json()["items"] == [
        first
    ]
    price = http.get(f"/api/v1/products/{first['id']}/price").json()
    assert price == {
        "product_id": first["id"],
        "sku": first["sku"],
        "price_minor": first["price_minor"],
        "currency": first["currency"],
    }
    prices = [p for page in all_pages(http, "/api/v1/prices", limit=100) for p in page]
    assert len(prices) == len(products)
    stock = http.get(f"/api/v1/products/{first['id']}/inventory").json()
    assert {s["location_id"] for s in stock} >= set(hub.summary["store_ids"])
    web = hub.summary["web_location_id"]
    at_web = [i for p in all_pages(http, f"/api/v1/locations/{web}/inventory") for i in p]
    assert len(at_web) == len(products) and {i["location_id"] for i in at_web} == {web}
    stores = http.get("/api/v1/stores").json()
    assert {s["id"] for s in stores} == set(hub.summary["store_ids"])
    everything = http.get("/api/v1/locations").json()
    assert {s["id"] for s in everything} == {*hub.summary["store_ids"], web}
    assert http.get(f"/api/v1/stores/{stores[0]['id']}").json() == stores[0]


def test_staff_lists_are_the_callers_store(
    clients: dict[str, httpx.Client], hub: SeededHub
) -> None:
    paris = hub.summary["store_ids"][0]
    staff = clients["associate"].get("/api/v1/associates").json()["items"]
    assert {a["username"] for a in staff} == {
        "demo-associate",
        "demo-manager",
        "paris-associate-2",
        "paris-associate-3",
    }
    assert {a["store_id"] for a in staff} == {paris}
    everyone = clients["admin"].get("/api/v1/associates").json()["items"]
    assert len(everyone) == len(hub.summary["associates"])
    assert "password_hash" not in everyone[0]


def test_a_page_token_of_another_list_is_400(clients: dict[str, httpx.Client]) -> None:
    http = clients["associate"]
    token = http.get("/api/v1/products", params={"limit": 1}).json()["next"]
    assert token
    for bad in (token, "garbage!!"):
        response = http.get("/api/v1/customers", params={"next": bad})
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_page_token"
    assert http.get("/api/v1/products", params={"limit": 0}).status_code == 422
    assert http.get("/api/v1/products", params={"limit": 501}).status_code == 422


def test_every_resource_needs_a_token(hub: SeededHub) -> None:
    with httpx.Client(base_url=hub.url, timeout=30) as anonymous:
        for path in ("/api/v1/customers", "/api/v1/products", "/api/v1/stores", "/api/v1/devices"):
            response = anonymous.get(path)
            assert response.status_code == 401, path
            assert response.json()["code"] == "unauthorized"


def test_a_customer_created_at_a_terminal_is_found_by_the_hub_search(hub: SeededHub) -> None:
    """The index follows the change feed: no writer has to know about it."""
    from .test_customer_create import create_args, mutation

    with httpx.Client(base_url=hub.url, timeout=30) as http:
        _body, device = sign_in(http)
        args = create_args(given_name="Ngọc Lan", family_name="Vũ-Trịnh")
        pushed = http.post(
            "/api/v1/sync/push",
            json={"device_id": device, "schema_version": 1, "mutations": [mutation(1, args)]},
        )
        assert pushed.json()["results"][0]["status"] == "applied"
        for query in ("vu trinh ngoc", "Vũ-Trịnh", args["emails"][0]):
            found = http.get("/api/v1/customers", params={"q": query}).json()["items"]
            assert args["id"] in ids(found), query
