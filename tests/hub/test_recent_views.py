"""Recently viewed products (hub.recent_views): a web-shop view reaches the terminals of
the customer's store as a `recent_view` row; the 21st product drops the oldest (a
tombstone the terminal pulls); an erasure removes the rows, a merge combines them. A hub
of its own on each backend, with the ingest called in process and pulls over HTTP."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub import lookups, versions
from clienteling.hub import recent_views as recent_views_module
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.erasure import erase_customer
from clienteling.hub.identity import merge_customers
from clienteling.hub.ingest.apply import IngestResult, ingest
from clienteling.hub.ingest.events import CustomerRef, ProductViewEvent
from clienteling.hub.recent_views import KEEP
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers, product_views, products, recent_views, tombstones
from clienteling.protocol.entities import store_scope
from clienteling.protocol.models import PullResponse

from .conftest import SEED_NOW, NewDb, sign_in

NOW = SEED_NOW + timedelta(days=1)  # the hub's time for the ingested events


@dataclass
class ViewsHub:
    url: str
    engine: Engine
    settings: HubSettings
    store_id: str
    skus: list[str]
    people: list[tuple[str, str]]  # (customer id, email) of the first store, unused yet

    def customer(self) -> tuple[str, str]:
        return self.people.pop()


@pytest.fixture(scope="module")
def views_hub(new_db: NewDb) -> Iterator[ViewsHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=40, seed=23, now=SEED_NOW)
    store_id = str(summary["store_ids"][0])
    with engine.connect() as conn:
        skus = list(conn.execute(sa.select(products.c.sku).order_by(products.c.sku)).scalars())
        rows = conn.execute(
            sa.select(customers.c.id, customers.c.emails)
            .where(customers.c.home_store_id == store_id)
            .order_by(customers.c.id)
        ).all()
    people = [(str(r.id), str(r.emails[0])) for r in rows if r.emails]
    settings = HubSettings(db=url, port=0, ingest_default_store_id=store_id)
    with HubServer(settings=settings) as server:
        yield ViewsHub(server.url, engine, settings, store_id, skus, people)
    engine.dispose()


def view(hub: ViewsHub, email: str, sku: str, at: datetime) -> IngestResult:
    event = ProductViewEvent(occurred_at=iso(at), sku=sku, customer=CustomerRef(email=email))
    return ingest(
        hub.engine,
        hub.settings,
        source="webshop",
        event_id=str(uuid.uuid4()),
        topic="product.viewed",
        event=event,
        now=NOW,
    )


class Terminal:
    """A terminal of the first store, as far as the feed goes: the recent views it holds."""

    def __init__(self, hub: ViewsHub) -> None:
        self.http = httpx.Client(base_url=hub.url, timeout=30)
        body, self.device = sign_in(self.http)
        self.scope = store_scope(body["associate"]["store_id"])
        assert self.scope == store_scope(hub.store_id)
        self.cursor: str | None = None
        self.rows: dict[str, dict[str, Any]] = {}
        self.pull()

    def pull(self) -> list[Any]:
        """Pull to the end; the recent_view changes seen."""
        seen = []
        while True:
            response = self.http.post(
                "/api/v1/sync/pull",
                json={
                    "device_id": self.device,
                    "schema_version": 1,
                    "scope": self.scope,
                    "cursor": self.cursor,
                    "limit": 1000,
                },
            )
            assert response.status_code == 200, response.text
            page = PullResponse.model_validate(response.json())
            for change in page.changes:
                if change.entity != "recent_view":
                    continue
                seen.append(change)
                if change.op == "delete":
                    self.rows.pop(change.id, None)
                else:
                    assert change.data is not None
                    self.rows[change.id] = change.data
            self.cursor = page.cursor
            if not page.has_more:
                return seen

    def of(self, customer_id: str) -> dict[str, dict[str, Any]]:
        """The customer's rows by product id."""
        return {r["product_id"]: r for r in self.rows.values() if r["customer_id"] == customer_id}

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def terminal(views_hub: ViewsHub) -> Iterator[Terminal]:
    term = Terminal(views_hub)
    yield term
    term.close()


