"""Shopify's product and stock webhooks (products/create, products/update, products/delete,
inventory_levels/update) through `POST /api/v1/ingest/shopify` with a correct HMAC: the
catalog, one price, stock by mapped location, out-of-order and unknown locations, and the
back-in-stock task, exactly as the generic stock feed does it. Both backends."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.replay import replay_lines
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import ingest_events, inventory, orders, products
from clienteling.protocol.entities import CATALOG_SCOPE

from .conftest import NewDb, sign_in
from .test_ingest import (
    _caught_up,
    _pull,
    event,
    fixture,
    new_id,
    ok,
    send,
    send_shopify,
)
from .test_wish_birthday_tasks import Shop, a_customer, open_shop, stock, tasks_of, wish_of

SHOP_STORE = "71234560041"  # Shopify location ids, mapped in the settings
SHOP_WEB = "71234560099"
SHOP_UNMAPPED = "71234560777"


@pytest.fixture(scope="module")
def shop(new_db: NewDb) -> Iterator[Shop]:
    def mapped(store: str, web: str) -> dict[str, str]:
        return {SHOP_STORE: store, SHOP_WEB: web}

    with open_shop(new_db, customers=60, seed=31, shopify_locations=mapped) as opened:
        yield opened


@pytest.fixture
def http(shop: Shop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shop.url, timeout=30) as client:
        yield client


def a_new_product(*, skus: tuple[str, str] | None = None) -> dict[str, Any]:
    """The recorded products/create payload under fresh Shopify ids (and SKUs)."""
    payload = fixture("shopify_products_create.json")
    base = int(new_id().replace("-", "")[:12], 16)
    payload["id"] = base
    for n, variant in enumerate(payload["variants"]):
        variant["id"] = base + 1 + n
        variant["product_id"] = base
        variant["inventory_item_id"] = base + 100 + n
        if skus is not None:
            variant["sku"] = skus[n]
        else:
            variant["sku"] = f"{variant['sku']}-{base % 100_000}"
    return payload


def level(item: int, location: str, available: int | None, at: str) -> dict[str, Any]:
    payload = fixture("shopify_inventory_levels_update.json")
    payload.update(inventory_item_id=item, location_id=int(location), available=available)
    payload["updated_at"] = at
    payload["admin_graphql_api_id"] = (
        f"gid://shopify/InventoryLevel/{location}?inventory_item_id={item}"
    )
    return payload


def created(shop: Shop, http: httpx.Client, variant: int = 0) -> tuple[dict[str, Any], Any, int]:
    """A new product sent with products/create: (payload, our product of the variant,
    the variant's inventory item)."""
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    chosen = payload["variants"][variant]
    return payload, product_by_sku(shop, chosen["sku"]), chosen["inventory_item_id"]


def product_by_sku(shop: Shop, sku: str) -> Any:
    with shop.engine.connect() as conn:
        return conn.execute(sa.select(products).where(products.c.sku == sku)).first()


def on_hand(shop: Shop, location_id: str, product_id: str) -> tuple[int, int] | None:
    with shop.engine.connect() as conn:
        row = conn.execute(
            sa.select(inventory.c.on_hand, inventory.c.reserved).where(
                inventory.c.location_id == location_id, inventory.c.product_id == product_id
            )
        ).first()
    return None if row is None else (int(row.on_hand), int(row.reserved))


def test_products_create_makes_one_product_per_variant_that_terminals_pull(
    shop: Shop, http: httpx.Client
) -> None:
    terminal = httpx.Client(base_url=shop.url, timeout=30)
    _, device = sign_in(terminal)
    cursor = _caught_up(terminal, device, CATALOG_SCOPE)

    payload = a_new_product()
    webhook_id = new_id()
    ok(send_shopify(http, "products/create", payload, webhook_id=webhook_id))
    ok(send_shopify(http, "products/create", payload, webhook_id=webhook_id), "duplicate")

    medium, large = (product_by_sku(shop, v["sku"]) for v in payload["variants"])
    assert medium.name == "Trench Iéna M / Beige"
    assert (medium.size, medium.colour) == ("M", "Beige")
    assert (large.size, large.colour) == ("L", "Beige")
    assert (medium.brand, medium.category) == ("Maison Lumière", "Jackets")
    assert medium.barcode == "3701234567893"
    assert (medium.price_minor, medium.currency) == (28900, "EUR")

    page = _pull(terminal, device, CATALOG_SCOPE, cursor)
    pulled = {c.id: c for c in page.changes if c.entity == "product"}
    assert set(pulled) == {medium.id, large.id}
    assert pulled[medium.id].data is not None
    assert pulled[medium.id].data["price_minor"] == 28900


def test_a_price_update_is_the_one_price_and_an_older_update_is_ignored(
    shop: Shop, http: httpx.Client
) -> None:
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    newer = copy.deepcopy(payload)
    newer["updated_at"] = "2025-06-03T08:00:00+02:00"
    newer["variants"][0]["price"] = "249.50"
    newer["variants"][0]["barcode"] = None
    ok(send_shopify(http, "products/update", newer))
    older = copy.deepcopy(payload)
    older["updated_at"] = "2025-06-02T12:00:00+02:00"  # after create, before `newer`
    older["variants"][0]["price"] = "199.00"
    body = ok(send_shopify(http, "products/update", older), "ignored")
    assert "newer" in body["detail"]

    medium = product_by_sku(shop, payload["variants"][0]["sku"])
    assert medium.price_minor == 24950
    assert medium.barcode == "3701234567893"  # the shop sent none: what we knew stays


def test_a_shopify_product_with_a_known_sku_updates_our_product(
    shop: Shop, http: httpx.Client
) -> None:
    """A catalog loaded before (the seed) keeps its product ids, stock and orders."""
    with shop.engine.connect() as conn:
        seeded = conn.execute(
            sa.select(products).where(products.c.size.is_not(None)).order_by(products.c.id)
        ).first()
        count = conn.execute(sa.select(sa.func.count()).select_from(products)).scalar_one()
    assert seeded is not None
    payload = a_new_product(skus=(seeded.sku, f"{seeded.sku}-XL"))
    payload["variants"][0]["price"] = "10.00"
    ok(send_shopify(http, "products/update", payload))
    row = product_by_sku(shop, seeded.sku)
    assert row.id == seeded.id
    assert row.price_minor == 1000
    with shop.engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(products)).scalar_one()
    assert after == count + 1  # only the new variant was created


