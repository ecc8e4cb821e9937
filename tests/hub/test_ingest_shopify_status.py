"""A Shopify product's `status` (active, draft, archived) through products/update, as
Shopify sends it (the recorded archived payload): a product no longer offered leaves the
terminals' catalog (tombstones; not in a new snapshot), the API lists, the follow-up
message, landing, storefront cart and reserve page, the terminal's holds and the
"available here" / back-in-stock tasks, while its rows and the history naming it stay;
back to active restores it. Out of order: an older update never undoes a newer status.
Both backends."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import SmtpSink
from clienteling.hub.ingest import shopify
from clienteling.hub.listing import UNLISTED_SCOPE
from clienteling.hub.tables import carts, followup_links, orders, products, reservations
from clienteling.hub.task_generation import generate_tasks
from clienteling.protocol.entities import CATALOG_SCOPE

from .conftest import NewDb, sign_in
from .followup_kit import NOON, Device, delivery_settings, queue_args, set_consent, status_of
from .test_holds import hold_args
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
from .test_ingest_shopify_catalog import SHOP_STORE, a_new_product, level, product_by_sku
from .test_wish_birthday_tasks import Shop, a_customer, open_shop, stock, tasks_of, wish_of

ARCHIVED = "shopify_products_update_archived.json"


@pytest.fixture(scope="module")
def shop(new_db: NewDb) -> Iterator[Shop]:
    def mapped(store: str, _web: str) -> dict[str, str]:
        return {SHOP_STORE: store}

    with open_shop(new_db, customers=60, seed=37, shopify_locations=mapped) as opened:
        yield opened


@pytest.fixture
def http(shop: Shop) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=shop.url, timeout=30) as client:
        yield client


def with_status(payload: dict[str, Any], status: str, at: str) -> dict[str, Any]:
    """The recorded archived products/update of `payload`'s product, as `status` at `at`."""
    update = fixture(ARCHIVED)
    update["id"] = payload["id"]
    update["status"] = status
    update["updated_at"] = at
    for mine, theirs in zip(update["variants"], payload["variants"], strict=True):
        mine.update(
            id=theirs["id"],
            product_id=payload["id"],
            sku=theirs["sku"],
            inventory_item_id=theirs["inventory_item_id"],
        )
    return update


def scope_of(shop: Shop, product_id: str) -> str:
    with shop.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(products.c.scope).where(products.c.id == product_id)
            ).scalar_one()
        )


def snapshot_ids(http: httpx.Client, device: str) -> set[str]:
    """The product ids a terminal starting from nothing pulls."""
    ids: set[str] = set()
    cursor = None
    while True:
        page = _pull(http, device, CATALOG_SCOPE, cursor)
        ids |= {c.id for c in page.changes if c.entity == "product" and c.op == "upsert"}
        cursor = page.cursor
        if not page.snapshot or not page.has_more:
            return ids


def test_the_recorded_payload_status_is_read_as_shopify_sends_it() -> None:
    body = fixture(ARCHIVED)
    assert body["status"] == "archived"  # the fixture is what this file claims
    for status, offered in (
        ("archived", False),
        ("draft", False),
        ("active", True),
        ("unlisted", True),  # 2025-10 and later: active, reached by a direct link
        ("ARCHIVED", False),
        ("paused", None),  # not one of Shopify's: left as it was
        (None, None),  # before 2020-10 there was no status
    ):
        body["status"] = status
        parsed = shopify.parse("products/update", body)
        assert isinstance(parsed, shopify.CatalogEvent)
        assert parsed.offered is offered, status


