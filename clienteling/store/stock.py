"""Stock and variant of a cached product, as the customer 360 shows them beside a line
(the live cart, the recently viewed products): available here, in the other stores
(nearest first) and on the web, and what is on its way here."""

from __future__ import annotations

from typing import TypedDict

from sqlite_utils import Database

from clienteling.store.products import Incoming, LocationStock, stock_elsewhere


class LineStock(TypedDict):
    """The fields a cart line and a recently viewed line share (`store.views`)."""

    stock_here: int | None  # None: unknown here (no stock row, or no store)
    size: str | None
    colour: str | None
    stock_other_stores: int | None  # None: no other store's row in the cache
    stock_web: int | None
    other_stores: tuple[LocationStock, ...]
    incoming_here: Incoming | None


def variant(db: Database, product_id: str) -> tuple[str | None, str | None]:
    """The cached product's (size, colour); (None, None) when unknown or it has none."""
    row = db.conn.execute(
        "SELECT size, colour FROM products WHERE id = ?", (product_id,)
    ).fetchone()
    if row is None:
        return None, None
    return (None if row[0] is None else str(row[0]), None if row[1] is None else str(row[1]))


def line_stock(db: Database, product_id: str, *, store_id: str | None) -> LineStock:
    """Where the product of a line is available, as the line shows it."""
    size, colour = variant(db, product_id)
    here, others, web = stock_elsewhere(db, product_id, store_id=store_id)
    return LineStock(
        stock_here=None if store_id is None or here is None else here.available,
        size=size,
        colour=colour,
        stock_other_stores=sum(s.available for s in others) if others else None,
        stock_web=sum(s.available for s in web) if web else None,
        other_stores=tuple(others),
        incoming_here=None if here is None else here.incoming,
    )
