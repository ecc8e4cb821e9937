"""The customer 360 from the cache, and notes written offline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.protocol.models import Change
from clienteling.store import outbox
from clienteling.store.apply import apply_page
from clienteling.store.queries import add_note, customer_profile, sample_customer_with_cart
from tests.store.conftest import SCOPE, STORE_ID, change, customer, delete

OTHER_STORE = "store-2"


def line(product: str, qty: int = 1) -> dict[str, object]:
    return {
        "product_id": product,
        "sku": f"SKU-{product}",
        "name": product,
        "qty": qty,
        "unit_price_minor": 10_00,
    }


@pytest.fixture
def filled(db: Database) -> Database:
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[
            change(
                "location",
                {
                    "id": STORE_ID,
                    "kind": "store",
                    "name": "Paris Opéra",
                    "city": "Paris",
                    "timezone": "Europe/Paris",
                    "currency": "EUR",
                },
            ),
            change(
                "location",
                {
                    "id": OTHER_STORE,
                    "kind": "store",
                    "name": "Lyon",
                    "city": "Lyon",
                    "timezone": "Europe/Paris",
                    "currency": "EUR",
                },
            ),
            change(
                "inventory",
                {
                    "id": f"{STORE_ID}:p1",
                    "location_id": STORE_ID,
                    "product_id": "p1",
                    "on_hand": 5,
                    "reserved": 2,
                },
            ),
            change(
                "location",
                {
                    "id": "web-1",
                    "kind": "web",
                    "name": "Web warehouse",
                    "city": "Paris",
                    "timezone": "Europe/Paris",
                    "currency": "EUR",
                },
            ),
            change(
                "inventory",
                {
                    "id": "web-1:p1",
                    "location_id": "web-1",
                    "product_id": "p1",
                    "on_hand": 40,
                    "reserved": 3,
                },
            ),
            change(
                "inventory",
                {
                    "id": f"{OTHER_STORE}:p1",
                    "location_id": OTHER_STORE,
                    "product_id": "p1",
                    "on_hand": 1,
                    "reserved": 4,
                },
            ),
            change(
                "inventory",
                {
                    "id": f"{OTHER_STORE}:p2",
                    "location_id": OTHER_STORE,
                    "product_id": "p2",
                    "on_hand": 9,
                    "reserved": 0,
                },
            ),
        ],
        cursor="cat",
        last_mutation_id=0,
        snapshot_done=True,
    )
    order = {
        "customer_id": "c1",
        "associate_id": None,
        "status": "delivered",
        "total_minor": 10_00,
        "currency": "EUR",
        "lines": [line("p1") | {"returned_qty": 0}],
    }
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("c1", given="Ana", family="Lopez", phones=["+33612345678"]),
            change(
                "consent",
                {
                    "id": "k1",
                    "customer_id": "c1",
                    "channel": "sms",
                    "granted": True,
                    "source": "store",
                    "at": "2025-01-01T10:00:00Z",
                },
            ),
            change(
                "consent",
                {
                    "id": "k2",
                    "customer_id": "c1",
                    "channel": "sms",
                    "granted": False,
                    "source": "web",
                    "at": "2025-02-01T10:00:00Z",
                },
            ),
            change(
                "consent",
                {
                    "id": "k3",
                    "customer_id": "c1",
                    "channel": "email",
                    "granted": True,
                    "source": "web",
                    "at": "2025-01-05T10:00:00Z",
                },
            ),
            change(
                "order",
                order
                | {
                    "id": "o-old",
                    "channel": "store",
                    "store_id": STORE_ID,
                    "placed_at": "2024-05-01T10:00:00Z",
                },
            ),
            change(
                "order",
                order
                | {
                    "id": "o-new",
                    "channel": "web",
                    "store_id": None,
                    "placed_at": "2025-03-01T10:00:00Z",
                },
            ),
            change(
                "cart",
                {
                    "id": "cart-old",
                    "customer_id": "c1",
                    "status": "ordered",
                    "checkout_step": None,
                    "updated_at": "2025-03-01T10:00:00Z",
                    "currency": "EUR",
                    "lines": [line("p9")],
                },
            ),
            change(
                "cart",
                {
                    "id": "cart-live",
                    "customer_id": "c1",
                    "status": "abandoned",
                    "checkout_step": "shipping",
                    "updated_at": "2025-02-01T10:00:00Z",
                    "currency": "EUR",
                    "lines": [line("p1", 2), line("p2")],
                },
            ),
        ],
        cursor="s",
        last_mutation_id=0,
        snapshot_done=True,
    )
    return db


def test_profile(filled: Database) -> None:
    profile = customer_profile(filled, "c1", store_id=STORE_ID)
    assert profile is not None
    assert profile.display_name == "Ana Lopez"
    assert profile.home_store_name == "Paris Opéra"
    assert profile.phones == ["+33612345678"]
    # The latest event per channel wins: the opt-out stands.
    assert [(c.channel, c.granted) for c in profile.consents] == [("email", True), ("sms", False)]
    assert [(o.id, o.store_name) for o in profile.orders] == [
        ("o-new", None),
        ("o-old", "Paris Opéra"),
    ]
    assert profile.orders[0].lines[0].sku == "SKU-p1"
    assert profile.cart is not None
    assert profile.cart.id == "cart-live"
    assert profile.cart.checkout_step == "shipping"
    assert [(ln.product_id, ln.stock_here) for ln in profile.cart.lines] == [
        ("p1", 3),
        ("p2", None),
    ]
    assert profile.cart.total_minor == 30_00
    assert sample_customer_with_cart(filled) == "c1"


def test_cart_lines_carry_stock_in_other_stores_and_online(filled: Database) -> None:
    """Issue 6: each cart line with stock here, in the other stores and on the web; an
    over-reserved store counts as none, and a kind of location without a stock row is
    unknown (None), not zero."""
    profile = customer_profile(filled, "c1", store_id=STORE_ID)
    assert profile is not None and profile.cart is not None
    stock = [
        (ln.product_id, ln.stock_here, ln.stock_other_stores, ln.stock_web)
        for ln in profile.cart.lines
    ]
    assert stock == [("p1", 3, 0, 37), ("p2", None, 9, None)]


def test_unknown_customer(filled: Database) -> None:
    assert customer_profile(filled, "nobody", store_id=STORE_ID) is None


def test_notes_newest_first_with_pending_flag(filled: Database) -> None:
    first = add_note(
        filled,
        note_id="n1",
        customer_id="c1",
        text="first",
        author_id="a",
        author_name="Camille",
        store_id=STORE_ID,
    )
    add_note(
        filled,
        note_id="n2",
        customer_id="c1",
        text="second",
        author_id="a",
        author_name="Camille",
        store_id=STORE_ID,
    )
    assert first.pending
    profile = customer_profile(filled, "c1", store_id=STORE_ID)
    assert profile is not None
    assert [(n.id, n.pending) for n in profile.notes] == [("n2", True), ("n1", True)]
    entries = outbox.pending(filled)
    assert [(m.mutation_id, m.name) for m in entries] == [(1, "note.add"), (2, "note.add")]
    assert entries[0].args == {
        "id": "n1",
        "customer_id": "c1",
        "text": "first",
        "created_at": entries[0].args["created_at"],
    }
    outbox.acknowledge(filled, 1)  # the hub has n1; its copy has not been pulled yet
    profile = customer_profile(filled, "c1", store_id=STORE_ID)
    assert profile is not None
    assert [(n.id, n.pending) for n in profile.notes] == [("n2", True), ("n1", False)]


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "x" * 5001])
def test_invalid_note_is_refused_and_nothing_is_queued(filled: Database, text: str) -> None:
    with pytest.raises(ValidationError):
        add_note(
            filled,
            note_id="n1",
            customer_id="c1",
            text=text,
            author_id="a",
            author_name="A",
            store_id=STORE_ID,
        )
    assert outbox.counts(filled).pending == 0


def test_note_for_a_customer_not_cached_is_refused(filled: Database) -> None:
    with pytest.raises(ValidationError):
        add_note(
            filled,
            note_id="n1",
            customer_id="ghost",
            text="hi",
            author_id="a",
            author_name="A",
            store_id=STORE_ID,
        )
    assert outbox.counts(filled).pending == 0


def _recent(row_id: str, product: str, at: str, count: int = 1) -> Change:
    return change(
        "recent_view",
        {
            "id": row_id,
            "customer_id": "c1",
            "product_id": product,
            "sku": f"SKU-{product}",
            "viewed_at": at,
            "view_count": count,
        },
    )


def test_recent_views_newest_first_with_price_and_stock_then_deleted(filled: Database) -> None:
    now = datetime.now(UTC).replace(microsecond=0)

    def ago(days: int) -> str:
        return (now - timedelta(days=days)).isoformat()

    product = {
        "id": "p1",
        "sku": "SKU-p1",
        "barcode": "1",
        "name": "Sac Lumière",
        "brand": "B",
        "category": "bags",
        "price_minor": 129_00,
        "currency": "EUR",
        "size": None,
        "colour": "Noir",
    }
    apply_page(
        filled,
        scope=CATALOG_SCOPE,
        changes=[change("product", product, version=50)],
        cursor="cat2",
        last_mutation_id=0,
        snapshot_done=True,
    )
    apply_page(
        filled,
        scope=SCOPE,
        changes=[
            _recent("r1", "p1", ago(3), count=3),
            _recent("r2", "p2", ago(2)),
            # A merge re-pointed another row of p1 here before its tombstone came: one line.
            _recent("r0", "p1", ago(5)),
            # Past the 30 days (the hub drops it at the next view): not shown.
            _recent("r9", "p3", ago(31)),
        ],
        cursor="s2",
        last_mutation_id=0,
        snapshot_done=True,
    )
    profile = customer_profile(filled, "c1", store_id=STORE_ID)
    assert profile is not None
    newest, older = profile.recent_views
    assert (newest.product_id, newest.name, newest.price_minor) == ("p2", "SKU-p2", None)
    assert (newest.stock_here, newest.stock_other_stores, newest.stock_web) == (None, 9, None)
    assert (older.name, older.price_minor, older.currency, older.colour) == (
        "Sac Lumière",
        129_00,
        "EUR",
        "Noir",
    )
    assert (older.view_count, older.stock_here, older.stock_other_stores, older.stock_web) == (
        3,
        3,
        0,
        37,
    )
    assert older.viewed_at.isoformat() == ago(3)
    apply_page(
        filled,
        scope=SCOPE,
        changes=[delete("recent_view", "r2"), delete("recent_view", "r0")],
        cursor="s3",
        last_mutation_id=0,
        snapshot_done=True,
    )
    profile = customer_profile(filled, "c1", store_id=STORE_ID)
    assert profile is not None
    assert [v.product_id for v in profile.recent_views] == ["p1"]
