"""An erasure racing an ingest (order, customer update, cart) for the same customer: both
commit, nothing is written back onto the erased shell, and the purchase facts equal a
recomputation. Both backends; the race is PostgreSQL's (READ COMMITTED, row
locks), SQLite serialises the two at BEGIN IMMEDIATE.

The interleaving is forced, not hoped for: a third transaction holds a row lock on one of
the customer's orders, so the erasure stops inside its work (after taking its locks, before
writing the facts); the order ingest then starts, and only once it waits (or is done) is
the third transaction ended. Before the fix the ingest wrote the facts and then waited for
the customer row the erasure held while the erasure waited for those facts: PostgreSQL
broke the deadlock by failing one of them. A customer update read the customer without a
lock and, once the erasure had committed, wrote its names and contacts (with the old
ones) back onto the erased shell; a cart event locked its cart state, then waited for the
scope the erasure held while the erasure waited to delete that state (a deadlock).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import HubContext
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.erasure import Erasure, erase_customer
from clienteling.hub.ingest.apply import IngestResult, ingest
from clienteling.hub.ingest.events import (
    CartEvent,
    CustomerEvent,
    CustomerRef,
    Line,
    OrderEvent,
    ProductViewEvent,
)
from clienteling.hub.mutation_kit import ERASED_SCOPE
from clienteling.hub.routes import survey_pages
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.settings import HubSettings
from clienteling.hub.surveys import register_survey_link
from clienteling.hub.tables import (
    carts,
    customers,
    feedback,
    ingest_carts,
    ingest_links,
    orders,
    product_views,
    products,
    recent_views,
)

from .blocking import TIMEOUT_S, Worker, blocked_or_done, wait
from .conftest import SEED_NOW, NewDb
from .test_purchase_facts import _facts_differences


@dataclass
class RaceHub:
    engine: Engine
    settings: HubSettings
    sku: str
    buyers: list[tuple[str, str]]  # (customer id, email) with kept orders


@pytest.fixture(scope="module")
def race_hub(new_db: NewDb) -> Iterator[RaceHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=17, now=SEED_NOW)
    with engine.connect() as conn:
        kept = sa.select(orders.c.customer_id).where(orders.c.status != "returned")
        rows = conn.execute(
            sa.select(customers.c.id, customers.c.emails)
            .where(customers.c.id.in_(kept), customers.c.scope != ERASED_SCOPE)
            .order_by(customers.c.id)
        ).all()
        sku = str(conn.execute(sa.select(products.c.sku).limit(1)).scalar_one())
    buyers = [(str(r.id), str(r.emails[0])) for r in rows if r.emails]
    settings = HubSettings(db=url, port=0, ingest_default_store_id=summary["store_ids"][0])
    yield RaceHub(engine, settings, sku, buyers)
    engine.dispose()


def _order(hub: RaceHub, email: str, *, external_id: str | None = None) -> OrderEvent:
    return OrderEvent(
        kind="order.placed",
        occurred_at="2025-06-01T12:00:00.000000Z",
        order_key=f"race-{uuid.uuid4()}",
        customer=CustomerRef(external_id=external_id, email=email),
        currency="EUR",
        lines=[Line(sku=hub.sku, name="", qty=1, unit_price_minor=19900)],
    )


_Event = OrderEvent | CustomerEvent | CartEvent | ProductViewEvent


def _ingest(hub: RaceHub, event: _Event) -> IngestResult:
    return ingest(
        hub.engine,
        hub.settings,
        source="webshop",
        event_id=str(uuid.uuid4()),
        topic="product.viewed" if isinstance(event, ProductViewEvent) else event.kind,
        event=event,
    )


def _erase(hub: RaceHub, customer_id: str) -> Erasure | None:
    with write_tx(hub.engine) as conn:
        return erase_customer(conn, customer_id, erased_by=None)


@pytest.mark.parametrize("named_by", ["email", "shop id"])
def test_an_order_ingested_while_its_customer_is_erased(race_hub: RaceHub, named_by: str) -> None:
    customer_id, email = race_hub.buyers.pop()
    external_id = None
    if named_by == "shop id":
        # The shop's id is linked to the customer first (as after an earlier order).
        external_id = f"shop-{uuid.uuid4()}"
        first = _ingest(race_hub, _order(race_hub, email, external_id=external_id))
        assert first.status == "applied"
    with race_hub.engine.connect() as blocker:
        tx = blocker.begin()
        blocker.execute(
            sa.select(orders.c.id)
            .where(orders.c.customer_id == customer_id)
            .order_by(orders.c.id)
            .limit(1)
            .with_for_update()
        ).one()
        erasure = Worker(lambda: _erase(race_hub, customer_id), "erasure")
        erasure.start()
        blocked_or_done(race_hub.engine, erasure)
        order = _order(race_hub, email, external_id=external_id)
        ordering = Worker(lambda: _ingest(race_hub, order), "order ingest")
        ordering.start()
        if race_hub.engine.dialect.name == "postgresql":
            _wait_for_waiters(race_hub.engine, 2, ordering)
        else:
            blocked_or_done(race_hub.engine, ordering)
        tx.rollback()
    erased = erasure.finish()
    result = ordering.finish()
    assert erased is not None and not erased.already
    assert result.status == "applied", result
    with race_hub.engine.connect() as conn:
        assert _facts_differences(conn) == []
        owner = conn.execute(
            sa.select(orders.c.customer_id, orders.c.scope)
            .select_from(orders)
            .where(orders.c.total_minor == 19900, orders.c.placed_at == order.occurred_at)
            .order_by(orders.c.id.desc())
            .limit(1)
        ).one()
        erased_row = conn.execute(
            sa.select(customers.c.emails, customers.c.scope).where(customers.c.id == customer_id)
        ).one()
    assert erased_row.emails == [] and erased_row.scope == ERASED_SCOPE
    if owner.customer_id == customer_id:
        # The ingest went first: its order was erased with the rest (moved out of the store).
        assert owner.scope == ERASED_SCOPE
    else:
        # The erasure went first: the shop's person is a new customer, in a store scope.
        assert owner.scope != ERASED_SCOPE


def _wait_for_waiters(engine: Engine, count: int, worker: Worker) -> None:
    """Until `count` sessions wait for a lock (or `worker` is done); `blocked_or_done`
    returns at the first, and here the erasure is waiting already."""
    deadline = time.monotonic() + TIMEOUT_S
    while not worker.done.is_set():
        with engine.connect() as conn:
            waiting = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).scalar_one()
        if waiting >= count:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{worker.name} neither finished nor waited for a lock")
        time.sleep(0.005)
    wait(worker.done, worker.name)


def _race(hub: RaceHub, customer_id: str, event: _Event) -> tuple[Erasure | None, IngestResult]:
    """Erase `customer_id` and ingest `event` at once: the erasure is stopped inside its
    work (its locks taken) by a row lock on one of the customer's orders; the ingest starts
    then, and the lock is released once the ingest waits too (PostgreSQL) or had a moment
    (SQLite, where the ingest then runs after the erasure)."""
    with hub.engine.connect() as blocker:
        tx = blocker.begin()
        blocker.execute(
            sa.select(orders.c.id)
            .where(orders.c.customer_id == customer_id)
            .order_by(orders.c.id)
            .limit(1)
            .with_for_update()
        ).one()
        erasure = Worker(lambda: _erase(hub, customer_id), "erasure")
        erasure.start()
        blocked_or_done(hub.engine, erasure)
        ingesting = Worker(lambda: _ingest(hub, event), "ingest")
        ingesting.start()
        if hub.engine.dialect.name == "postgresql":
            _wait_for_waiters(hub.engine, 2, ingesting)
        else:
            blocked_or_done(hub.engine, ingesting)
        tx.rollback()
    return erasure.finish(), ingesting.finish()


def _assert_still_erased(hub: RaceHub, customer_id: str) -> None:
    with hub.engine.connect() as conn:
        shell = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).one()
        named = [
            conn.execute(
                sa.select(sa.func.count())
                .select_from(table)
                .where(table.c.customer_id == customer_id)
            ).scalar_one()
            for table in (carts, ingest_carts)
        ]
        links = conn.execute(
            sa.select(sa.func.count())
            .select_from(ingest_links)
            .where(ingest_links.c.kind == "customer", ingest_links.c.internal_id == customer_id)
        ).scalar_one()
        assert _facts_differences(conn) == []
    assert shell.scope == ERASED_SCOPE
    assert (shell.emails, shell.phones, shell.given_name, shell.family_name) == ([], [], "", "")
    assert named == [0, 0] and links == 0


@pytest.mark.parametrize("named_by", ["email", "shop id"])
def test_a_customer_update_ingested_while_the_customer_is_erased(
    race_hub: RaceHub, named_by: str
) -> None:
    customer_id, email = race_hub.buyers.pop()
    external_id = f"shop-{uuid.uuid4()}" if named_by == "shop id" else None
    ref = CustomerRef(external_id=external_id, email=email, given_name="Zoé", phone="+33612345678")
    if external_id is not None:
        # The shop's id is linked to the customer first (as after customers/create).
        created = CustomerEvent("customer.created", "2025-06-01T11:00:00.000000Z", ref)
        assert _ingest(race_hub, created).status == "applied"
    update = CustomerEvent(
        "customer.updated",
        "2025-06-01T12:00:00.000000Z",
        CustomerRef(
            external_id=external_id,
            email=email,
            given_name="Zoé",
            family_name="Nouveau",
            phone="+33698765432",
        ),
    )
    erased, result = _race(race_hub, customer_id, update)
    assert erased is not None and not erased.already
    # PostgreSQL: the update had found the customer, and is ignored once it sees the
    # erasure. SQLite runs it after the erasure: the shop's person is a new customer.
    assert result.status in ("applied", "ignored"), result
    _assert_still_erased(race_hub, customer_id)
    if race_hub.engine.dialect.name == "postgresql":
        assert result.status == "ignored" and "erased" in (result.detail or ""), result


def test_a_cart_event_ingested_while_its_customer_is_erased(race_hub: RaceHub) -> None:
    customer_id, email = race_hub.buyers.pop()
    key = f"race-cart-{uuid.uuid4()}"
    line = Line(sku=race_hub.sku, name="", qty=1, unit_price_minor=19900)
    first = CartEvent(
        "cart.updated",
        "2025-06-01T11:00:00.000000Z",
        key,
        customer=CustomerRef(email=email),
        currency="EUR",
        lines=[line],
    )
    assert _ingest(race_hub, first).status == "applied"
    later = CartEvent(
        "checkout.started",
        "2025-06-01T12:00:00.000000Z",
        key,
        customer=CustomerRef(email=email),
        lines=[line, line],
        step="shipping",
    )
    erased, result = _race(race_hub, customer_id, later)
    assert erased is not None and not erased.already
    assert result.status == "applied", result
    _assert_still_erased(race_hub, customer_id)


def test_a_product_view_ingested_while_its_customer_is_erased(race_hub: RaceHub) -> None:
    """The view waits for the erasure (customer locked first): it is logged without the
    customer, and no recently viewed row lands on the erased shell (nor in a store's
    feed). Without the lock it read the customer before the erasure committed."""
    customer_id, email = race_hub.buyers.pop()
    at = iso(utc_now())  # inside the 30 days the recently viewed products keep
    event = ProductViewEvent(occurred_at=at, sku=race_hub.sku, customer=CustomerRef(email=email))
    erased, result = _race(race_hub, customer_id, event)
    assert erased is not None and not erased.already
    assert result.status == "applied", result
    _assert_still_erased(race_hub, customer_id)
    with race_hub.engine.connect() as conn:
        kept = conn.execute(
            sa.select(sa.func.count())
            .select_from(recent_views)
            .where(recent_views.c.customer_id == customer_id)
        ).scalar_one()
        logged = conn.execute(
            sa.select(product_views.c.customer_id).where(product_views.c.viewed_at == at)
        ).all()
    assert kept == 0
    if race_hub.engine.dialect.name == "postgresql":
        assert logged == [(None,)]  # the view waited for the erasure's locks
    else:
        # SQLite runs the two one after the other, and nothing holds the erasure back:
        # on a busy machine the view may go first, and the erasure then removes it with
        # the rest of the customer's data.
        assert logged in ([(None,)], [])


def test_a_survey_answered_while_its_customer_is_erased(race_hub: RaceHub) -> None:
    """The answer reads its survey link (the customer's) while the erasure is under way,
    then waits for it: it must not store the answer under the erased customer (the
    erasure has anonymised the answers that existed). Before the fix it kept the id it
    had read; now it locks the customer, then reads the link again."""
    customer_id, _email = race_hub.buyers.pop()
    token = f"race-survey-{uuid.uuid4().hex}"
    with write_tx(race_hub.engine) as conn:
        home = conn.execute(
            sa.select(customers.c.home_store_id).where(customers.c.id == customer_id)
        ).scalar_one()
        register_survey_link(
            conn,
            token=token,
            store_id=str(home),
            customer_id=customer_id,
            visit_id=None,
            buyer=True,
        )
    context = HubContext(settings=race_hub.settings, engine=race_hub.engine, epoch="race")
    fields = {"score_staff": ["5"], "text": ["Très bien reçue."], "text_touchpoint": ["staff"]}
    with race_hub.engine.connect() as blocker:
        tx = blocker.begin()
        blocker.execute(
            sa.select(orders.c.id)
            .where(orders.c.customer_id == customer_id)
            .order_by(orders.c.id)
            .limit(1)
            .with_for_update()
        ).one()
        erasure = Worker(lambda: _erase(race_hub, customer_id), "erasure")
        erasure.start()
        blocked_or_done(race_hub.engine, erasure)
        answering = Worker(lambda: survey_pages._answer(context, token, fields), "answer")
        answering.start()
        if race_hub.engine.dialect.name == "postgresql":
            _wait_for_waiters(race_hub.engine, 2, answering)
        else:
            blocked_or_done(race_hub.engine, answering)
        tx.rollback()
    erased, page = erasure.finish(), answering.finish()
    assert erased is not None and not erased.already
    assert page.status_code == 200
    _assert_still_erased(race_hub, customer_id)
    with race_hub.engine.connect() as conn:
        answers = conn.execute(
            sa.select(feedback.c.customer_id, feedback.c.scope, feedback.c.text).where(
                feedback.c.token == token
            )
        ).all()
    assert [a.customer_id for a in answers] == [None]  # stored, anonymous
    assert answers[0].scope != ERASED_SCOPE
