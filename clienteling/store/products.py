"""Product and stock lookup in the cached catalogue (issue 6, "Inventory and products").

A product is found by its barcode or SKU (exact, through their indexes: what a scanner
types) or by words of its name, brand or SKU (the `product_fts` index, diacritic-blind,
prefixes while typing). Stock is what can be sold now: on hand minus reserved, per
location: this store, the other stores (nearest first from this store), the web
warehouse; with what is on its way when the hub knows. One price for every channel.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlite_utils import Database

from clienteling.domain.geo import Position, distance_km, nearest_first, position
from clienteling.domain.text import words


@dataclass(frozen=True, slots=True)
class ProductHit:
    id: str
    sku: str
    barcode: str
    name: str
    brand: str
    category: str
    price_minor: int
    currency: str
    stock_here: int | None  # available in this terminal's store; None when unknown
    size: str | None = None  # the variant's attributes; None when it has none
    colour: str | None = None
    incoming_here: Incoming | None = None  # on its way to this store, when known


@dataclass(frozen=True, slots=True)
class Incoming:
    """Units on their way to a location and the day they are expected (None: not said)."""

    units: int
    on: date | None = None


@dataclass(frozen=True, slots=True)
class LocationStock:
    location_id: str
    name: str
    city: str
    kind: str  # store | web
    on_hand: int
    reserved: int
    distance_km: float | None = None  # from this terminal's store; None when not known
    incoming: Incoming | None = None

    @property
    def available(self) -> int:
        return max(0, self.on_hand - self.reserved)


@dataclass(frozen=True, slots=True)
class ProductStock:
    """A product's stock everywhere: `here` first, then the other stores nearest first
    (those at an unknown distance after them, by name), then web."""

    product: ProductHit
    here: LocationStock | None
    other_stores: list[LocationStock] = field(default_factory=list)
    web: list[LocationStock] = field(default_factory=list)

    @property
    def available_elsewhere(self) -> int:
        return sum(s.available for s in self.other_stores)

    @property
    def available_online(self) -> int:
        return sum(s.available for s in self.web)


# The row of this store's stock rides along as JSON (one lookup, not three subqueries).
_HIT_COLUMNS = (
    "p.id, p.sku, p.barcode, p.name, p.brand, p.category, p.price_minor, p.currency, "
    "(SELECT json_array(max(0, i.on_hand - i.reserved), i.incoming, i.incoming_on) "
    "FROM inventory AS i WHERE i.location_id = ? AND i.product_id = p.id), p.size, p.colour"
)


def incoming(units: object, on: object) -> Incoming | None:
    """What is on its way, from the cache's `incoming`, `incoming_on`; None when nothing
    is known to be (a day that is not a day is dropped, the units still count)."""
    if units is None or int(str(units)) <= 0:
        return None
    day: date | None = None
    if on is not None:
        try:
            day = date.fromisoformat(str(on))
        except ValueError:
            day = None
    return Incoming(units=int(str(units)), on=day)


def _hit(row: Sequence[object]) -> ProductHit:
    here = None if row[8] is None else json.loads(str(row[8]))
    return ProductHit(
        id=str(row[0]),
        sku=str(row[1]),
        barcode=str(row[2]),
        name=str(row[3]),
        brand=str(row[4]),
        category=str(row[5]),
        price_minor=int(str(row[6])),
        currency=str(row[7]),
        stock_here=None if here is None else int(here[0]),
        size=None if row[9] is None else str(row[9]),
        colour=None if row[10] is None else str(row[10]),
        incoming_here=None if here is None else incoming(here[1], here[2]),
    )


def product_by_code(db: Database, code: str, *, store_id: str | None) -> ProductHit | None:
    """The product whose barcode or SKU is exactly `code` (case-blind for SKUs)."""
    text = code.strip()
    if not text:
        return None
    row = db.conn.execute(
        f"SELECT {_HIT_COLUMNS} FROM products AS p WHERE p.barcode = ? "
        f"UNION ALL SELECT {_HIT_COLUMNS} FROM products AS p WHERE p.sku = ? "
        "LIMIT 1",
        (store_id, text, store_id, text.upper()),
    ).fetchone()
    return None if row is None else _hit(row)


def find_products(
    db: Database, query: str, *, store_id: str | None, limit: int = 50
) -> list[ProductHit]:
    """Products for what the associate typed: an exact code first, then name matches
    (every word a prefix of a word of the name, brand or SKU), by name."""
    exact = product_by_code(db, query, store_id=store_id)
    tokens = words(query)
    hits: list[ProductHit] = [exact] if exact else []
    if tokens:
        match = " AND ".join(f'"{token}"*' for token in tokens)
        rows = db.conn.execute(
            f"SELECT {_HIT_COLUMNS} FROM product_fts AS f "
            "JOIN products AS p ON p.rowid = f.rowid "
            "WHERE product_fts MATCH ? ORDER BY p.name, p.id LIMIT ?",
            (store_id, match, limit + 1),
        ).fetchall()
        hits += [_hit(row) for row in rows if exact is None or row[0] != exact.id]
    return hits[:limit]


def products_by_id(
    db: Database, product_ids: Sequence[str], *, store_id: str | None
) -> list[ProductHit]:
    """The cached products among `product_ids`, in the order given."""
    rows = db.conn.execute(
        f"SELECT {_HIT_COLUMNS} FROM products AS p WHERE p.id IN (SELECT value FROM json_each(?))",
        (store_id, json.dumps(list(product_ids))),
    ).fetchall()
    by_id = {str(row[0]): _hit(row) for row in rows}
    return [by_id[pid] for pid in product_ids if pid in by_id]


def store_position(db: Database, store_id: str | None) -> Position | None:
    """Where the store is, as cached; None when not known."""
    if store_id is None:
        return None
    row = db.conn.execute(
        "SELECT latitude, longitude FROM locations WHERE id = ?", (store_id,)
    ).fetchone()
    if row is None:
        return None
    try:
        return position(row[0], row[1])
    except ValueError:
        return None  # off the globe: as good as not known


def _position_of(latitude: object, longitude: object) -> Position | None:
    try:
        return position(
            None if latitude is None else float(str(latitude)),
            None if longitude is None else float(str(longitude)),
        )
    except ValueError:
        return None


def nearest_stores(stores: Sequence[LocationStock]) -> list[LocationStock]:
    """Other stores nearest first; those at an unknown distance after them, by name."""
    return nearest_first(stores, distance=lambda s: s.distance_km, name=lambda s: s.name)


def stock_elsewhere(
    db: Database, product_id: str, *, store_id: str | None
) -> tuple[LocationStock | None, list[LocationStock], list[LocationStock]]:
    """(here, other stores nearest first, web warehouses by name) for one product."""
    origin = store_position(db, store_id)
    here: LocationStock | None = None
    others: list[LocationStock] = []
    web: list[LocationStock] = []
    for row in db.conn.execute(
        "SELECT l.id, l.name, l.city, l.kind, i.on_hand, i.reserved, l.latitude, "
        "l.longitude, i.incoming, i.incoming_on "
        "FROM inventory AS i JOIN locations AS l ON l.id = i.location_id "
        "WHERE i.product_id = ? ORDER BY l.kind, l.name, l.id",
        (product_id,),
    ):
        is_here = row[0] == store_id
        stock = LocationStock(
            location_id=row[0],
            name=row[1],
            city=row[2],
            kind=row[3],
            on_hand=int(row[4]),
            reserved=int(row[5]),
            distance_km=None if is_here else distance_km(origin, _position_of(row[6], row[7])),
            incoming=incoming(row[8], row[9]),
        )
        if is_here:
            here = stock
        elif stock.kind == "web":
            web.append(stock)
        else:
            others.append(stock)
    return here, nearest_stores(others), web


def product_stock(db: Database, product_id: str, *, store_id: str | None) -> ProductStock | None:
    """The product and its stock per location, as last synced."""
    found = products_by_id(db, [product_id], store_id=store_id)
    if not found:
        return None
    here, others, web = stock_elsewhere(db, product_id, store_id=store_id)
    return ProductStock(product=found[0], here=here, other_stores=others, web=web)