def hub_rows(hub: ViewsHub, customer_id: str) -> dict[str, Any]:
    with hub.engine.connect() as conn:
        rows = conn.execute(
            sa.select(recent_views).where(recent_views.c.customer_id == customer_id)
        ).all()
    return {str(r.product_id): r for r in rows}


def product_id(hub: ViewsHub, sku: str) -> str:
    with hub.engine.connect() as conn:
        return str(conn.execute(sa.select(products.c.id).where(products.c.sku == sku)).scalar())


def test_a_view_is_published_in_the_store_scope_and_counted(
    views_hub: ViewsHub, terminal: Terminal
) -> None:
    customer_id, email = views_hub.customer()
    sku = views_hub.skus[0]
    first = NOW - timedelta(hours=3)
    assert view(views_hub, email, sku, first).status == "applied"
    (change,) = terminal.pull()
    assert change.op == "upsert"
    with views_hub.engine.connect() as conn:
        viewed = conn.execute(sa.select(products).where(products.c.sku == sku)).one()
    assert change.data == {
        "id": change.id,
        "customer_id": customer_id,
        "product_id": product_id(views_hub, sku),
        "sku": sku,
        "viewed_at": iso(first),
        "view_count": 1,
        # The product as viewed: the line still names it once the product is unlisted.
        "product_name": viewed.name,
        "size": viewed.size,
        "colour": viewed.colour,
    }
    # Viewed again (and an older view arriving late): one row, the latest time, 3 views.
    view(views_hub, email, sku, NOW - timedelta(hours=1))
    view(views_hub, email, sku, NOW - timedelta(hours=2))
    (*_, latest) = terminal.pull()
    row = terminal.rows[change.id]
    assert (row["view_count"], row["viewed_at"]) == (3, iso(NOW - timedelta(hours=1)))
    with views_hub.engine.connect() as conn:
        stored = conn.execute(
            sa.select(recent_views.c.scope, recent_views.c.version).where(
                recent_views.c.id == change.id
            )
        ).one()
        logged = conn.execute(
            sa.select(sa.func.count())
            .select_from(product_views)
            .where(product_views.c.customer_id == customer_id, product_views.c.sku == sku)
        ).scalar_one()
    assert stored.scope == terminal.scope and stored.version == latest.version
    assert logged == 3  # every view stays in the log


def test_the_21st_product_drops_the_oldest_and_the_terminal_hears_of_it(
    views_hub: ViewsHub, terminal: Terminal
) -> None:
    customer_id, email = views_hub.customer()
    start = NOW - timedelta(hours=5)  # newer than every seeded view of the customer
    skus = views_hub.skus[: KEEP + 1]
    for minute, sku in enumerate(skus[:KEEP]):
        view(views_hub, email, sku, start + timedelta(minutes=minute))
    terminal.pull()
    held = terminal.of(customer_id)
    assert set(held) == {product_id(views_hub, sku) for sku in skus[:KEEP]}
    first_id = held[product_id(views_hub, skus[0])]["id"]

    view(views_hub, email, skus[KEEP], start + timedelta(minutes=KEEP))
    changes = terminal.pull()
    kept = hub_rows(views_hub, customer_id)
    wanted = {product_id(views_hub, sku) for sku in skus[1:]}
    assert set(kept) == wanted and len(kept) == KEEP
    assert [c.id for c in changes if c.op == "delete"] == [first_id]
    assert set(terminal.of(customer_id)) == wanted
    with views_hub.engine.connect() as conn:
        tomb = conn.execute(
            sa.select(tombstones.c.scope).where(
                tombstones.c.entity == "recent_view", tombstones.c.entity_id == first_id
            )
        ).scalar_one()
    assert tomb == terminal.scope


