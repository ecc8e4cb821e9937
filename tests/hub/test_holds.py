"""Holds for customers (`reservation.request` / `reservation.release`) on a real hub, both
backends: stock is reserved once, the last unit goes to one request only, expiry gives
the stock back once, and the store's terminals pull the hold and the lower stock."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.domain.ids import uuid7
from clienteling.hub.clock import utc_now
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.holds import expire_holds
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import inventory, locations, products, reservations
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

from .conftest import NewDb, SeededHub, sign_in
from .test_customer_create import pull_all
from .test_sync_push import push

AT = "2025-06-01T10:00:00+00:00"


@pytest.fixture(scope="module")
def hold_hub(new_db: NewDb) -> Iterator[SeededHub]:
    """A small hub of this module's own: the tests change its stock."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=20)
    with HubServer(
        settings=HubSettings(db=url, port=0, purge_interval_s=0, hold_expiry_interval_s=0)
    ) as server:
        yield SeededHub(url=server.url, engine=engine, summary=summary)
    engine.dispose()


_taken = iter(range(10_000))


def stock_of(hub: SeededHub, *, on_hand: int, reserved: int = 0) -> tuple[str, str]:
    """(store 1, a product of its own for this test) with exactly this stock there."""
    store = hub.summary["store_ids"][0]
    with hub.engine.begin() as conn:
        product = conn.execute(
            sa.select(products.c.id).order_by(products.c.id).offset(next(_taken)).limit(1)
        ).scalar_one()
        conn.execute(
            sa.update(inventory)
            .where(inventory.c.id == f"{store}:{product}")
            .values(on_hand=on_hand, reserved=reserved)
        )
    return store, product


def stock(hub: SeededHub, store: str, product: str) -> tuple[int, int]:
    with hub.engine.connect() as conn:
        row = conn.execute(
            sa.select(inventory.c.on_hand, inventory.c.reserved).where(
                inventory.c.id == f"{store}:{product}"
            )
        ).one()
    return int(row.on_hand), int(row.reserved)


def hold_args(customer: str, product: str, quantity: int = 1) -> dict[str, Any]:
    return {
        "id": uuid7(),
        "customer_id": customer,
        "product_id": product,
        "quantity": quantity,
        "created_at": AT,
    }


def mutation(mutation_id: int, name: str, args: dict[str, Any]) -> dict[str, Any]:
    return {"id": mutation_id, "name": name, "args": args, "created_at": AT}


def held(hub: SeededHub, hold_id: str) -> sa.Row[Any] | None:
    with hub.engine.connect() as conn:
        return conn.execute(sa.select(reservations).where(reservations.c.id == hold_id)).first()


@pytest.fixture
def http(hold_hub: SeededHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hold_hub.url, timeout=30) as client:
        yield client


def test_a_hold_reserves_the_stock_and_reaches_the_store(
    http: httpx.Client, hold_hub: SeededHub
) -> None:
    _, device = sign_in(http)
    store, product = stock_of(hold_hub, on_hand=3, reserved=1)
    customer = hold_hub.customer_of(0)
    args = hold_args(customer, product)

    answer = push(http, device, [mutation(1, "reservation.request", args)])

    assert answer.json()["results"][0]["status"] == "applied"
    assert stock(hold_hub, store, product) == (3, 2)
    row = held(hold_hub, args["id"])
    assert row is not None and row.status == "held" and row.source == "terminal"
    hours = (utc_now() - timedelta(hours=48)).isoformat()
    assert row.expires_at > hours  # about 48 hours from now, the default
    changes, _ = pull_all(http, device, store_scope(store))
    assert any(c["entity"] == "reservation" and c["id"] == args["id"] for c in changes)
    catalog, _ = pull_all(http, device, CATALOG_SCOPE)
    pulled = [c for c in catalog if c["id"] == f"{store}:{product}"]
    assert pulled[-1]["data"]["reserved"] == 2


def test_a_hold_beyond_the_stock_is_refused_with_a_sentence(
    http: httpx.Client, hold_hub: SeededHub
) -> None:
    _, device = sign_in(http)
    store, product = stock_of(hold_hub, on_hand=2, reserved=2)
    with hold_hub.engine.connect() as conn:
        name = conn.execute(sa.select(locations.c.name).where(locations.c.id == store)).scalar()

    answer = push(
        http,
        device,
        [mutation(1, "reservation.request", hold_args(hold_hub.customer_of(0), product))],
    )

    result = answer.json()["results"][0]
    assert result["status"] == "rejected"
    assert result["reason"] == f"Only 0 left at {name}"
    assert stock(hold_hub, store, product) == (2, 2)


def test_the_same_hold_pushed_again_reserves_once(http: httpx.Client, hold_hub: SeededHub) -> None:
    _, device = sign_in(http)
    store, product = stock_of(hold_hub, on_hand=5)
    batch = [mutation(1, "reservation.request", hold_args(hold_hub.customer_of(0), product, 2))]

    push(http, device, batch)
    again = push(http, device, batch)

    assert again.json()["results"][0]["status"] == "duplicate"
    assert stock(hold_hub, store, product) == (5, 2)