def test_an_archived_product_leaves_the_terminals_and_comes_back_when_active(
    shop: Shop, http: httpx.Client
) -> None:
    terminal = httpx.Client(base_url=shop.url, timeout=30)
    _, device = sign_in(terminal)
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    medium, large = (product_by_sku(shop, v["sku"]) for v in payload["variants"])
    order = fixture("shopify_orders_create.json")
    order["id"] = int(new_id().replace("-", "")[:12], 16)
    order["cart_token"] = order["checkout_token"] = None
    order["line_items"] = [
        order["line_items"][0] | {"sku": medium.sku, "variant_id": payload["variants"][0]["id"]}
    ]
    ok(send_shopify(http, "orders/create", order))
    cursor = _caught_up(terminal, device, CATALOG_SCOPE)

    ok(send_shopify(http, "products/update", with_status(payload, "archived", "2025-09-15T16:02Z")))

    page = _pull(terminal, device, CATALOG_SCOPE, cursor)
    gone = {c.id for c in page.changes if c.entity == "product" and c.op == "delete"}
    assert gone == {medium.id, large.id}
    assert {medium.id, large.id}.isdisjoint(snapshot_ids(terminal, device))
    assert scope_of(shop, medium.id) == UNLISTED_SCOPE  # the row stays, out of the feed
    listed = terminal.get("/api/v1/products", params={"sku": medium.sku})
    assert listed.status_code == 200 and listed.json()["items"] == []
    one = terminal.get(f"/api/v1/products/{medium.id}")
    assert one.status_code == 200 and one.json()["offered"] is False
    assert one.json()["name"] == "Trench Iéna M / Beige"
    with shop.engine.connect() as conn:
        lines = [
            line
            for row in conn.execute(sa.select(orders.c.lines))
            for line in row.lines
            if line["sku"] == medium.sku
        ]
    assert lines and lines[0]["product_id"] == medium.id  # history untouched

    cursor = page.cursor
    ok(send_shopify(http, "products/update", with_status(payload, "active", "2025-09-20T09:00Z")))
    page = _pull(terminal, device, CATALOG_SCOPE, cursor)
    back = {c.id for c in page.changes if c.entity == "product" and c.op == "upsert"}
    assert back == {medium.id, large.id}
    assert not [c for c in page.changes if c.op == "delete"]
    assert {medium.id, large.id} <= snapshot_ids(terminal, device)
    assert terminal.get(f"/api/v1/products/{medium.id}").json()["offered"] is True
    assert terminal.get("/api/v1/products", params={"sku": medium.sku}).json()["items"]
    assert (product_by_sku(shop, medium.sku).id, scope_of(shop, medium.id)) == (
        medium.id,
        CATALOG_SCOPE,
    )
    terminal.close()


def test_an_older_update_never_undoes_a_newer_status(shop: Shop, http: httpx.Client) -> None:
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))  # active, 2025-06-02T07:14:05Z
    medium = product_by_sku(shop, payload["variants"][0]["sku"])

    # Shopify does not promise the order of deliveries: the draft (newer) comes first.
    ok(send_shopify(http, "products/update", with_status(payload, "draft", "2025-06-05T10:00Z")))
    late = with_status(payload, "active", "2025-06-04T10:00Z")
    assert "newer" in ok(send_shopify(http, "products/update", late), "ignored")["detail"]
    assert scope_of(shop, medium.id) == UNLISTED_SCOPE
    ok(send_shopify(http, "products/create", payload), "ignored")  # the create, very late
    assert scope_of(shop, medium.id) == UNLISTED_SCOPE

    ok(send_shopify(http, "products/update", with_status(payload, "active", "2025-06-07T10:00Z")))
    late = with_status(payload, "archived", "2025-06-06T10:00Z")
    ok(send_shopify(http, "products/update", late), "ignored")
    assert scope_of(shop, medium.id) == CATALOG_SCOPE

    # No status (an API version before 2020-10): the product stays as it is.
    silent = copy.deepcopy(payload)
    silent.pop("status")
    silent["updated_at"] = "2025-06-08T10:00:00Z"
    silent["variants"][0]["price"] = "199.00"
    ok(send_shopify(http, "products/update", silent))
    assert scope_of(shop, medium.id) == CATALOG_SCOPE
    assert product_by_sku(shop, medium.sku).price_minor == 19900


def test_products_delete_also_takes_the_product_off_the_terminals(
    shop: Shop, http: httpx.Client
) -> None:
    terminal = httpx.Client(base_url=shop.url, timeout=30)
    _, device = sign_in(terminal)
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    medium = product_by_sku(shop, payload["variants"][0]["sku"])
    cursor = _caught_up(terminal, device, CATALOG_SCOPE)
    ok(send_shopify(http, "products/delete", {"id": payload["id"]}))
    page = _pull(terminal, device, CATALOG_SCOPE, cursor)
    assert medium.id in {c.id for c in page.changes if c.op == "delete"}
    assert product_by_sku(shop, medium.sku) is not None
    terminal.close()


def tokens(shop: Shop, followup_id: str) -> dict[str, str]:
    with shop.engine.connect() as conn:
        return {
            str(row.kind): str(row.token)
            for row in conn.execute(
                sa.select(followup_links.c.kind, followup_links.c.token).where(
                    followup_links.c.followup_id == followup_id
                )
            )
        }


