"""Stock and variant of a cached product, as the customer 360 shows them beside a line
(the live cart, the recently viewed products): available here, in the other stores
and on the web."""

from __future__ import annotations

from sqlite_utils import Database


def variant(db: Database, product_id: str) -> tuple[str | None, str | None]:
    """The cached product's (size, colour); (None, None) when unknown or it has none."""
    row = db.conn.execute(
        "SELECT size, colour FROM products WHERE id = ?", (product_id,)
    ).fetchone()
    if row is None:
        return None, None
    return (None if row[0] is None else str(row[0]), None if row[1] is None else str(row[1]))


def available(db: Database, *, store_id: str | None, product_id: str) -> int | None:
    """On hand minus reserved at `store_id`; None when unknown here."""
    if store_id is None:
        return None
    row = db.conn.execute(
        "SELECT on_hand - reserved FROM inventory WHERE location_id = ? AND product_id = ?",
        (store_id, product_id),
    ).fetchone()
    return None if row is None else max(0, int(row[0]))


def available_elsewhere(db: Database, *, store_id: str | None, product_id: str) -> dict[str, int]:
    """Available (on hand minus reserved, per location) summed by location kind
    ("store": the other stores, "web": the web warehouse); a kind without any stock row
    in the cache is missing (unknown, not zero)."""
    rows = db.conn.execute(
        "SELECT l.kind, sum(max(0, i.on_hand - i.reserved)) FROM inventory AS i "
        "JOIN locations AS l ON l.id = i.location_id "
        "WHERE i.product_id = ? AND i.location_id IS NOT ? GROUP BY l.kind",
        (product_id, store_id),
    ).fetchall()
    return {str(kind): int(total) for kind, total in rows}