def test_a_view_older_than_the_window_is_logged_but_not_kept(views_hub: ViewsHub) -> None:
    customer_id, email = views_hub.customer()
    before = hub_rows(views_hub, customer_id)
    sku = next(s for s in views_hub.skus if product_id(views_hub, s) not in before)
    assert view(views_hub, email, sku, NOW - timedelta(days=31)).status == "applied"
    assert hub_rows(views_hub, customer_id).keys() == before.keys()


def test_an_unknown_customer_or_product_leaves_no_row(views_hub: ViewsHub) -> None:
    with views_hub.engine.connect() as conn:
        count = conn.execute(sa.select(sa.func.count()).select_from(recent_views)).scalar_one()
    view(views_hub, "nobody-here@example.org", views_hub.skus[0], NOW - timedelta(hours=1))
    _customer_id, email = views_hub.customer()
    view(views_hub, email, "NO-SUCH-SKU", NOW - timedelta(hours=1))
    with views_hub.engine.connect() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(recent_views)).scalar_one()
    assert after == count


def test_an_erasure_removes_them_from_the_hub_and_the_terminal(
    views_hub: ViewsHub, terminal: Terminal
) -> None:
    customer_id, email = views_hub.customer()
    view(views_hub, email, views_hub.skus[3], NOW - timedelta(hours=1))
    terminal.pull()
    assert terminal.of(customer_id)
    with write_tx(views_hub.engine) as conn:
        assert erase_customer(conn, customer_id, erased_by=None) is not None
    terminal.pull()
    assert hub_rows(views_hub, customer_id) == {}
    assert terminal.of(customer_id) == {}
    # A view arriving after the erasure names nobody: nothing comes back.
    view(views_hub, email, views_hub.skus[4], NOW - timedelta(minutes=5))
    assert hub_rows(views_hub, customer_id) == {}


def test_a_merge_combines_them_under_the_survivor(views_hub: ViewsHub, terminal: Terminal) -> None:
    survivor, survivor_email = views_hub.customer()
    merged, merged_email = views_hub.customer()
    both, only_merged = views_hub.skus[5], views_hub.skus[6]
    view(views_hub, survivor_email, both, NOW - timedelta(hours=4))
    view(views_hub, merged_email, both, NOW - timedelta(hours=2))
    view(views_hub, merged_email, both, NOW - timedelta(hours=3))
    view(views_hub, merged_email, only_merged, NOW - timedelta(hours=1))
    before = hub_rows(views_hub, survivor)
    counts = {p: int(r.view_count) for p, r in hub_rows(views_hub, merged).items()}
    terminal.pull()
    with write_tx(views_hub.engine) as conn:
        versions.lock_scopes(conn, [terminal.scope])  # as a caller of merge_customers does
        merge_customers(
            conn, merged_id=merged, survivor_id=survivor, matched_on="email", actor=None
        )
    terminal.pull()
    after = hub_rows(views_hub, survivor)
    assert hub_rows(views_hub, merged) == {}
    shared = product_id(views_hub, both)
    assert after[shared].id == before[shared].id  # the survivor's row, combined
    assert after[shared].view_count == before[shared].view_count + counts[shared]
    assert after[shared].viewed_at == iso(NOW - timedelta(hours=2))
    assert product_id(views_hub, only_merged) in after
    expected = min(KEEP, len(before.keys() | counts.keys()))
    assert len(after) == expected
    held = terminal.of(survivor)
    assert set(held) == set(after)
    assert terminal.of(merged) == {}
    assert held[shared]["view_count"] == after[shared].view_count


def test_a_looked_up_customer_bundle_carries_them(views_hub: ViewsHub) -> None:
    customer_id, email = views_hub.customer()
    view(views_hub, email, views_hub.skus[7], NOW - timedelta(hours=1))
    with views_hub.engine.connect() as conn:
        row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).one()
        bundle = lookups.bundle(conn, row, None)
    mine = [c for c in bundle.changes if c.entity == "recent_view"]
    assert mine and {c.data["customer_id"] for c in mine if c.data} == {customer_id}