def test_a_draft_pick_is_not_offered_by_the_message_pages_or_holds(
    shop: Shop, http: httpx.Client
) -> None:
    """Picked in store, set to draft in Shopify before the message goes: the message,
    landing, cart and reserve page offer only the other pick; a terminal's hold of it is
    refused with a sentence. Active again: offered again."""
    terminal = httpx.Client(base_url=shop.url, timeout=30)
    body, device_id = sign_in(terminal)
    device = Device(http=terminal, device_id=device_id, store_id=body["associate"]["store_id"])
    trench = a_new_product()
    parka = a_new_product() | {"title": "Parka Brest"}
    for payload in (trench, parka):
        ok(send_shopify(http, "products/create", payload))
    drafted = product_by_sku(shop, trench["variants"][0]["sku"])
    kept = product_by_sku(shop, parka["variants"][0]["sku"])
    for product in (drafted, kept):
        stock(shop, device.store_id, product.id, 4)
    customer, _ = a_customer(shop)
    set_consent(shop.engine, customer, "email", True)
    args = queue_args(customer, [drafted.id, kept.id], reserve=True)
    assert device.push(("followup.queue", args))[0]["status"] == "applied"

    ok(send_shopify(http, "products/update", with_status(trench, "draft", "2025-06-03T08:00Z")))
    with SmtpSink() as sink:
        run_pass(
            shop.engine,
            delivery_settings(shop.url, smtp_url=sink.url),
            public_url=shop.url,
            now=NOON,
        )
        assert status_of(shop.engine, args["id"])[0] == "sent"
        mail = sink.snapshot()[-1].body("plain")
    assert "Parka Brest" in mail and "Trench" not in mail

    token = tokens(shop, args["id"])
    shopper = httpx.Client(base_url=shop.url, timeout=30, follow_redirects=True)
    landing = shopper.get(f"/f/{token['landing']}")
    assert landing.status_code == 200
    assert f'data-sku="{kept.sku}"' in landing.text and drafted.sku not in landing.text
    shopper.post(f"/f/{token['landing']}/cart", data={"product_id": drafted.id})
    shopper.post(f"/f/{token['landing']}/cart/all")
    with shop.engine.connect() as conn:
        (cart,) = conn.execute(
            sa.select(carts.c.lines).where(
                carts.c.customer_id == customer, carts.c.status == "open"
            )
        ).all()
    assert [(line["sku"], line["qty"]) for line in cart.lines] == [(kept.sku, 1)]

    reserve = shopper.get(f"/r/{token['reserve']}")
    assert kept.sku in reserve.text or kept.name in reserve.text
    assert drafted.name not in reserve.text
    refused = shopper.post(f"/r/{token['reserve']}", data={"product_id": drafted.id})
    assert refused.status_code == 200
    hold = hold_args(customer, drafted.id)
    (result,) = device.push(("reservation.request", hold))
    assert result["status"] == "rejected"
    assert result["reason"] == "This product is no longer sold: it cannot be held"
    with shop.engine.connect() as conn:
        holds = conn.execute(
            sa.select(sa.func.count()).where(reservations.c.product_id == drafted.id)
        ).scalar_one()
    assert holds == 0

    ok(send_shopify(http, "products/update", with_status(trench, "active", "2025-06-04T08:00Z")))
    assert f'data-sku="{drafted.sku}"' in shopper.get(f"/f/{token['landing']}").text
    (result,) = device.push(("reservation.request", hold_args(customer, drafted.id)))
    assert result["status"] == "applied"
    shopper.close()
    terminal.close()


def test_a_product_no_longer_offered_makes_no_back_in_stock_task(
    shop: Shop, http: httpx.Client
) -> None:
    customer_id, email = a_customer(shop)
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    medium = product_by_sku(shop, payload["variants"][0]["sku"])
    item = payload["variants"][0]["inventory_item_id"]
    t0 = utc_now() - timedelta(minutes=10)
    ok(send_shopify(http, "inventory_levels/update", level(item, SHOP_STORE, 0, iso(t0))))
    stock(shop, shop.web_id, medium.id, 0)
    data = {"sku": medium.sku, "customer": {"email": email}}
    ok(send(http, event("product.viewed", iso(t0 + timedelta(minutes=1)), data)))
    assert wish_of(shop, customer_id, medium.id).watch == "empty"

    ok(send_shopify(http, "products/update", with_status(payload, "archived", iso(t0))))
    back = level(item, SHOP_STORE, 3, iso(t0 + timedelta(minutes=5)))
    ok(send_shopify(http, "inventory_levels/update", back))
    assert tasks_of(shop, customer_id, "back_in_stock") == []

    ok(send_shopify(http, "products/update", with_status(payload, "active", iso(utc_now()))))
    generate_tasks(shop.engine, now=utc_now(), store_ids=[shop.store_id])
    (task,) = tasks_of(shop, customer_id, "back_in_stock")
    assert task.status == "open"


