"""Abandoned checkouts for Shopify, which never says "abandoned": the hub's job marks a
checkout whose step stopped moving, as a `checkout.abandoned` event would, and journey 2
starts ("available here today"). Real Shopify-shaped webhooks (tests/hub/fixtures) into a
real hub, on both backends; the job runs with the hub's time moved forward, never a sleep.
"""

from __future__ import annotations

import copy
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.ingest.abandon import abandon_stalled_checkouts
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import carts, customers, ingest_events, inventory, products, tasks

from .conftest import SEED_NOW, NewDb
from .test_ingest import SHOPIFY_SECRET, fixture, ok, send_shopify

AFTER = 60  # minutes: the setting under test


@dataclass
class AbandonHub:
    url: str
    engine: Engine
    settings: HubSettings
    store_id: str


@pytest.fixture(scope="module")
def abandon_hub(new_db: NewDb) -> Iterator[AbandonHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=17, now=SEED_NOW)
    store = summary["store_ids"][0]
    settings = HubSettings(
        db=url,
        port=0,
        shopify_webhook_secret=SHOPIFY_SECRET,
        ingest_default_store_id=store,
        checkout_abandon_after_minutes=AFTER,
        checkout_abandon_interval_s=0,  # the tests run the job themselves
    )
    with HubServer(settings=settings) as server:
        yield AbandonHub(url=server.url, engine=engine, settings=settings, store_id=store)
    engine.dispose()


@pytest.fixture
def http(abandon_hub: AbandonHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=abandon_hub.url, timeout=30) as client:
        yield client


def _free_sku(hub: AbandonHub) -> str:
    """A product with free stock at the store (so an abandoned cart of it makes a task)."""
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(products.c.sku)
                .join(inventory, inventory.c.product_id == products.c.id)
                .where(
                    inventory.c.location_id == hub.store_id,
                    inventory.c.on_hand - inventory.c.reserved >= 3,
                )
                .order_by(products.c.sku)
                .limit(1)
            ).scalar_one()
        )


@dataclass
class Shopper:
    """One Shopify shopper's webhooks (the recorded fixtures with fresh ids and times)."""

    cart: dict[str, Any]
    checkout: dict[str, Any]
    order: dict[str, Any]
    email: str


def shopper(sku: str) -> Shopper:
    cart, checkout, order = (
        copy.deepcopy(fixture(f"shopify_{name}.json"))
        for name in ("carts_create", "checkouts_create", "orders_create")
    )
    cart_token, checkout_token = uuid.uuid4().hex, uuid.uuid4().hex
    email = f"camille.{uuid.uuid4().hex[:8]}@example.fr"
    customer_id = uuid.uuid4().int % 10**13
    cart["id"] = cart["token"] = cart_token
    checkout.update(token=checkout_token, cart_token=cart_token, email=email)
    order.update(
        id=uuid.uuid4().int % 10**18,
        cart_token=cart_token,
        checkout_token=checkout_token,
        email=email,
        contact_email=email,
    )
    for body in (checkout, order):
        body["customer"].update(id=customer_id, email=email)
    for body in (cart, checkout, order):
        for item in body["line_items"]:
            item["sku"] = sku
    return Shopper(cart=cart, checkout=checkout, order=order, email=email)


def at(body: dict[str, Any], moment: datetime) -> dict[str, Any]:
    return {**body, "created_at": iso(moment), "updated_at": iso(moment)}


def customer_of(hub: AbandonHub, email: str) -> str:
    with hub.engine.connect() as conn:
        for row in conn.execute(sa.select(customers.c.id, customers.c.emails)):
            if email in row.emails:
                return str(row.id)
    raise AssertionError("customer not created")


def cart_of(hub: AbandonHub, customer_id: str) -> Any:
    with hub.engine.connect() as conn:
        return conn.execute(sa.select(carts).where(carts.c.customer_id == customer_id)).one()


def tasks_of(hub: AbandonHub, customer_id: str, kind: str = "cart_available") -> list[Any]:
    with hub.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(tasks).where(tasks.c.customer_id == customer_id, tasks.c.kind == kind)
            ).all()
        )


def run_job(hub: AbandonHub, now: datetime) -> int:
    return abandon_stalled_checkouts(hub.engine, hub.settings, now=now)


def start_checkout(http: httpx.Client, hub: AbandonHub, last: datetime) -> tuple[Shopper, str]:
    """carts/create, then checkouts/create with an email and an address (step shipping)
    whose last update is `last`; returns the shopper and our customer id."""
    who = shopper(_free_sku(hub))
    ok(send_shopify(http, "carts/create", at(who.cart, last - timedelta(minutes=3))))
    ok(send_shopify(http, "checkouts/create", at(who.checkout, last)))
    return who, customer_of(hub, who.email)