def test_rows_older_than_the_window_are_pruned_periodically_and_the_terminal_drops_them(
    views_hub: ViewsHub, terminal: Terminal
) -> None:
    """A customer who viewed products 40 days ago and never since keeps nothing: the
    periodic prune deletes the stale rows in bounded batches, each with a tombstone the
    terminal pulls; the fresh row stays; a second run finds nothing. A view of a product
    whose row was just pruned starts a new row."""
    customer_id, email = views_hub.customer()
    with views_hub.engine.connect() as conn:
        scope = str(
            conn.execute(
                sa.select(customers.c.scope).where(customers.c.id == customer_id)
            ).scalar_one()
        )
    fresh = views_hub.skus[36]
    view(views_hub, email, fresh, NOW - timedelta(hours=1))  # first: a view prunes its own
    then = NOW - timedelta(days=40)
    old_skus = views_hub.skus[30:35]
    with write_tx(views_hub.engine) as conn:
        for n, sku in enumerate(old_skus):
            product = conn.execute(sa.select(products.c.id).where(products.c.sku == sku)).scalar()
            assert recent_views_module.note_view(
                conn,
                customer_id=customer_id,
                scope=scope,
                product_id=str(product),
                sku=sku,
                at=iso(then + timedelta(minutes=n)),
                now=then + timedelta(hours=1),
            )
    terminal.pull()
    assert len(terminal.of(customer_id)) == len(old_skus) + 1

    pruned = recent_views_module.prune_stale(views_hub.engine, now=NOW, batch=2)
    assert pruned >= len(old_skus)  # (and any seeded row of another customer that old)
    assert [r.sku for r in hub_rows(views_hub, customer_id).values()] == [fresh]
    changes = terminal.pull()
    dropped = {c.id for c in changes if c.op == "delete"}
    assert len(dropped) >= len(old_skus)
    assert [r["sku"] for r in terminal.of(customer_id).values()] == [fresh]
    with views_hub.engine.connect() as conn:
        kept = conn.execute(
            sa.select(sa.func.count())
            .select_from(tombstones)
            .where(tombstones.c.entity == "recent_view", tombstones.c.entity_id.in_(dropped))
        ).scalar_one()
    assert kept == len(dropped)
    assert recent_views_module.prune_stale(views_hub.engine, now=NOW, batch=2) == 0

    # Viewed again now: a new row (the pruned one does not come back).
    view(views_hub, email, old_skus[0], NOW - timedelta(minutes=5))
    again = hub_rows(views_hub, customer_id)
    assert sorted(r.sku for r in again.values()) == sorted([fresh, old_skus[0]])
    assert {str(r.id) for r in again.values()}.isdisjoint(dropped)


def test_the_hub_runs_the_prune_as_a_periodic_job(views_hub: ViewsHub, new_db: NewDb) -> None:
    """A hub process runs the prune every interval (the first one interval after its
    start): a stale row of its database goes without anyone calling it."""
    customer_id, _email = views_hub.customer()
    with views_hub.engine.connect() as conn:
        scope = str(
            conn.execute(
                sa.select(customers.c.scope).where(customers.c.id == customer_id)
            ).scalar_one()
        )
    long_ago = utc_now() - timedelta(days=45)
    sku = views_hub.skus[40]
    with write_tx(views_hub.engine) as conn:
        product = conn.execute(sa.select(products.c.id).where(products.c.sku == sku)).scalar()
        assert recent_views_module.note_view(
            conn,
            customer_id=customer_id,
            scope=scope,
            product_id=str(product),
            sku=sku,
            at=iso(long_ago),
            now=long_ago,
        )
    assert hub_rows(views_hub, customer_id)
    settings = views_hub.settings.model_copy(update={"recent_views_prune_interval_s": 0.2})
    with HubServer(settings=settings):
        done = threading.Event()
        deadline = threading.Timer(20, done.set)
        deadline.start()
        try:
            while hub_rows(views_hub, customer_id) and not done.wait(0.05):
                pass
        finally:
            deadline.cancel()
    assert hub_rows(views_hub, customer_id) == {}
