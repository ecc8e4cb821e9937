"""Where locations are and what stock is on its way (migration 0028), on both backends:
the generic stock feed sets `incoming`/`incoming_on`, an administrator sets a location's
position, the REST API shows both and a real terminal pulls them into its product lookup
(other stores nearest first)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import locations, products
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

from .conftest import SEED_NOW, NewDb, sign_in
from .test_ingest import SECRET, event, new_id, ok, send


@dataclass
class GeoHub:
    url: str
    engine: Engine
    summary: dict[str, Any]

    @property
    def paris(self) -> str:
        return str(self.summary["store_ids"][0])

    def location_id(self, city: str) -> str:
        with self.engine.connect() as conn:
            return str(
                conn.execute(sa.select(locations.c.id).where(locations.c.city == city)).scalar_one()
            )

    def product(self, index: int) -> tuple[str, str]:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(products.c.id, products.c.sku).order_by(products.c.id).offset(index)
            ).first()
        assert row is not None
        return str(row.id), str(row.sku)


@pytest.fixture(scope="module")
def geo_hub(new_db: NewDb) -> Iterator[GeoHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=5, now=SEED_NOW)
    settings = HubSettings(db=url, port=0, webhook_secret=SECRET)
    with HubServer(settings=settings) as server:
        yield GeoHub(url=server.url, engine=engine, summary=summary)
    engine.dispose()


@pytest.fixture
def http(geo_hub: GeoHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=geo_hub.url, timeout=30) as client:
        yield client


def _level(http: httpx.Client, at: str, data: dict[str, Any], status: str = "applied") -> None:
    ok(send(http, event("inventory.updated", at, data)), status)


def _row(http: httpx.Client, product_id: str, location_id: str) -> dict[str, Any]:
    response = http.get(f"/api/v1/products/{product_id}/inventory")
    assert response.status_code == 200, response.text
    [row] = [r for r in response.json() if r["location_id"] == location_id]
    return dict(row)


def test_locations_carry_their_position(geo_hub: GeoHub, http: httpx.Client) -> None:
    sign_in(http)
    stores = {s["city"]: s for s in http.get("/api/v1/locations").json()}
    assert stores["Paris"]["latitude"] == pytest.approx(48.87, abs=0.01)
    assert stores["Paris"]["longitude"] == pytest.approx(2.33, abs=0.01)
    assert stores["Orléans"]["kind"] == "web" and stores["Orléans"]["latitude"] is not None
    one = http.get(f"/api/v1/stores/{geo_hub.paris}").json()
    assert one["latitude"] == stores["Paris"]["latitude"]


def test_the_stock_feed_sets_keeps_and_clears_incoming(geo_hub: GeoHub, http: httpx.Client) -> None:
    sign_in(http)
    product_id, sku = geo_hub.product(3)
    where = {"sku": sku, "location_id": geo_hub.paris}
    _level(
        http,
        "2025-06-01T10:00:00Z",
        where | {"on_hand": 0, "incoming": 7, "incoming_on": "2025-06-12"},
    )
    row = _row(http, product_id, geo_hub.paris)
    assert (row["on_hand"], row["incoming"], row["incoming_on"]) == (0, 7, "2025-06-12")

    _level(http, "2025-06-01T11:00:00Z", where | {"on_hand": 1})  # says nothing of incoming
    row = _row(http, product_id, geo_hub.paris)
    assert (row["on_hand"], row["incoming"], row["incoming_on"]) == (1, 7, "2025-06-12")

    _level(http, "2025-06-01T12:00:00Z", where | {"on_hand": 1, "incoming": 3})  # no day
    row = _row(http, product_id, geo_hub.paris)
    assert (row["incoming"], row["incoming_on"]) == (3, None)

    _level(http, "2025-06-01T12:30:00Z", where | {"on_hand": 8, "incoming": 0})  # delivered
    row = _row(http, product_id, geo_hub.paris)
    assert (row["on_hand"], row["incoming"], row["incoming_on"]) == (8, None, None)

    late = where | {"on_hand": 0, "incoming": 9, "incoming_on": "2025-06-20"}
    _level(http, "2025-06-01T09:00:00Z", late, "ignored")  # older than what was applied
    assert _row(http, product_id, geo_hub.paris)["incoming"] is None


@pytest.mark.parametrize(
    "bad",
    [
        {"incoming": 2, "incoming_on": "12/06/2025"},
        {"incoming": 2, "incoming_on": "2025-06-12T10:00:00Z"},
        {"incoming": -1},
        {"incoming_on": "2025-06-12"},
    ],
)
def test_a_bad_incoming_is_refused_with_what_is_wrong(
    geo_hub: GeoHub, http: httpx.Client, bad: dict[str, Any]
) -> None:
    _, sku = geo_hub.product(4)
    data = {"sku": sku, "location_id": geo_hub.paris, "on_hand": 1} | bad
    response = send(http, event("inventory.updated", "2025-06-01T10:00:00Z", data))
    assert response.status_code == 422, response.text
    assert "incoming" in response.text


def test_only_an_administrator_sets_a_position_both_or_neither(
    geo_hub: GeoHub, http: httpx.Client
) -> None:
    lyon = geo_hub.location_id("Lyon")
    sign_in(http)  # an associate
    denied = http.patch(f"/api/v1/locations/{lyon}/position", json={"latitude": 1, "longitude": 2})
    assert denied.status_code == 403
    sign_in(http, username="demo-admin")
    half = http.patch(f"/api/v1/locations/{lyon}/position", json={"latitude": 1, "longitude": None})
    assert half.status_code == 422
    off = http.patch(f"/api/v1/locations/{lyon}/position", json={"latitude": 91, "longitude": 0})
    assert off.status_code == 422
    missing = http.patch(
        f"/api/v1/locations/{new_id()[:30]}/position", json={"latitude": 1, "longitude": 2}
    )
    assert missing.status_code == 404


def test_a_pulled_terminal_lists_other_stores_nearest_first_with_incoming(
    geo_hub: GeoHub, http: httpx.Client, tmp_path: Path
) -> None:
    product_id, sku = geo_hub.product(5)
    lyon, marseille = geo_hub.location_id("Lyon"), geo_hub.location_id("Marseille")
    _level(
        http,
        "2025-06-02T10:00:00Z",
        {
            "sku": sku,
            "location_id": geo_hub.paris,
            "on_hand": 0,
            "incoming": 5,
            "incoming_on": "2025-06-12",
        },
    )
    terminal = Terminal(data_dir=tmp_path / "t", hub_url=geo_hub.url, secrets=MemorySecretStore())
    try:
        terminal.sign_in("demo-associate", "demo")
        terminal.sync_once()
        stock = terminal.product_stock(product_id)
        assert stock is not None and stock.here is not None
        assert stock.here.incoming is not None
        assert (stock.here.incoming.units, stock.here.incoming.on) == (5, date(2025, 6, 12))
        assert [s.location_id for s in stock.other_stores] == [lyon, marseille]
        assert [round(s.distance_km or 0) for s in stock.other_stores] == [395, 663]

        # The administrator puts Marseille next door: the next catalog sync brings it.
        sign_in(http, username="demo-admin")
        moved = http.patch(
            f"/api/v1/locations/{marseille}/position", json={"latitude": 48.80, "longitude": 2.13}
        )
        assert moved.status_code == 200, moved.text
        assert moved.json()["latitude"] == 48.80
        with geo_hub.engine.connect() as conn:
            version = conn.execute(
                sa.select(locations.c.version).where(locations.c.id == marseille)
            ).scalar_one()
        again = http.patch(
            f"/api/v1/locations/{marseille}/position", json={"latitude": 48.80, "longitude": 2.13}
        )
        assert again.status_code == 200
        with geo_hub.engine.connect() as conn:
            assert (
                conn.execute(
                    sa.select(locations.c.version).where(locations.c.id == marseille)
                ).scalar_one()
                == version
            )  # the same position again: nothing new to send
        report = terminal.sync_once()
        assert "location" in report.kinds
        stock = terminal.product_stock(product_id)
        assert stock is not None
        assert [s.location_id for s in stock.other_stores] == [marseille, lyon]
        assert round(stock.other_stores[0].distance_km or 0) == 17
    finally:
        terminal.close()
        with geo_hub.engine.begin() as conn:  # leave the module's hub as seeded
            conn.execute(
                sa.update(locations)
                .where(locations.c.id == marseille)
                .values(latitude=43.2951, longitude=5.3740)
            )
