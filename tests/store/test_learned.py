"""Sizes and "bought together" from the cached orders (store.learned): through pulled
pages into a real cache, then the profile."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from clienteling.domain.learned import LearnedSize, count_pairs, kept_products
from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.protocol.models import Change
from clienteling.store.apply import apply_page
from clienteling.store.learned import (
    REFRESH_EVERY,
    bought_together,
    customer_sizes,
    refresh_bought_together,
    refresh_due,
)
from clienteling.store.queries import customer_profile
from tests.store.conftest import SCOPE, STORE_ID, change, customer

PRODUCTS = {
    "shoe42": ("Veja V-10 42", "Shoes"),
    "shoe38": ("Veja V-10 38", "Shoes"),
    "jacketM": ("Barbour Beaufort M", "Jackets"),
    "bag": ("Longchamp Le Pliage Noir", "Bags"),
    "socks": ("Falke Run Noir", "Accessories"),
    "laces": ("Veja Laces Blanc", "Accessories"),
}


def _product(pid: str) -> Change:
    name, category = PRODUCTS[pid]
    return change(
        "product",
        {
            "id": pid,
            "sku": f"SKU-{pid}",
            "barcode": "0",
            "name": name,
            "brand": name.split()[0],
            "category": category,
            "price_minor": 50_00,
            "currency": "EUR",
        },
    )


def _order(
    oid: str, customer_id: str, lines: list[tuple[str, int, int]], status: str = "delivered"
) -> Change:
    day = 1 + int(oid.removeprefix("o"))
    data: dict[str, Any] = {
        "id": oid,
        "customer_id": customer_id,
        "channel": "web" if day % 2 else "store",
        "store_id": STORE_ID,
        "associate_id": None,
        "placed_at": f"2025-01-{day:02d}T10:00:00Z",
        "status": status,
        "total_minor": 0,
        "currency": "EUR",
        "lines": [
            {
                "product_id": pid,
                "sku": f"SKU-{pid}",
                "name": PRODUCTS[pid][0],
                "qty": qty,
                "unit_price_minor": 50_00,
                "returned_qty": returned,
            }
            for pid, qty, returned in lines
        ],
    }
    return change("order", data)


ORDERS = [
    _order("o1", "c1", [("shoe42", 1, 0), ("socks", 1, 0)]),
    _order("o2", "c1", [("shoe38", 1, 1), ("jacketM", 1, 0)], "partially_returned"),
    _order("o3", "c2", [("shoe42", 1, 0), ("socks", 2, 0), ("laces", 1, 0)]),
    _order("o4", "c2", [("shoe38", 1, 0), ("laces", 1, 0)], "returned"),
    _order("o5", "c3", [("shoe38", 1, 0), ("socks", 1, 0), ("laces", 1, 0)]),
    _order("o6", "c3", [("bag", 1, 0)]),
]


def _fill(db: Database) -> None:
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[_product(pid) for pid in PRODUCTS]
        + [
            change(
                "inventory",
                {
                    "id": f"{STORE_ID}:socks",
                    "location_id": STORE_ID,
                    "product_id": "socks",
                    "on_hand": 5,
                    "reserved": 1,
                },
            )
        ],
        cursor="c",
        last_mutation_id=0,
        snapshot_done=True,
    )
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer(f"c{i}", given=f"G{i}", family=f"F{i}") for i in (1, 2, 3)] + ORDERS,
        cursor="s",
        last_mutation_id=0,
        snapshot_done=True,
    )


def test_sizes_come_from_what_the_customer_kept_in_any_channel(db: Database) -> None:
    _fill(db)
    # c1 kept shoes in 42 (web) and a jacket in M (store); the 38 came back.
    assert customer_sizes(db, "c1") == {
        "shoes": LearnedSize("shoes", "42", 1),
        "top": LearnedSize("top", "M", 1),
    }
    assert customer_sizes(db, "c2") == {"shoes": LearnedSize("shoes", "42", 1)}  # o4 returned
    assert customer_sizes(db, "nobody") == {}


def test_pairs_agree_with_the_domain_rule_and_feed_the_profile(db: Database) -> None:
    _fill(db)
    assert refresh_due(db, pulled_orders=False)  # never counted
    kept = refresh_bought_together(db)
    expected = count_pairs(
        kept_products(
            c.data["status"],
            [(ln["product_id"], ln["qty"], ln["returned_qty"]) for ln in c.data["lines"]],
        )
        for c in ORDERS
        if c.data is not None
    )
    stored = {
        (a, b): n
        for a, b, n in db.execute("SELECT product_id, other_id, orders FROM bought_together")
    }
    assert {pair: n for pair, n in expected.items() if n >= 2} == {
        ("laces", "socks"): 2,
        ("shoe42", "socks"): 2,
    }
    assert stored == {
        ("laces", "socks"): 2,
        ("socks", "laces"): 2,
        ("shoe42", "socks"): 2,
        ("socks", "shoe42"): 2,
    }
    assert kept == 2

    suggestions = bought_together(db, ["shoe42"], store_id=STORE_ID)
    assert [(s.product_id, s.name, s.orders, s.stock_here) for s in suggestions] == [
        ("socks", "Falke Run Noir", 2, 4)
    ]
    both = bought_together(db, ["socks", "shoe42"], store_id=STORE_ID)
    assert [(s.product_id, s.orders, s.stock_here) for s in both] == [("laces", 2, None)]
    assert bought_together(db, [], store_id=STORE_ID) == []

    apply_page(
        db,
        scope=SCOPE,
        changes=[
            change(
                "cart",
                {
                    "id": "cart1",
                    "customer_id": "c3",
                    "status": "open",
                    "checkout_step": None,
                    "updated_at": "2025-03-01T10:00:00Z",
                    "currency": "EUR",
                    "lines": [
                        {
                            "product_id": "shoe42",
                            "sku": "SKU-shoe42",
                            "name": "Veja V-10 42",
                            "qty": 1,
                            "unit_price_minor": 50_00,
                        }
                    ],
                },
            )
        ],
        cursor="s2",
        last_mutation_id=0,
        snapshot_done=True,
    )
    profile = customer_profile(db, "c3", store_id=STORE_ID)
    assert profile is not None
    assert [s.product_id for s in profile.together] == ["socks"]
    assert profile.learned_sizes == {"shoes": LearnedSize("shoes", "38", 1)}


def test_the_recount_is_due_hourly_when_orders_come_in(db: Database) -> None:
    now = datetime(2026, 1, 1, 12, tzinfo=UTC)
    refresh_bought_together(db, now=now)
    assert not refresh_due(db, pulled_orders=True, now=now + REFRESH_EVERY / 2)
    assert not refresh_due(db, pulled_orders=False, now=now + timedelta(days=3))
    assert refresh_due(db, pulled_orders=True, now=now + REFRESH_EVERY)


def test_variant_attributes_reach_lookup_cart_and_learned_sizes(db: Database) -> None:
    """A catalogue with size/colour attributes (hub 0021): the size comes from the
    attribute even when the name does not end in it; an old row (no attributes) still
    reads its size from the name."""
    from clienteling.store.products import find_products

    shoe = {
        "id": "veja-blanc-41",
        "sku": "SKU-V41",
        "barcode": "1",
        "name": "Veja V-10 Blanc",  # no size in the name
        "brand": "Veja",
        "category": "Shoes",
        "price_minor": 150_00,
        "currency": "EUR",
        "size": "41",
        "colour": "Blanc",
    }
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[change("product", shoe), _product("shoe38")],  # shoe38: an old row
        cursor="c",
        last_mutation_id=0,
        snapshot_done=True,
    )
    lines = [
        {
            "product_id": "veja-blanc-41",
            "sku": "SKU-V41",
            "name": "Veja V-10 Blanc",
            "qty": 2,
            "unit_price_minor": 150_00,
            "returned_qty": 0,
        },
        {
            "product_id": "shoe38",
            "sku": "SKU-shoe38",
            "name": "Veja V-10 38",
            "qty": 1,
            "unit_price_minor": 50_00,
            "returned_qty": 0,
        },
    ]
    order = {
        "id": "o1",
        "customer_id": "c1",
        "channel": "web",
        "store_id": None,
        "associate_id": None,
        "placed_at": "2025-01-02T10:00:00Z",
        "status": "delivered",
        "total_minor": 350_00,
        "currency": "EUR",
        "lines": lines,
    }
    cart = {
        "id": "cart1",
        "customer_id": "c1",
        "status": "open",
        "checkout_step": None,
        "updated_at": "2025-03-01T10:00:00Z",
        "currency": "EUR",
        "lines": [{k: v for k, v in line.items() if k != "returned_qty"} for line in lines],
    }
    apply_page(
        db,
        scope=SCOPE,
        changes=[
            customer("c1", given="G", family="F"),
            change("order", order),
            change("cart", cart),
        ],
        cursor="s",
        last_mutation_id=0,
        snapshot_done=True,
    )
    # Two pieces in 41 (the attribute) beat one in 38 (read from the old row's name).
    assert customer_sizes(db, "c1") == {"shoes": LearnedSize("shoes", "41", 2)}
    [hit] = find_products(db, "SKU-V41", store_id=STORE_ID)
    assert (hit.size, hit.colour) == ("41", "Blanc")
    [old] = find_products(db, "SKU-shoe38", store_id=STORE_ID)
    assert (old.size, old.colour) == (None, None)
    profile = customer_profile(db, "c1", store_id=STORE_ID)
    assert profile is not None and profile.cart is not None
    assert [(ln.size, ln.colour) for ln in profile.cart.lines] == [("41", "Blanc"), (None, None)]