def test_a_stalled_shopify_checkout_is_abandoned_at_its_step_and_becomes_a_task(
    abandon_hub: AbandonHub, http: httpx.Client
) -> None:
    last = utc_now() - timedelta(minutes=2)
    who, customer_id = start_checkout(http, abandon_hub, last)
    assert (cart_of(abandon_hub, customer_id).status, tasks_of(abandon_hub, customer_id)) == (
        "open",
        [],
    )

    # Not yet: the step has not moved for 59 minutes only.
    run_job(abandon_hub, last + timedelta(minutes=AFTER - 1))
    assert cart_of(abandon_hub, customer_id).status == "open"

    later = last + timedelta(minutes=AFTER + 1)
    assert run_job(abandon_hub, later) >= 1
    cart = cart_of(abandon_hub, customer_id)
    assert (cart.status, cart.checkout_step, cart.updated_at) == (
        "abandoned",
        "shipping",
        iso(last),
    )
    with abandon_hub.engine.connect() as conn:
        recorded = conn.execute(
            sa.select(ingest_events).where(ingest_events.c.event_id.like(f"%{cart.id}%"))
        ).one()
    assert (recorded.source, recorded.topic, recorded.status) == (
        "shopify",
        "checkout.abandoned",
        "applied",
    )
    (task,) = tasks_of(abandon_hub, customer_id)
    assert (task.status, task.template, task.store_id) == (
        "open",
        "cart_available",
        abandon_hub.store_id,
    )
    assert task.subject_id == cart.id

    # Again (the next interval, another hub process): nothing changes.
    assert run_job(abandon_hub, later + timedelta(minutes=5)) == 0
    assert [t.id for t in tasks_of(abandon_hub, customer_id)] == [task.id]

    # The customer comes back and picks a delivery: the newer update wins, the cart is
    # open again at the payment step and the task's reason went away.
    moved = at(who.checkout, later + timedelta(minutes=10))
    moved["shipping_lines"] = [{"code": "Standard", "price": "0.00", "title": "Standard"}]
    ok(send_shopify(http, "checkouts/update", moved))
    cart = cart_of(abandon_hub, customer_id)
    assert (cart.status, cart.checkout_step) == ("open", "payment")
    assert tasks_of(abandon_hub, customer_id)[0].status == "closed"

    # The order arrives: ordered, and no run of the job, however late, resurrects it.
    ok(send_shopify(http, "orders/create", at(who.order, later + timedelta(minutes=12))))
    assert run_job(abandon_hub, later + timedelta(days=3)) == 0
    assert cart_of(abandon_hub, customer_id).status == "ordered"


def test_a_late_real_update_still_wins_over_the_mark(
    abandon_hub: AbandonHub, http: httpx.Client
) -> None:
    """Webhooks can arrive late: an update made after the checkout stalled but delivered
    after the job marked it reopens the cart; one made before is older and ignored."""
    last = utc_now() - timedelta(minutes=3)
    who, customer_id = start_checkout(http, abandon_hub, last)
    assert run_job(abandon_hub, last + timedelta(minutes=AFTER + 1)) >= 1
    ok(
        send_shopify(http, "checkouts/update", at(who.checkout, last - timedelta(seconds=30))),
        "ignored",
    )
    assert cart_of(abandon_hub, customer_id).status == "abandoned"
    ok(send_shopify(http, "checkouts/update", at(who.checkout, last + timedelta(minutes=1))))
    assert cart_of(abandon_hub, customer_id).status == "open"


def test_two_hub_processes_mark_each_checkout_once(
    abandon_hub: AbandonHub, http: httpx.Client
) -> None:
    last = utc_now() - timedelta(minutes=4)
    started = [start_checkout(http, abandon_hub, last)[1] for _ in range(4)]
    later = last + timedelta(minutes=AFTER + 1)
    counts: list[int] = []
    barrier = threading.Barrier(2)

    def work() -> None:
        barrier.wait()
        counts.append(run_job(abandon_hub, later))

    workers = [threading.Thread(target=work) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sum(counts) >= len(started)  # earlier tests' leftovers may be marked too
    for customer_id in started:
        cart = cart_of(abandon_hub, customer_id)
        assert cart.status == "abandoned"
        assert len(tasks_of(abandon_hub, customer_id)) == 1
        with abandon_hub.engine.connect() as conn:
            events = conn.execute(
                sa.select(sa.func.count())
                .select_from(ingest_events)
                .where(ingest_events.c.event_id.like(f"hub-abandon:{cart.id}:%"))
            ).scalar_one()
        assert events == 1


def test_a_cart_never_taken_to_checkout_is_not_abandoned(
    abandon_hub: AbandonHub, http: httpx.Client
) -> None:
    """A Shopify cart names no customer and has no checkout step: it stays open."""
    who = shopper(_free_sku(abandon_hub))
    ok(send_shopify(http, "carts/create", at(who.cart, utc_now() - timedelta(days=1))))
    run_job(abandon_hub, utc_now() + timedelta(days=1))
    with abandon_hub.engine.connect() as conn:
        events = conn.execute(
            sa.select(ingest_events.c.event_id).where(ingest_events.c.topic == "checkout.abandoned")
        ).scalars()
        marked = set(events)
    ok(send_shopify(http, "checkouts/create", at(who.checkout, utc_now())))
    cart = cart_of(abandon_hub, customer_of(abandon_hub, who.email))
    assert not any(cart.id in event for event in marked)
    assert cart.status == "open"


def test_the_hub_runs_the_job_in_the_background(new_db: NewDb) -> None:
    """`checkout_abandon_interval_s` > 0: the hub process marks a stalled checkout by
    itself (the checkout's last update is two hours old when it arrives)."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=10, seed=3, now=SEED_NOW)
    settings = HubSettings(
        db=url,
        port=0,
        shopify_webhook_secret=SHOPIFY_SECRET,
        ingest_default_store_id=summary["store_ids"][0],
        checkout_abandon_interval_s=0.2,
    )
    hub = AbandonHub(url="", engine=engine, settings=settings, store_id=summary["store_ids"][0])
    try:
        with HubServer(settings=settings) as server, httpx.Client(base_url=server.url) as http:
            _who, customer_id = start_checkout(http, hub, utc_now() - timedelta(hours=2))
            deadline = time.monotonic() + 20
            while cart_of(hub, customer_id).status != "abandoned":
                assert time.monotonic() < deadline, "the job never marked the checkout"
                time.sleep(0.05)
    finally:
        engine.dispose()
