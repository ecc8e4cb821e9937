"""Tasks on the hub: generation (idempotent, deduplicated, safe with several workers),
tasks from ingested events (journeys 2 and 5), `task.done` / `task.snooze`, the task list
endpoint and the task completion figures. Both backends."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import uuid7
from clienteling.hub.clock import iso
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.stats.tasks import task_completion
from clienteling.hub.tables import associates, customers, inventory, orders, products, tasks
from clienteling.hub.task_generation import generate_tasks

from .conftest import SEED_NOW, NewDb, SeededHub, sign_in
from .test_ingest import SECRET, customer_payload, event, ok, send


def _tasks(engine: Engine, *where: sa.ColumnElement[bool]) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(sa.select(tasks).where(*where).order_by(tasks.c.id)).all())


@pytest.fixture
def small_db(new_db: NewDb) -> Iterator[Engine]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    seed_demo_data(engine, customers=60, seed=5, now=SEED_NOW)
    yield engine
    engine.dispose()


def test_generation_is_idempotent_and_deduplicated(small_db: Engine) -> None:
    seeded = _tasks(small_db)
    assert seeded, "the demo seed makes tasks"
    again = generate_tasks(small_db, now=SEED_NOW)
    assert (again.created, again.closed, again.expired) == (0, 0, 0)
    assert [t.id for t in _tasks(small_db)] == [t.id for t in seeded]

    # Later, with two workers at once: each new reason makes exactly one task.
    later = SEED_NOW + timedelta(days=200)
    reports = []

    def work() -> None:
        reports.append(generate_tasks(small_db, now=later))

    workers = [threading.Thread(target=work) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    after = _tasks(small_db)
    keys = Counter(t.dedupe_key for t in after)
    assert max(keys.values()) == 1
    created = sum(r.created for r in reports)
    assert created == len(after) - len(seeded) > 0
    assert generate_tasks(small_db, now=later).created == 0

    # Tasks of that time 200 days ago have expired or closed; none is open past expiry.
    assert all(t.status != "open" or t.expires_at > iso(later) for t in after)
    old_open = [t for t in seeded if t.status == "open"]
    moved = {t.id: t.status for t in after}
    assert {moved[t.id] for t in old_open} <= {"closed", "expired"}


def test_a_second_purchase_closes_the_nudge(small_db: Engine) -> None:
    nudges = _tasks(small_db, tasks.c.kind == "second_purchase", tasks.c.status == "open")
    assert nudges
    task = nudges[0]
    with small_db.begin() as conn:
        # The customer bought again (the order row as ingest would write it).
        first = conn.execute(
            sa.select(orders).where(orders.c.customer_id == task.customer_id).limit(1)
        ).one()
        values = dict(first._mapping)
        values.update(id=uuid7(), placed_at=iso(SEED_NOW - timedelta(days=1)))
        conn.execute(sa.insert(orders).values(**values))
    report = generate_tasks(small_db, now=SEED_NOW)
    assert report.closed >= 1
    assert _tasks(small_db, tasks.c.id == task.id)[0].status == "closed"


# --- from ingested events (journeys 2 and 5) -------------------------------------------


@dataclass
class TaskHub:
    url: str
    engine: Engine
    store_id: str


@pytest.fixture(scope="module")
def task_hub(new_db: NewDb) -> Iterator[TaskHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=13, now=SEED_NOW)
    store = summary["store_ids"][0]
    settings = HubSettings(db=url, port=0, webhook_secret=SECRET, ingest_default_store_id=store)
    with HubServer(settings=settings) as server:
        yield TaskHub(url=server.url, engine=engine, store_id=store)
    engine.dispose()


def _sku(hub: TaskHub, *, free: bool) -> tuple[str, str]:
    """(sku, product id) of a product with free stock at the store, or with none."""
    available = inventory.c.on_hand - inventory.c.reserved
    with hub.engine.begin() as conn:
        row = conn.execute(
            sa.select(products.c.sku, products.c.id, inventory.c.id.label("inv"))
            .join(inventory, inventory.c.product_id == products.c.id)
            .where(inventory.c.location_id == hub.store_id, available >= (2 if free else 1))
            .order_by(products.c.sku.desc() if free else products.c.sku)
            .limit(1)
        ).one()
        if not free:  # sold out here (the shop still sells it from the web warehouse)
            conn.execute(
                sa.update(inventory)
                .where(inventory.c.id == row.inv)
                .values(reserved=inventory.c.on_hand)
            )
    return str(row.sku), str(row.id)


def _line(sku: str) -> dict[str, Any]:
    return {"sku": sku, "name": "Article", "qty": 1, "unit_price_minor": 4900}


def _customer(hub: TaskHub, email: str) -> str:
    with hub.engine.connect() as conn:
        for row in conn.execute(sa.select(customers.c.id, customers.c.emails)):
            if email in row.emails:
                return str(row.id)
    raise AssertionError("customer not created")


def test_abandoned_checkout_in_stock_at_home_store_becomes_a_task(task_hub: TaskHub) -> None:
    sku, product_id = _sku(task_hub, free=True)
    who = customer_payload()
    cart_id = str(uuid7())
    now = datetime.now(UTC)
    with httpx.Client(base_url=task_hub.url, timeout=30) as http:
        cart = {"cart_id": cart_id, "customer": who, "currency": "EUR", "lines": [_line(sku)]}
        ok(send(http, event("cart.updated", iso(now - timedelta(minutes=30)), cart)))
        customer_id = _customer(task_hub, who["email"])
        assert not _tasks(
            task_hub.engine, tasks.c.kind == "cart_available", tasks.c.customer_id == customer_id
        )
        abandoned = event("checkout.abandoned", iso(now), {"cart_id": cart_id, "step": "shipping"})
        ok(send(http, abandoned))
        ok(send(http, abandoned), "duplicate")

        found = _tasks(task_hub.engine, tasks.c.customer_id == customer_id)
        by_kind = {t.kind: t for t in found}
        assert set(by_kind) == {"cart_available", "welcome"}  # a new customer, too
        task = by_kind["cart_available"]
        assert task.status == "open"
        assert task.store_id == task_hub.store_id
        assert task.template == "cart_available"
        assert task.product_ids == [product_id]
        assert task.priority == 1
        assert task.scope == f"store:{task_hub.store_id}"

        # The customer orders online: the reason went away, the task closes.
        order = {
            "order_id": str(uuid7()),
            "customer": who,
            "currency": "EUR",
            "lines": [_line(sku)],
            "cart_id": cart_id,
        }
        ok(send(http, event("order.placed", iso(now + timedelta(minutes=5)), order)))
        assert _tasks(task_hub.engine, tasks.c.id == task.id)[0].status == "closed"

        # Delivered: the check-in "how was delivery and packaging?" three days later.
        delivered = now + timedelta(days=1)
        ok(send(http, event("order.delivered", iso(delivered), {"order_id": order["order_id"]})))
        check_in = _tasks(
            task_hub.engine, tasks.c.customer_id == customer_id, tasks.c.kind == "post_purchase"
        )
        assert len(check_in) == 1
        assert check_in[0].starts_at == iso(delivered + timedelta(days=3))
        assert check_in[0].template == "post_purchase"


def test_abandoned_cart_not_in_stock_here_makes_no_task(task_hub: TaskHub) -> None:
    sku, _product = _sku(task_hub, free=False)
    who = customer_payload()
    cart_id = str(uuid7())
    now = datetime.now(UTC)
    with httpx.Client(base_url=task_hub.url, timeout=30) as http:
        cart = {"cart_id": cart_id, "customer": who, "currency": "EUR", "lines": [_line(sku)]}
        ok(send(http, event("cart.updated", iso(now - timedelta(minutes=9)), cart)))
        ok(send(http, event("checkout.abandoned", iso(now), {"cart_id": cart_id})))
    customer_id = _customer(task_hub, who["email"])
    kinds = [t.kind for t in _tasks(task_hub.engine, tasks.c.customer_id == customer_id)]
    assert kinds == ["welcome"]


# --- task.done / task.snooze, the list, the figures ------------------------------------


def push(http: httpx.Client, device: str, mutations: list[dict[str, Any]]) -> httpx.Response:
    return http.post(
        "/api/v1/sync/push",
        json={"device_id": device, "schema_version": 1, "mutations": mutations},
    )


def mutation(mutation_id: int, name: str, args: dict[str, Any]) -> dict[str, Any]:
    return {"id": mutation_id, "name": name, "args": args, "created_at": iso(datetime.now(UTC))}


def test_task_done_and_snooze(task_hub: TaskHub) -> None:
    own = _tasks(task_hub.engine, tasks.c.store_id == task_hub.store_id, tasks.c.status == "open")
    other = _tasks(task_hub.engine, tasks.c.store_id != task_hub.store_id)
    assert len(own) >= 2 and other
    done_at = iso(datetime.now(UTC) - timedelta(hours=1))
    with httpx.Client(base_url=task_hub.url, timeout=30) as http:
        body, device = sign_in(http)
        batch = [
            mutation(
                1,
                "task.done",
                {"task_id": own[0].id, "outcome_note": " Called,  will come ", "done_at": done_at},
            ),
            mutation(2, "task.done", {"task_id": other[0].id, "outcome_note": ""}),
            mutation(
                3,
                "task.snooze",
                {"task_id": own[1].id, "until": iso(datetime.now(UTC) + timedelta(days=2))},
            ),
            mutation(
                4,
                "task.snooze",
                {"task_id": own[1].id, "until": iso(datetime.now(UTC) + timedelta(days=90))},
            ),
        ]
        results = push(http, device, batch).json()["results"]
        assert [r["status"] for r in results] == ["applied", "rejected", "applied", "rejected"]
        assert "another store" in results[1]["reason"]
        # Done again (another terminal): the first one stands.
        again = push(
            http,
            device,
            [mutation(5, "task.done", {"task_id": own[0].id, "outcome_note": "again"})],
        )
        assert again.json()["results"][0]["status"] == "applied"
    done = _tasks(task_hub.engine, tasks.c.id == own[0].id)[0]
    assert (done.status, done.outcome_note, done.done_at) == ("done", "Called, will come", done_at)
    assert done.done_by == body["associate"]["id"]
    assert done.version > own[0].version
    assert _tasks(task_hub.engine, tasks.c.id == other[0].id)[0].status == other[0].status
    assert _tasks(task_hub.engine, tasks.c.id == own[1].id)[0].snoozed_until is not None


def test_task_list_is_paged_and_store_scoped(hub: SeededHub, client: httpx.Client) -> None:
    sign_in(client)
    store = hub.summary["store_ids"][0]
    seen: list[dict[str, Any]] = []
    token = None
    while True:
        params: dict[str, Any] = {"store_id": store, "status": "open", "limit": 7}
        if token:
            params["next"] = token
        page = client.get("/api/v1/tasks", params=params)
        assert page.status_code == 200, page.text
        seen += page.json()["items"]
        token = page.json()["next"]
        if token is None:
            break
    expected = _tasks(hub.engine, tasks.c.store_id == store, tasks.c.status == "open")
    assert sorted(t["id"] for t in seen) == sorted(t.id for t in expected)
    assert len({t["id"] for t in seen}) == len(seen)
    assert [(t["due_at"], t["id"]) for t in seen] == sorted((t["due_at"], t["id"]) for t in seen)
    assert {t["store_id"] for t in seen} == {store}


def test_task_completion_adds_up_to_the_raw_rows(hub: SeededHub) -> None:
    store = hub.summary["store_ids"][0]
    start, end = iso(SEED_NOW - timedelta(days=365)), iso(SEED_NOW + timedelta(days=1))
    with hub.engine.connect() as conn:
        figures = task_completion(conn, store_id=store, start=start, end=end)
    rows = [t for t in _tasks(hub.engine, tasks.c.store_id == store) if start <= t.created_at < end]
    done = [t for t in rows if t.status == "done"]
    assert figures.total.created == len(rows) > 0
    assert figures.total.done == len(done) > 0
    assert figures.total.done_on_time == sum(t.done_at <= t.due_at for t in done)
    assert sum(a.created for a in figures.associates) == figures.total.created
    assert figures.total.completion_rate == pytest.approx(len(done) / len(rows))
    named = [a for a in figures.associates if a.associate_id is not None]
    assert named and all(a.display_name and a.display_name != a.associate_id for a in named)


def test_task_completion_of_an_empty_period_has_no_rates(hub: SeededHub) -> None:
    store = hub.summary["store_ids"][0]
    with hub.engine.connect() as conn:
        figures = task_completion(
            conn, store_id=store, start="2001-01-01T00:00:00+00:00", end="2001-02-01T00:00:00+00:00"
        )
    assert figures.associates == []
    assert (figures.total.created, figures.total.completion_rate) == (0, None)


def test_generate_tasks_command(small_db: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    """`clienteling hub generate-tasks --db URL`: a run changes nothing right after the
    seed's own (idempotent), and says so."""
    from clienteling.cli import main

    before = len(_tasks(small_db))
    url = small_db.url.render_as_string(hide_password=False)
    assert main(["hub", "generate-tasks", "--db", url]) == 0
    out = capsys.readouterr().out
    assert out.startswith("tasks: ") and "in 3 stores" in out
    # Real time is after the seed's: some seeded tasks may expire, none is duplicated.
    after = _tasks(small_db)
    assert len(after) >= before
    assert len({t.dedupe_key for t in after}) == len(after)


def test_tasks_go_to_associates_of_the_task_store_only(small_db: Engine) -> None:
    """A customer last served by an associate of another store (a purchase while
    travelling) gets their home store's task assigned to the store, not to that associate,
    who would never see it."""
    later = SEED_NOW + timedelta(days=200)
    generate_tasks(small_db, now=later)
    with small_db.connect() as conn:
        rows = conn.execute(
            sa.select(tasks.c.id, tasks.c.store_id, associates.c.store_id.label("staff_of")).join(
                associates, associates.c.id == tasks.c.associate_id
            )
        ).all()
    assert rows, "the seed assigns tasks to associates"
    assert [r.id for r in rows if r.staff_of != r.store_id] == []
