"""Product lookup (codes, name words, stock per location) and visits in the cache: written
pending with their mutation, cleared by the hub's copy, kept through a reset."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.store import outbox
from clienteling.store.apply import apply_page, reset_scope
from clienteling.store.products import find_products, product_by_code, product_stock
from clienteling.store.queries import customer_profile
from clienteling.store.visits import customer_visits, log_visit
from tests.store.conftest import SCOPE, STORE_ID, change, customer, delete

OTHER_STORE = "store-2"
WEB = "web-1"


def location(location_id: str, name: str, kind: str = "store") -> dict[str, Any]:
    return {
        "id": location_id,
        "kind": kind,
        "name": name,
        "city": name,
        "timezone": "Europe/Paris",
        "currency": "EUR",
    }


def product(product_id: str, name: str, sku: str, barcode: str, brand: str) -> dict[str, Any]:
    return {
        "id": product_id,
        "sku": sku,
        "barcode": barcode,
        "name": name,
        "brand": brand,
        "category": "Laptops",
        "price_minor": 1_299_00,
        "currency": "EUR",
    }


def stock(location_id: str, product_id: str, on_hand: int, reserved: int) -> dict[str, Any]:
    return {
        "id": f"{location_id}:{product_id}",
        "location_id": location_id,
        "product_id": product_id,
        "on_hand": on_hand,
        "reserved": reserved,
    }


@pytest.fixture
def catalog(db: Database) -> Database:
    apply_page(
        db,
        scope=CATALOG_SCOPE,
        changes=[
            change("location", location(STORE_ID, "Paris Opéra")),
            change("location", location(OTHER_STORE, "Lyon Part-Dieu")),
            change("location", location(WEB, "Entrepôt web", "web")),
            change(
                "product",
                product(
                    "p1", "Lenovo ThinkPad X1 Carbon", "LAP-LEN-0001", "3000000000017", "Lenovo"
                ),
            ),
            change(
                "product",
                product("p2", "Écouteurs Sony WF-1000XM5", "AUD-SON-0002", "3000000000024", "Sony"),
            ),
            change(
                "product",
                product("p3", "Lenovo Yoga Slim 7", "LAP-LEN-0003", "3000000000031", "Lenovo"),
            ),
            change("inventory", stock(STORE_ID, "p1", 5, 2)),
            change("inventory", stock(OTHER_STORE, "p1", 4, 0)),
            change("inventory", stock(WEB, "p1", 80, 1)),
            change("inventory", stock(STORE_ID, "p2", 1, 3)),
        ],
        cursor="c1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    apply_page(
        db,
        scope=SCOPE,
        changes=[customer("c1", given="Élodie", family="Martin")],
        cursor="s1",
        last_mutation_id=0,
        snapshot_done=True,
    )
    return db


def test_codes_find_exactly_one_product(catalog: Database) -> None:
    scanned = product_by_code(catalog, "3000000000024", store_id=STORE_ID)
    typed = product_by_code(catalog, " lap-len-0003 ", store_id=STORE_ID)
    assert scanned is not None and scanned.id == "p2"
    assert typed is not None and typed.id == "p3"
    assert product_by_code(catalog, "3000000000099", store_id=STORE_ID) is None
    assert product_by_code(catalog, "", store_id=STORE_ID) is None


def test_words_find_by_name_brand_and_sku_prefix_without_diacritics(catalog: Database) -> None:
    assert [h.id for h in find_products(catalog, "lenovo", store_id=STORE_ID)] == ["p1", "p3"]
    assert [h.id for h in find_products(catalog, "ecouteurs", store_id=STORE_ID)] == ["p2"]
    assert [h.id for h in find_products(catalog, "thin carb", store_id=STORE_ID)] == ["p1"]
    assert [h.id for h in find_products(catalog, "LAP-LEN-0003", store_id=STORE_ID)] == ["p3"]
    assert find_products(catalog, "macbook", store_id=STORE_ID) == []
    hits = find_products(catalog, "sony", store_id=STORE_ID)
    assert hits[0].stock_here == 0  # 1 on hand, 3 reserved: nothing to sell
    assert find_products(catalog, "yoga", store_id=STORE_ID)[0].stock_here is None


def test_the_name_index_follows_renames_and_deletes(catalog: Database) -> None:
    renamed = product("p3", "Lenovo IdeaPad Pro 5", "LAP-LEN-0003", "3000000000031", "Lenovo")
    apply_page(
        catalog,
        scope=CATALOG_SCOPE,
        changes=[change("product", renamed, version=5), delete("product", "p2")],
        cursor="c2",
        last_mutation_id=0,
        snapshot_done=True,
    )
    assert find_products(catalog, "yoga", store_id=STORE_ID) == []
    assert [h.id for h in find_products(catalog, "ideapad", store_id=STORE_ID)] == ["p3"]
    assert find_products(catalog, "sony", store_id=STORE_ID) == []
    # Raises when the index and the table disagree.
    catalog.execute("INSERT INTO product_fts (product_fts) VALUES ('integrity-check')")


def test_stock_here_in_other_stores_and_online(catalog: Database) -> None:
    found = product_stock(catalog, "p1", store_id=STORE_ID)
    assert found is not None
    assert found.product.price_minor == 1_299_00
    assert found.here is not None and found.here.available == 3
    assert [(s.name, s.available) for s in found.other_stores] == [("Lyon Part-Dieu", 4)]
    assert found.available_online == 79
    assert product_stock(catalog, "nope", store_id=STORE_ID) is None


def _log(db: Database, **overrides: Any) -> str:
    args: dict[str, Any] = {
        "visit_id": "v1",
        "customer_id": "c1",
        "outcome": "left_without_buying",
        "reason": "size_colour_missing",
        "reason_text": "",
        "product_ids": ["p1", "p2"],
        "survey_token": "tok-0123456789abcdef",
        "associate_id": "a1",
        "associate_name": "Camille Laurent",
        "store_id": STORE_ID,
    }
    args.update(overrides)
    return log_visit(db, **args).id


def test_a_visit_is_written_pending_with_its_mutation(catalog: Database) -> None:
    _log(catalog)
    [visit] = customer_visits(catalog, "c1")
    assert visit.pending and visit.store_name == "Paris Opéra"
    assert [p.name for p in visit.products] == [
        "Lenovo ThinkPad X1 Carbon",
        "Écouteurs Sony WF-1000XM5",
    ]
    [queued] = outbox.pending(catalog)
    assert queued.name == "visit.log"
    assert queued.args["id"] == "v1" and queued.args["reason"] == "size_colour_missing"
    assert [p["sku"] for p in queued.args["products"]] == ["LAP-LEN-0001", "AUD-SON-0002"]
    profile = customer_profile(catalog, "c1", store_id=STORE_ID)
    assert profile is not None and [v.id for v in profile.visits] == ["v1"]


@pytest.mark.parametrize(
    "overrides",
    [
        {"reason": None},
        {"outcome": "maybe"},
        {"product_ids": ["p1", "zzz"]},
        {"customer_id": "unknown"},
        {"outcome": "bought_here", "reason": "price"},
    ],
)
def test_invalid_visits_are_not_written(catalog: Database, overrides: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        _log(catalog, **overrides)
    assert catalog.execute("SELECT count(*) FROM visits").fetchone()[0] == 0
    assert outbox.pending(catalog) == []


def test_the_hub_copy_clears_pending_and_a_reset_keeps_unsent_visits(catalog: Database) -> None:
    _log(catalog)
    _log(
        catalog,
        visit_id="v2",
        customer_id=None,
        reason="price",
        survey_token="tok-fedcba9876543210",
    )
    sent = dict(
        json.loads(catalog.execute("SELECT args FROM outbox WHERE mutation_id = 1").fetchone()[0])
    )
    hub_copy = {
        **sent,
        "store_id": STORE_ID,
        "associate_id": "a1",
        "associate_name": "Camille Laurent",
    }
    apply_page(
        catalog,
        scope=SCOPE,
        changes=[change("visit", hub_copy, version=9)],
        cursor="s2",
        last_mutation_id=1,
        snapshot_done=True,
    )
    pending = dict(catalog.execute("SELECT id, pending FROM visits").fetchall())
    assert pending == {"v1": 0, "v2": 1}
    reset_scope(catalog, SCOPE)
    assert [row[0] for row in catalog.execute("SELECT id FROM visits")] == ["v2"]


def test_an_acknowledged_visit_is_no_longer_pending_before_the_pull(catalog: Database) -> None:
    _log(catalog)
    _log(catalog, visit_id="v2", survey_token="tok-fedcba9876543210")
    _log(catalog, visit_id="v3", survey_token="tok-0000000000000003")
    outbox.mark_rejected(catalog, 2, "customer erased")
    outbox.acknowledge(catalog, 2)
    pending = {v.id: v.pending for v in customer_visits(catalog, "c1")}
    # v1 the hub has; v2 it refused (shown with the reason, not as done); v3 is not sent yet.
    assert pending == {"v1": False, "v2": False, "v3": True}
    refused = {v.id: v.refused for v in customer_visits(catalog, "c1")}
    assert refused["v2"] == "customer erased" and refused["v1"] is None
    assert catalog.execute("SELECT pending FROM visits WHERE id = 'v2'").fetchone()[0] == 1
