"""Birthday and back-in-stock tasks on the hub, from what the terminal and the web shop
send (a customer.patch with a birthday, a visit "size/colour missing", a product viewed
while sold out online), deduplicated, and closed when the reason goes away (the customer
bought the product, the birthday was removed). Both backends."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import uuid7
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.holds import HoldRequest, end_hold, place_hold
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers, inventory, locations, products, tasks, wishes
from clienteling.hub.task_generation import generate_tasks
from clienteling.protocol.entities import store_scope

from .conftest import SEED_NOW, NewDb, sign_in
from .test_ingest import SECRET, SHOPIFY_SECRET, event, ok, send
from .test_sync_push import push


@dataclass
class Shop:
    url: str
    engine: Engine
    store_id: str
    web_id: str


@contextmanager
def open_shop(
    new_db: NewDb,
    *,
    customers: int,
    seed: int,
    shopify_locations: Callable[[str, str], dict[str, str]] | None = None,
) -> Iterator[Shop]:
    """A seeded hub taking the web shop's events (and Shopify's, with its location ids
    mapped by `shopify_locations(store id, web id)`), ingest defaulting to store 1."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=customers, seed=seed, now=SEED_NOW)
    store = str(summary["store_ids"][0])
    with engine.connect() as conn:
        web = str(conn.execute(sa.select(locations.c.id).where(locations.c.kind == "web")).scalar())
    settings = HubSettings(
        db=url,
        port=0,
        webhook_secret=SECRET,
        shopify_webhook_secret=SHOPIFY_SECRET,
        ingest_default_store_id=store,
        shopify_locations=shopify_locations(store, web) if shopify_locations else {},
    )
    try:
        with HubServer(settings=settings) as server:
            yield Shop(url=server.url, engine=engine, store_id=store, web_id=web)
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def shop(new_db: NewDb) -> Iterator[Shop]:
    with open_shop(new_db, customers=90, seed=23) as opened:
        yield opened


@pytest.fixture
def terminal(shop: Shop) -> Iterator[tuple[httpx.Client, str]]:
    with httpx.Client(base_url=shop.url, timeout=30) as http:
        body, device = sign_in(http)
        assert body["associate"]["store_id"] == shop.store_id
        yield http, device


_used: set[tuple[str, str]] = set()  # (hub, customer id): one customer per test


def a_customer(shop: Shop) -> tuple[str, str]:
    """(id, email) of a store customer no other test here used."""
    with shop.engine.connect() as conn:
        rows = conn.execute(
            sa.select(customers.c.id, customers.c.emails)
            .where(customers.c.home_store_id == shop.store_id)
            .order_by(customers.c.id)
        ).all()
    for row in rows:
        if row.id not in _used and row.emails:
            _used.add(row.id)
            return str(row.id), str(row.emails[0])
    raise AssertionError("no customer left")


def a_product(shop: Shop, offset: int) -> tuple[str, str]:
    with shop.engine.connect() as conn:
        row = conn.execute(
            sa.select(products.c.id, products.c.sku)
            .join(inventory, inventory.c.product_id == products.c.id)
            .where(inventory.c.location_id == shop.store_id)
            .order_by(products.c.id)
            .offset(offset)
            .limit(1)
        ).one()
    return str(row.id), str(row.sku)


def stock(shop: Shop, location_id: str, product_id: str, on_hand: int) -> None:
    """The product's stock at a location as the stock feed writes it (no reservations)."""
    with shop.engine.begin() as conn:
        changed = conn.execute(
            sa.update(inventory)
            .where(inventory.c.location_id == location_id, inventory.c.product_id == product_id)
            .values(on_hand=on_hand, reserved=0)
        ).rowcount
        if not changed:
            conn.execute(
                sa.insert(inventory).values(
                    id=f"{location_id}:{product_id}",
                    location_id=location_id,
                    product_id=product_id,
                    on_hand=on_hand,
                    reserved=0,
                    scope="catalog",
                    version=0,
                )
            )


def tasks_of(shop: Shop, customer_id: str, kind: str) -> list[Any]:
    with shop.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(tasks)
                .where(tasks.c.customer_id == customer_id, tasks.c.kind == kind)
                .order_by(tasks.c.id)
            ).all()
        )


def wish_of(shop: Shop, customer_id: str, product_id: str) -> Any:
    with shop.engine.connect() as conn:
        return conn.execute(
            sa.select(wishes).where(
                wishes.c.customer_id == customer_id, wishes.c.product_id == product_id
            )
        ).first()


