"""Other stores nearest first from this terminal's store (those without a position after
them, by name) and the stock on its way, in the product lookup and on the cart's lines
(cache migration 0015_stock_geo)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlite_utils import Database

from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.store.apply import apply_page
from clienteling.store.products import Incoming, find_products, product_stock
from clienteling.store.queries import customer_profile
from tests.store.conftest import SCOPE, STORE_ID, change, customer

# Here is Paris Opéra; Lyon (395 km) is nearer than Marseille (663 km), Annecy and
# Bordeaux have no position: after them, by name.
POSITIONS: dict[str, tuple[float, float] | None] = {
    STORE_ID: (48.8708, 2.3318),
    "marseille": (43.2951, 5.3740),
    "bordeaux": None,
    "lyon": (45.7605, 4.8596),
    "annecy": None,
    "web-1": (47.9030, 1.9093),
}
NAMES = {
    STORE_ID: "Paris Opéra",
    "marseille": "Marseille Vieux-Port",
    "bordeaux": "Bordeaux Sainte-Catherine",
    "lyon": "Lyon Part-Dieu",
    "annecy": "Annecy Lac",
    "web-1": "Entrepôt web",
}


def location(location_id: str) -> dict[str, Any]:
    at = POSITIONS[location_id]
    return {
        "id": location_id,
        "kind": "web" if location_id.startswith("web") else "store",
        "name": NAMES[location_id],
        "city": NAMES[location_id].split()[0],
        "timezone": "Europe/Paris",
        "currency": "EUR",
        "latitude": None if at is None else at[0],
        "longitude": None if at is None else at[1],
    }


def stock(location_id: str, on_hand: int, **more: Any) -> dict[str, Any]:
    return {
        "id": f"{location_id}:p1",
        "location_id": location_id,
        "product_id": "p1",
        "on_hand": on_hand,
        "reserved": 0,
    } | more


@pytest.fixture
def cache(db: Database) -> Database:
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[
            *(change("location", location(lid)) for lid in POSITIONS),
            change(
                "product",
                {
                    "id": "p1",
                    "sku": "SHO-VEJ-0001",
                    "barcode": "3000000000017",
                    "name": "Veja Campo 42",
                    "brand": "Veja",
                    "category": "Shoes",
                    "price_minor": 150_00,
                    "currency": "EUR",
                },
            ),
            change("inventory", stock(STORE_ID, 0, incoming=5, incoming_on="2026-12-12")),
            change("inventory", stock("marseille", 2)),
            change("inventory", stock("bordeaux", 1)),
            change("inventory", stock("lyon", 3, incoming=4, incoming_on=None)),
            change("inventory", stock("annecy", 0)),
            change("inventory", stock("web-1", 40, incoming=100, incoming_on="2026-12-20")),
        ],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    cart = {
        "id": "cart-1",
        "customer_id": "c1",
        "status": "abandoned",
        "checkout_step": "shipping",
        "updated_at": "2026-12-01T10:00:00+00:00",
        "currency": "EUR",
        "lines": [
            {
                "product_id": "p1",
                "sku": "SHO-VEJ-0001",
                "name": "Veja Campo 42",
                "qty": 1,
                "unit_price_minor": 150_00,
            }
        ],
    }
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("c1", given="Élodie", family="Martin"), change("cart", cart)],
        cursor="s1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    return db


def test_other_stores_are_nearest_first_then_unknown_by_name(cache: Database) -> None:
    found = product_stock(cache, "p1", store_id=STORE_ID)
    assert found is not None
    km = [(s.location_id, s.distance_km and round(s.distance_km)) for s in found.other_stores]
    assert km == [
        ("lyon", 395),
        ("marseille", 663),
        ("annecy", None),
        ("bordeaux", None),
    ]
    assert found.here is not None and found.here.distance_km is None
    assert found.web[0].distance_km == pytest.approx(112, abs=1)  # Orléans


def test_another_store_sees_the_order_from_where_it_is(cache: Database) -> None:
    found = product_stock(cache, "p1", store_id="marseille")
    assert found is not None
    assert [s.location_id for s in found.other_stores] == ["lyon", STORE_ID, "annecy", "bordeaux"]


def test_a_store_without_a_position_lists_the_others_by_name(cache: Database) -> None:
    found = product_stock(cache, "p1", store_id="annecy")
    assert found is not None
    assert [s.name for s in found.other_stores] == sorted(
        NAMES[lid] for lid in ("marseille", "bordeaux", "lyon", STORE_ID)
    )
    assert all(s.distance_km is None for s in found.other_stores)


def test_incoming_stock_with_and_without_a_day(cache: Database) -> None:
    found = product_stock(cache, "p1", store_id=STORE_ID)
    assert found is not None and found.here is not None
    assert found.here.available == 0
    assert found.here.incoming == Incoming(units=5, on=date(2026, 12, 12))
    lyon = found.other_stores[0]
    assert lyon.incoming == Incoming(units=4, on=None)
    assert found.other_stores[1].incoming is None  # Marseille: nothing on its way
    [hit] = find_products(cache, "veja", store_id=STORE_ID)
    assert hit.stock_here == 0 and hit.incoming_here == Incoming(5, date(2026, 12, 12))


def test_cart_lines_list_the_other_stores_nearest_first_and_what_is_coming(
    cache: Database,
) -> None:
    profile = customer_profile(cache, "c1", store_id=STORE_ID)
    assert profile is not None and profile.cart is not None
    [line] = profile.cart.lines
    assert line.stock_here == 0 and line.incoming_here == Incoming(5, date(2026, 12, 12))
    assert [s.location_id for s in line.other_stores] == ["lyon", "marseille", "annecy", "bordeaux"]
    assert line.stock_other_stores == 6 and line.stock_web == 40


def test_rows_from_an_older_hub_have_no_position_and_nothing_incoming(db: Database) -> None:
    old = {k: v for k, v in location(STORE_ID).items() if k not in ("latitude", "longitude")}
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[change("location", old), change("inventory", stock(STORE_ID, 2))],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    row = db.conn.execute("SELECT latitude, longitude FROM locations").fetchone()
    assert row == (None, None)
    assert db.conn.execute("SELECT incoming, incoming_on FROM inventory").fetchone() == (
        None,
        None,
    )