def test_a_carted_product_archived_before_checkout_is_not_ordered(
    shop: Shop, http: httpx.Client
) -> None:
    """In the storefront cart from a follow-up link, then archived in Shopify: the cart
    page no longer shows it and the checkout orders only what is still sold."""
    terminal = httpx.Client(base_url=shop.url, timeout=30)
    body, device_id = sign_in(terminal)
    device = Device(http=terminal, device_id=device_id, store_id=body["associate"]["store_id"])
    trench = a_new_product()
    parka = a_new_product() | {"title": "Parka Brest"}
    for payload in (trench, parka):
        ok(send_shopify(http, "products/create", payload))
    archived = product_by_sku(shop, trench["variants"][0]["sku"])
    kept = product_by_sku(shop, parka["variants"][0]["sku"])
    customer, _ = a_customer(shop)
    set_consent(shop.engine, customer, "email", True)
    args = queue_args(customer, [archived.id, kept.id])
    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    with SmtpSink() as sink:
        run_pass(
            shop.engine,
            delivery_settings(shop.url, smtp_url=sink.url),
            public_url=shop.url,
            now=NOON,
        )
    landing = tokens(shop, args["id"])["landing"]
    shopper = httpx.Client(base_url=shop.url, timeout=30, follow_redirects=True)
    carted = shopper.post(f"/f/{landing}/cart/all")
    assert archived.name in carted.text and kept.name in carted.text

    ok(send_shopify(http, "products/update", with_status(trench, "archived", "2025-06-03T08:00Z")))
    page = shopper.get(f"/f/{landing}/cart")
    assert archived.name not in page.text and kept.name in page.text
    done = shopper.post(f"/f/{landing}/checkout")
    assert done.status_code == 200 and 'id="ordered"' in done.text
    with shop.engine.connect() as conn:
        bought = [
            [line["sku"] for line in row.lines]
            for row in conn.execute(
                sa.select(orders.c.lines).where(orders.c.customer_id == customer)
            )
            if any(line["sku"] in (kept.sku, archived.sku) for line in row.lines)
        ]
    assert bought == [[kept.sku]]
    shopper.close()
    terminal.close()


def test_a_follow_up_whose_every_pick_is_no_longer_sold_fails_with_the_reason(
    shop: Shop, http: httpx.Client
) -> None:
    terminal = httpx.Client(base_url=shop.url, timeout=30)
    body, device_id = sign_in(terminal)
    device = Device(http=terminal, device_id=device_id, store_id=body["associate"]["store_id"])
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    picks = [product_by_sku(shop, v["sku"]).id for v in payload["variants"]]
    customer, _ = a_customer(shop)
    set_consent(shop.engine, customer, "email", True)
    args = queue_args(customer, picks)
    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    ok(send_shopify(http, "products/update", with_status(payload, "archived", "2025-06-03T08:00Z")))
    with SmtpSink() as sink:
        report = run_pass(
            shop.engine,
            delivery_settings(shop.url, smtp_url=sink.url),
            public_url=shop.url,
            now=NOON,
        )
        assert sink.snapshot() == []
    assert args["id"] in report.failed
    assert status_of(shop.engine, args["id"]) == (
        "failed",
        "every product picked is no longer sold: nothing to send",
    )
    terminal.close()


def test_a_view_of_a_product_no_longer_offered_is_logged_not_suggested(
    shop: Shop, http: httpx.Client
) -> None:
    """Viewing a draft product (a stale page) neither lists it among the customer's
    recently viewed products nor makes a wish; the view itself is logged."""
    from clienteling.hub.tables import product_views, recent_views, wishes

    customer_id, email = a_customer(shop)
    payload = a_new_product()
    ok(send_shopify(http, "products/create", payload))
    medium = product_by_sku(shop, payload["variants"][0]["sku"])
    t0 = utc_now() - timedelta(minutes=10)
    stock(shop, shop.web_id, medium.id, 0)  # sold out online: a view would make a wish
    ok(send_shopify(http, "products/update", with_status(payload, "draft", iso(t0))))
    data = {"sku": medium.sku, "customer": {"email": email}}
    ok(send(http, event("product.viewed", iso(t0 + timedelta(minutes=1)), data)))
    with shop.engine.connect() as conn:
        logged = conn.execute(
            sa.select(product_views.c.customer_id).where(product_views.c.product_id == medium.id)
        ).all()
        viewed = conn.execute(
            sa.select(recent_views.c.id).where(recent_views.c.product_id == medium.id)
        ).all()
        wished = conn.execute(
            sa.select(wishes.c.product_id).where(wishes.c.customer_id == customer_id)
        ).all()
    assert logged == [(customer_id,)]
    assert viewed == [] and (medium.id,) not in wished