def generate(shop: Shop, now: datetime) -> None:
    generate_tasks(shop.engine, now=now, store_ids=[shop.store_id])


def log_visit(
    http: httpx.Client, device: str, mutation_id: int, customer_id: str, product_id: str
) -> None:
    args = {
        "id": uuid7(),
        "customer_id": customer_id,
        "at": iso(utc_now() - timedelta(hours=2)),
        "outcome": "left_without_buying",
        "reason": "size_colour_missing",
        "reason_text": "",
        "products": [{"product_id": product_id, "sku": "", "name": ""}],
        "survey_token": secrets.token_urlsafe(16),
    }
    mutation = {"id": mutation_id, "name": "visit.log", "args": args, "created_at": args["at"]}
    response = push(http, device, [mutation])
    assert response.json()["results"][0]["status"] == "applied", response.text


def test_a_missing_size_comes_back_in_stock_and_the_purchase_closes_the_task(
    shop: Shop, terminal: tuple[httpx.Client, str]
) -> None:
    http, device = terminal
    customer_id, email = a_customer(shop)
    product_id, sku = a_product(shop, 0)
    stock(shop, shop.store_id, product_id, 0)  # the size is missing here
    log_visit(http, device, 1, customer_id, product_id)
    wish = wish_of(shop, customer_id, product_id)
    assert (wish.source, wish.watch) == ("visit", "empty")

    now = utc_now()
    generate(shop, now)
    assert tasks_of(shop, customer_id, "back_in_stock") == []

    stock(shop, shop.store_id, product_id, 3)  # the delivery arrived
    later = now + timedelta(hours=1)
    workers = [threading.Thread(target=generate, args=(shop, later)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    (task,) = tasks_of(shop, customer_id, "back_in_stock")
    assert (task.status, task.template, task.store_id) == ("open", "back_in_stock", shop.store_id)
    assert task.product_ids == [product_id]
    assert task.starts_at == iso(later)
    generate(shop, later + timedelta(hours=1))
    assert len(tasks_of(shop, customer_id, "back_in_stock")) == 1

    # The customer buys it online: the reason went away.
    with httpx.Client(base_url=shop.url, timeout=30) as web:
        line = {"sku": sku, "name": "Article", "qty": 1, "unit_price_minor": 4900}
        order = {
            "order_id": str(uuid7()),
            "customer": {"email": email},
            "currency": "EUR",
            "lines": [line],
        }
        ok(send(web, event("order.placed", iso(utc_now()), order)))
    assert tasks_of(shop, customer_id, "back_in_stock")[0].status == "closed"


def test_a_product_viewed_while_sold_out_online_is_a_wish(shop: Shop) -> None:
    customer_id, email = a_customer(shop)
    sold_out, sold_out_sku = a_product(shop, 1)
    on_sale, on_sale_sku = a_product(shop, 2)
    stock(shop, shop.web_id, sold_out, 0)
    stock(shop, shop.store_id, sold_out, 0)
    stock(shop, shop.web_id, on_sale, 5)
    with httpx.Client(base_url=shop.url, timeout=30) as web:
        for sku in (sold_out_sku, on_sale_sku):
            data = {"sku": sku, "customer": {"email": email}}
            ok(send(web, event("product.viewed", iso(utc_now()), data)))
    assert wish_of(shop, customer_id, on_sale) is None  # it could be bought online
    wish = wish_of(shop, customer_id, sold_out)
    assert (wish.source, wish.watch) == ("view", "empty")

    stock(shop, shop.store_id, sold_out, 1)
    generate(shop, utc_now())
    (task,) = tasks_of(shop, customer_id, "back_in_stock")
    assert task.product_ids == [sold_out]

    # Sold out here again before anyone called: the task closes (it would be untrue).
    stock(shop, shop.store_id, sold_out, 0)
    generate(shop, utc_now() + timedelta(minutes=1))
    assert tasks_of(shop, customer_id, "back_in_stock")[0].status == "closed"
    assert wish_of(shop, customer_id, sold_out).watch == "empty"


def test_stock_that_was_there_all_along_is_not_back_in_stock(
    shop: Shop, terminal: tuple[httpx.Client, str]
) -> None:
    http, device = terminal
    customer_id, _email = a_customer(shop)
    product_id, _sku = a_product(shop, 3)
    stock(shop, shop.store_id, product_id, 4)
    log_visit(http, device, 1, customer_id, product_id)
    assert wish_of(shop, customer_id, product_id).watch == "in_stock"
    generate(shop, utc_now())
    assert tasks_of(shop, customer_id, "back_in_stock") == []


def _store_today(shop: Shop) -> datetime:
    with shop.engine.connect() as conn:
        zone = conn.execute(
            sa.select(locations.c.timezone).where(locations.c.id == shop.store_id)
        ).scalar_one()
    return utc_now().astimezone(ZoneInfo(zone))


def test_a_birthday_in_three_days_is_a_task_once_and_closes_when_removed(
    shop: Shop, terminal: tuple[httpx.Client, str]
) -> None:
    http, device = terminal
    customer_id, _email = a_customer(shop)
    day = (_store_today(shop) + timedelta(days=3)).date()

    def patch(mutation_id: int, dates: dict[str, str] | None) -> None:
        args = {"customer_id": customer_id, "preferences": {"dates": dates}}
        mutation = {
            "id": mutation_id,
            "name": "customer.patch",
            "args": args,
            "created_at": iso(utc_now()),
        }
        response = push(http, device, [mutation])
        assert response.json()["results"][0]["status"] == "applied", response.text

    patch(1, {"birthday": f"{day.day:02d}/{day.month:02d}"})
    now = utc_now()
    generate(shop, now)
    generate(shop, now + timedelta(minutes=5))
    (task,) = tasks_of(shop, customer_id, "birthday")
    assert (task.status, task.template) == ("open", "birthday")
    assert task.dedupe_key == f"birthday:{customer_id}:{day.year}"
    assert task.starts_at <= iso(now) < task.due_at < task.expires_at

    patch(2, None)  # the date was wrong: removed
    generate(shop, now + timedelta(minutes=10))
    assert tasks_of(shop, customer_id, "birthday")[0].status == "closed"


def test_a_released_hold_puts_the_wished_item_back_at_once(shop: Shop) -> None:
    """The last unit was held for someone else; their hold ends: the wisher's store gets
    the task in that transaction, not at the next generation run."""
    customer_id, email = a_customer(shop)
    other_id, _other_email = a_customer(shop)
    product_id, sku = a_product(shop, 4)
    stock(shop, shop.store_id, product_id, 1)
    hold_id = str(uuid7())
    with shop.engine.begin() as conn:
        place_hold(
            conn,
            HoldRequest(
                id=hold_id,
                customer_id=other_id,
                product_id=product_id,
                store_id=shop.store_id,
                quantity=1,
                source="terminal",
                scope=store_scope(shop.store_id),
            ),
        )
    stock(shop, shop.web_id, product_id, 0)
    with httpx.Client(base_url=shop.url, timeout=30) as web:
        data = {"sku": sku, "customer": {"email": email}}
        ok(send(web, event("product.viewed", iso(utc_now()), data)))
    assert wish_of(shop, customer_id, product_id).watch == "empty"  # the unit is held
    with shop.engine.begin() as conn:
        assert end_hold(conn, hold_id, "released")
    (task,) = tasks_of(shop, customer_id, "back_in_stock")
    assert task.status == "open" and task.product_ids == [product_id]


def test_the_stock_feed_brings_a_wished_item_back(shop: Shop) -> None:
    """`inventory.updated` from the shop's stock feed: 0 at the home store, then 2; the
    wisher's store gets the task with that event. An older level arriving late is ignored."""
    customer_id, email = a_customer(shop)
    product_id, sku = a_product(shop, 5)
    stock(shop, shop.web_id, product_id, 0)
    t0 = utc_now() - timedelta(minutes=10)

    def level(on_hand: int, at: datetime, status: str = "applied") -> None:
        data = {"sku": sku, "location_id": shop.store_id, "on_hand": on_hand}
        with httpx.Client(base_url=shop.url, timeout=30) as web:
            ok(send(web, event("inventory.updated", iso(at), data)), status)

    level(0, t0)
    with httpx.Client(base_url=shop.url, timeout=30) as web:
        data = {"sku": sku, "customer": {"email": email}}
        ok(send(web, event("product.viewed", iso(t0 + timedelta(minutes=1)), data)))
    assert wish_of(shop, customer_id, product_id).watch == "empty"

    level(2, t0 + timedelta(minutes=5))
    (task,) = tasks_of(shop, customer_id, "back_in_stock")
    assert task.status == "open"
    with shop.engine.connect() as conn:
        on_hand = conn.execute(
            sa.select(inventory.c.on_hand).where(
                inventory.c.location_id == shop.store_id, inventory.c.product_id == product_id
            )
        ).scalar_one()
    assert on_hand == 2
    level(0, t0 + timedelta(minutes=2), "ignored")  # older than the level applied
    assert tasks_of(shop, customer_id, "back_in_stock")[0].status == "open"