def test_inventory_levels_update_sets_the_stock_of_the_mapped_location(
    shop: Shop, http: httpx.Client
) -> None:
    _, medium, item = created(shop, http)

    webhook_id = new_id()
    at = "2025-06-02T10:31:12+02:00"
    ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_STORE, 4, at), webhook_id=webhook_id
        )
    )
    ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_STORE, 9, at), webhook_id=webhook_id
        ),
        "duplicate",
    )
    ok(send_shopify(http, "inventory_levels/update", level(item, SHOP_WEB, 12, at)))
    assert on_hand(shop, shop.store_id, medium.id) == (4, 0)
    assert on_hand(shop, shop.web_id, medium.id) == (12, 0)

    # Out of order: the newer level arrives first; the older one must not overwrite it.
    ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_STORE, 2, "2025-06-02T11:00:00Z")
        )
    )
    late = level(item, SHOP_STORE, 6, "2025-06-02T10:45:00Z")
    body = ok(send_shopify(http, "inventory_levels/update", late), "ignored")
    assert "newer" in body["detail"]
    assert on_hand(shop, shop.store_id, medium.id) == (2, 0)

    # Oversold in Shopify (negative available): nothing on hand.
    ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_WEB, -3, "2025-06-02T11:00:00Z")
        )
    )
    assert on_hand(shop, shop.web_id, medium.id) == (0, 0)


def test_an_unknown_location_or_an_untracked_level_is_acknowledged_and_ignored(
    shop: Shop, http: httpx.Client
) -> None:
    _, _, item = created(shop, http)
    webhook_id = new_id()
    body = ok(
        send_shopify(
            http,
            "inventory_levels/update",
            level(item, SHOP_UNMAPPED, 5, "2025-06-02T10:00:00Z"),
            webhook_id=webhook_id,
        ),
        "ignored",
    )
    assert "shopify_locations" in body["detail"]
    with shop.engine.connect() as conn:
        recorded = conn.execute(
            sa.select(ingest_events.c.status).where(ingest_events.c.event_id == webhook_id)
        ).scalar_one()
    assert recorded == "ignored"
    untracked = level(item, SHOP_STORE, None, "2025-06-02T10:00:00Z")
    ok(send_shopify(http, "inventory_levels/update", untracked), "ignored")


def test_a_level_before_its_product_is_applied_when_the_product_arrives(
    shop: Shop, http: httpx.Client
) -> None:
    """Shopify does not promise the order of deliveries: inventory_levels/update of a new
    product may come before its products/create."""
    payload = a_new_product()
    item = payload["variants"][0]["inventory_item_id"]
    early = ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_STORE, 6, "2025-06-02T10:00:00Z")
        )
    )
    assert "kept" in early["detail"]
    older = level(item, SHOP_STORE, 1, "2025-06-02T09:00:00Z")
    ok(send_shopify(http, "inventory_levels/update", older))  # kept too, but older
    ok(send_shopify(http, "products/create", payload))
    medium = product_by_sku(shop, payload["variants"][0]["sku"])
    assert on_hand(shop, shop.store_id, medium.id) == (6, 0)
    ok(send_shopify(http, "products/update", payload))  # the same again: the level stays
    assert on_hand(shop, shop.store_id, medium.id) == (6, 0)