def test_another_stores_customer_cannot_be_held_for(
    http: httpx.Client, hold_hub: SeededHub
) -> None:
    _, device = sign_in(http)
    _store, product = stock_of(hold_hub, on_hand=5)
    answer = push(
        http,
        device,
        [mutation(1, "reservation.request", hold_args(hold_hub.customer_of(1), product))],
    )
    assert answer.json()["results"][0]["reason"].startswith("the customer belongs to another store")


def test_two_terminals_race_for_the_last_unit_and_one_wins(hold_hub: SeededHub) -> None:
    store, product = stock_of(hold_hub, on_hand=1)
    customer = hold_hub.customer_of(0)
    clients = [httpx.Client(base_url=hold_hub.url, timeout=30) for _ in range(2)]
    devices = [
        sign_in(c, username=name)[1]
        for c, name in zip(clients, ("demo-associate", "demo-manager"), strict=True)
    ]
    barrier = threading.Barrier(2)
    results: list[dict[str, Any]] = []

    def request(index: int) -> None:
        args = hold_args(customer, product)
        barrier.wait()
        answer = push(clients[index], devices[index], [mutation(1, "reservation.request", args)])
        results.append(answer.json()["results"][0])

    threads = [threading.Thread(target=request, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()

    assert sorted(r["status"] for r in results) == ["applied", "rejected"]
    assert next(r for r in results if r["status"] == "rejected")["reason"].startswith("Only 0 left")
    assert stock(hold_hub, store, product) == (1, 1)
    with hold_hub.engine.connect() as conn:
        count = conn.execute(
            sa.select(sa.func.count()).where(
                reservations.c.product_id == product, reservations.c.status == "held"
            )
        ).scalar_one()
    assert count == 1


def test_release_gives_the_stock_back_once(http: httpx.Client, hold_hub: SeededHub) -> None:
    _, device = sign_in(http)
    store, product = stock_of(hold_hub, on_hand=4)
    args = hold_args(hold_hub.customer_of(0), product, 2)
    release = {"id": args["id"], "status": "released"}
    push(
        http,
        device,
        [
            mutation(1, "reservation.request", args),
            mutation(2, "reservation.release", release),
            mutation(3, "reservation.release", release),
        ],
    )
    assert stock(hold_hub, store, product) == (4, 0)
    row = held(hold_hub, args["id"])
    assert row is not None and row.status == "released"


def test_collected_takes_the_items_off_the_shelf(http: httpx.Client, hold_hub: SeededHub) -> None:
    _, device = sign_in(http)
    store, product = stock_of(hold_hub, on_hand=4, reserved=1)
    args = hold_args(hold_hub.customer_of(0), product, 2)
    push(
        http,
        device,
        [
            mutation(1, "reservation.request", args),
            mutation(2, "reservation.release", {"id": args["id"], "status": "collected"}),
        ],
    )
    assert stock(hold_hub, store, product) == (2, 1)


def test_expiry_releases_each_hold_once(http: httpx.Client, hold_hub: SeededHub) -> None:
    _, device = sign_in(http)
    store, product = stock_of(hold_hub, on_hand=6)
    first, second = (hold_args(hold_hub.customer_of(0), product) for _ in range(2))
    push(
        http,
        device,
        [mutation(1, "reservation.request", first), mutation(2, "reservation.request", second)],
    )
    assert stock(hold_hub, store, product) == (6, 2)
    with hold_hub.engine.begin() as conn:  # the first was made 49 hours ago
        conn.execute(
            sa.update(reservations)
            .where(reservations.c.id == first["id"])
            .values(expires_at=(utc_now() - timedelta(hours=1)).isoformat())
        )

    expire_holds(hold_hub.engine)
    expire_holds(hold_hub.engine)  # a second run (or another hub process) changes nothing

    assert stock(hold_hub, store, product) == (6, 1)
    assert held(hold_hub, first["id"]).status == "expired"  # type: ignore[union-attr]
    assert held(hold_hub, second["id"]).status == "held"  # type: ignore[union-attr]
    # 48 hours later the second one goes too.
    assert expire_holds(hold_hub.engine, now=utc_now() + timedelta(hours=49)) >= 1
    assert stock(hold_hub, store, product) == (6, 0)


def test_demo_holds_are_part_of_the_reserved_stock(new_db: NewDb) -> None:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    seed_demo_data(engine, customers=120)
    with engine.connect() as conn:
        held_rows = conn.execute(
            sa.select(
                reservations.c.store_id,
                reservations.c.product_id,
                sa.func.sum(reservations.c.quantity).label("held"),
            )
            .where(reservations.c.status == "held")
            .group_by(reservations.c.store_id, reservations.c.product_id)
        ).all()
        for row in held_rows:
            on_hand, reserved = conn.execute(
                sa.select(inventory.c.on_hand, inventory.c.reserved).where(
                    inventory.c.id == f"{row.store_id}:{row.product_id}"
                )
            ).one()
            assert on_hand >= reserved >= row.held
    engine.dispose()
    assert held_rows  # the demo shows some
