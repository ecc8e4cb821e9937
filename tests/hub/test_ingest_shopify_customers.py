"""Shopify's customers/create, customers/update and orders/fulfilled webhooks, from
recorded payloads (API 2025-01 customer shape; an order's whole payload once fulfilled),
through `POST /api/v1/ingest/shopify` with a correct HMAC: the customer is created and
updated (newest `updated_at` wins), and a fulfilled order is created even when its
orders/create was lost, or moves the existing order on. Both backends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers, ingest_links, orders

from .conftest import SEED_NOW, NewDb
from .test_ingest import SHOPIFY_SECRET, IngestHub, fixture, new_id, ok, send_shopify


@pytest.fixture(scope="module")
def shop(new_db: NewDb) -> Iterator[IngestHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=20, seed=41, now=SEED_NOW)
    settings = HubSettings(
        db=url,
        port=0,
        shopify_webhook_secret=SHOPIFY_SECRET,
        ingest_default_store_id=summary["store_ids"][0],
    )
    with HubServer(settings=settings) as server:
        yield IngestHub(url=server.url, engine=engine, summary=summary)
    engine.dispose()


@pytest.fixture
def http(shop: IngestHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shop.url, timeout=30) as client:
        yield client


def fresh_id() -> int:
    return int(new_id().replace("-", "")[:12], 16)


def linked(shop: IngestHub, kind: str, shop_id: object) -> Any:
    """Our row linked to the shop's id (customer or order)."""
    table = customers if kind == "customer" else orders
    with shop.engine.connect() as conn:
        internal = conn.execute(
            sa.select(ingest_links.c.internal_id).where(
                ingest_links.c.source == "shopify",
                ingest_links.c.kind == kind,
                ingest_links.c.external_id == str(shop_id),
            )
        ).scalar_one()
        return conn.execute(sa.select(table).where(table.c.id == internal)).one()


def test_customers_create_then_update_newest_wins(shop: IngestHub, http: httpx.Client) -> None:
    payload = fixture("shopify_customers_create.json")
    payload["id"] = fresh_id()
    payload["email"] = f"Hoa.Tran.{payload['id']}@Example.vn"
    webhook_id = new_id()
    ok(send_shopify(http, "customers/create", payload, webhook_id=webhook_id))
    ok(send_shopify(http, "customers/create", payload, webhook_id=webhook_id), "duplicate")

    row = linked(shop, "customer", payload["id"])
    assert (row.given_name, row.family_name) == ("Hoa", "Trần")
    assert row.emails == [payload["email"].lower()]
    assert row.phones == ["+33698765432"]
    assert row.home_store_id == shop.default_store

    newer = payload | {"updated_at": "2025-06-05T18:00:00+02:00", "last_name": "Trần Thị"}
    ok(send_shopify(http, "customers/update", newer))
    older = payload | {"updated_at": "2025-06-05T09:00:00+02:00", "last_name": "Tran"}
    assert "newer" in ok(send_shopify(http, "customers/update", older), "ignored")["detail"]
    row = linked(shop, "customer", payload["id"])
    assert (row.family_name, row.display_name) == ("Trần Thị", "Hoa Trần Thị")


def an_order() -> dict[str, Any]:
    payload = fixture("shopify_orders_fulfilled.json")
    payload["id"] = fresh_id()
    payload["cart_token"] = payload["checkout_token"] = None
    payload["customer"]["id"] = fresh_id()
    payload["customer"]["email"] = payload["email"] = f"camille.{payload['id']}@example.fr"
    return payload


def test_orders_fulfilled_creates_an_order_whose_create_was_lost(
    shop: IngestHub, http: httpx.Client
) -> None:
    fulfilled = an_order()
    ok(send_shopify(http, "orders/fulfilled", fulfilled))
    order = linked(shop, "order", fulfilled["id"])
    assert (order.status, order.channel, order.total_minor) == ("fulfilled", "web", 164800)
    assert [line["qty"] for line in order.lines] == [
        item["quantity"] for item in fulfilled["line_items"]
    ]
    assert order.customer_id == linked(shop, "customer", fulfilled["customer"]["id"]).id
    # The orders/create, delivered late: the order does not go back to placed.
    placed = fulfilled | {"fulfillment_status": None, "updated_at": fulfilled["created_at"]}
    ok(send_shopify(http, "orders/create", placed), "ignored")
    assert linked(shop, "order", fulfilled["id"]).status == "fulfilled"


def test_orders_fulfilled_moves_a_placed_order_on(shop: IngestHub, http: httpx.Client) -> None:
    fulfilled = an_order()
    placed = fixture("shopify_orders_create.json") | {
        key: fulfilled[key] for key in ("id", "cart_token", "checkout_token", "email", "customer")
    }
    ok(send_shopify(http, "orders/create", placed))
    assert linked(shop, "order", placed["id"]).status == "placed"
    ok(send_shopify(http, "orders/fulfilled", fulfilled))
    order = linked(shop, "order", placed["id"])
    assert order.status == "fulfilled"