def test_a_shopify_level_brings_a_wished_item_back_in_stock(shop: Shop, http: httpx.Client) -> None:
    """The same path as `inventory.updated`: 0 at the home store, a view while sold out
    online makes a wish; Shopify's level of 3 opens the back-in-stock task at once."""
    customer_id, email = a_customer(shop)
    _, medium, item = created(shop, http)
    t0 = utc_now() - timedelta(minutes=10)
    ok(send_shopify(http, "inventory_levels/update", level(item, SHOP_STORE, 0, iso(t0))))
    stock(shop, shop.web_id, medium.id, 0)
    data = {"sku": medium.sku, "customer": {"email": email}}
    ok(send(http, event("product.viewed", iso(t0 + timedelta(minutes=1)), data)))
    assert wish_of(shop, customer_id, medium.id).watch == "empty"

    back = level(item, SHOP_STORE, 3, iso(t0 + timedelta(minutes=5)))
    ok(send_shopify(http, "inventory_levels/update", back))
    (task,) = tasks_of(shop, customer_id, "back_in_stock")
    assert task.status == "open"


def test_products_delete_retires_the_variants_and_keeps_what_names_them(
    shop: Shop, http: httpx.Client
) -> None:
    payload, medium, item = created(shop, http)
    ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_STORE, 5, "2025-06-02T10:00:00Z")
        )
    )
    order = fixture("shopify_orders_create.json")
    order["id"] = int(new_id().replace("-", "")[:12], 16)
    order["cart_token"] = order["checkout_token"] = None
    order["line_items"] = [
        order["line_items"][0] | {"sku": medium.sku, "variant_id": payload["variants"][0]["id"]}
    ]
    ok(send_shopify(http, "orders/create", order))

    ok(send_shopify(http, "products/delete", {"id": payload["id"]}))
    assert on_hand(shop, shop.store_id, medium.id) == (0, 0)
    assert product_by_sku(shop, medium.sku) is not None  # the row stays
    with shop.engine.connect() as conn:
        lines = [
            line
            for row in conn.execute(sa.select(orders.c.lines))
            for line in row.lines
            if line["sku"] == medium.sku
        ]
    assert lines and lines[0]["product_id"] == medium.id
    # A level or an update of the deleted product, late, changes nothing.
    late = level(item, SHOP_STORE, 8, "2025-06-02T10:05:00Z")
    ok(send_shopify(http, "inventory_levels/update", late), "ignored")
    ok(send_shopify(http, "products/update", payload), "ignored")
    assert on_hand(shop, shop.store_id, medium.id) == (0, 0)


def test_a_variant_gone_from_the_product_is_retired(shop: Shop, http: httpx.Client) -> None:
    payload, large, item = created(shop, http, 1)
    ok(
        send_shopify(
            http, "inventory_levels/update", level(item, SHOP_WEB, 3, "2025-06-02T10:00:00Z")
        )
    )
    fewer = copy.deepcopy(payload)
    fewer["variants"] = fewer["variants"][:1]
    fewer["updated_at"] = "2025-06-02T12:00:00Z"
    ok(send_shopify(http, "products/update", fewer))
    assert on_hand(shop, shop.web_id, large.id) == (0, 0)
    later = level(item, SHOP_WEB, 3, "2025-06-02T13:00:00Z")
    ok(send_shopify(http, "inventory_levels/update", later), "ignored")


def test_replay_takes_recorded_product_and_stock_webhooks(shop: Shop) -> None:
    """`clienteling hub replay`: the same topics, with the settings' location mapping."""
    payload = a_new_product()
    item = payload["variants"][1]["inventory_item_id"]

    def webhook(topic: str, body: dict[str, Any]) -> str:
        return json.dumps(
            {"source": "shopify", "topic": topic, "webhook_id": new_id(), "payload": body}
        )

    at = "2025-06-02T10:00:00Z"
    lines = [
        webhook("products/create", payload),
        webhook("inventory_levels/update", level(item, SHOP_STORE, 5, at)),
        webhook("inventory_levels/update", level(item, SHOP_UNMAPPED, 5, at)),
    ]
    settings = HubSettings(
        db=shop.engine.url.render_as_string(hide_password=False),
        shopify_locations={SHOP_STORE: shop.store_id},
    )
    assert replay_lines(lines, settings=settings) == {"applied": 2, "ignored": 1}
    assert replay_lines(lines, settings=settings) == {"duplicate": 3}
    large = product_by_sku(shop, payload["variants"][1]["sku"])
    assert on_hand(shop, shop.store_id, large.id) == (5, 0)
