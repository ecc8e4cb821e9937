"""What the cached orders teach (rules in `domain.learned`): a customer's sizes as bought,
and the store's "bought together" pairs.

The pairs are computed here, on the terminal, from the orders of the store's customers
that the store scope already brings (all channels): no hub table, no new wire entity, it
works offline, and it always agrees with the orders this terminal shows. The count runs
on the sync thread after a pass that pulled orders, at most hourly (`refresh_due`): one
read of the orders with two lines or more (~1 s at 200k orders on the 2-core machine)
and a rewrite of the small `bought_together` table (pairs of products, no customer) in
one transaction. The profile then reads only the rows of its cart's products (~0.4 ms).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from clienteling.domain.learned import (
    MIN_ORDERS_TOGETHER,
    RETURNED,
    LearnedSize,
    PurchasedLine,
    count_pairs,
    kept_products,
    learned_sizes,
    suggest_together,
)
from clienteling.store.meta import get_meta, set_meta
from clienteling.store.transactions import write_transaction
from clienteling.store.views import TogetherView

log = logging.getLogger(__name__)

_REFRESHED_KEY = "bought_together_refreshed_at"
REFRESH_EVERY = timedelta(hours=1)
SUGGESTIONS = 5


def customer_sizes(db: Database, customer_id: str) -> dict[str, LearnedSize]:
    """The sizes `customer_id` bought, per preference kind (their orders, all channels)."""
    rows = db.conn.execute(
        "SELECT o.status, o.placed_at, o.lines FROM orders AS o WHERE o.customer_id = ?",
        (customer_id,),
    ).fetchall()
    lines = [line for status, at, text in rows for line in _lines(status, at, text)]
    if not lines:
        return {}
    ids = sorted({line.product_id for line in lines})
    marks = ",".join("?" * len(ids))
    catalogue = {
        str(r[0]): (str(r[1]), str(r[2]), None if r[3] is None else str(r[3]))
        for r in db.conn.execute(
            f"SELECT id, name, category, size FROM products WHERE id IN ({marks})", ids
        )
    }
    known = [
        PurchasedLine(
            line.product_id,
            catalogue[line.product_id][0],
            catalogue[line.product_id][1],
            line.qty,
            line.returned_qty,
            line.order_status,
            line.placed_at,
            size=catalogue[line.product_id][2],
        )
        for line in lines
        if line.product_id in catalogue
    ]
    return learned_sizes(known)


def _lines(status: str, placed_at: str, text: str) -> Iterator[PurchasedLine]:
    for raw in json.loads(text):
        product_id = raw.get("product_id")
        if product_id:
            yield PurchasedLine(
                str(product_id),
                str(raw.get("name") or ""),
                "",
                int(raw.get("qty") or 0),
                int(raw.get("returned_qty") or 0),
                status,
                placed_at,
            )


def refresh_due(db: Database, *, pulled_orders: bool, now: datetime | None = None) -> bool:
    """Whether to recount now: never counted yet, or orders came in and the last count
    is older than REFRESH_EVERY (the pattern changes slowly; the count reads every order,
    about a second at 200k orders, so not after every five-minute pass)."""
    last = get_meta(db, _REFRESHED_KEY)
    if last is None:
        return True
    if not pulled_orders:
        return False
    return (now or datetime.now(UTC)) - datetime.fromisoformat(last) >= REFRESH_EVERY


def refresh_bought_together(db: Database, *, now: datetime | None = None) -> int:
    """Recount the pairs over every cached order; returns the pairs kept (those seen in
    at least MIN_ORDERS_TOGETHER orders, stored in both directions). Only orders with
    two lines or more can pair, and SQLite finds those without Python parsing the rest."""
    baskets = (
        kept_products(
            status,
            (
                (
                    str(line.get("product_id") or ""),
                    int(line.get("qty") or 0),
                    int(line.get("returned_qty") or 0),
                )
                for line in json.loads(text)
            ),
        )
        - {""}
        for status, text in db.conn.execute(
            "SELECT status, lines FROM orders WHERE status != ? AND json_array_length(lines) > 1",
            (RETURNED,),
        )
    )
    counts = count_pairs(baskets)
    rows = [
        row
        for (a, b), n in counts.items()
        if n >= MIN_ORDERS_TOGETHER
        for row in ((a, b, n), (b, a, n))
    ]
    with write_transaction(db):
        db.execute("DELETE FROM bought_together")
        db.conn.executemany(
            "INSERT INTO bought_together (product_id, other_id, orders) VALUES (?, ?, ?)", rows
        )
        set_meta(db, _REFRESHED_KEY, (now or datetime.now(UTC)).isoformat())
    log.info("bought together: %d pairs kept of %d seen", len(rows) // 2, len(counts))
    return len(rows) // 2


def bought_together(
    db: Database, basket: Sequence[str], *, store_id: str | None, limit: int = SUGGESTIONS
) -> list[TogetherView]:
    """Suggestions beside the products in `basket` (a cart, a visit), best first, with
    price and stock in `store_id`; empty when nothing pairs often enough."""
    chosen = sorted(set(basket))
    if not chosen:
        return []
    marks = ",".join("?" * len(chosen))
    rows = db.conn.execute(
        f"SELECT product_id, other_id, orders FROM bought_together WHERE product_id IN ({marks})",
        chosen,
    ).fetchall()
    ranked = suggest_together(((str(a), str(b), int(n)) for a, b, n in rows), chosen, limit=limit)
    views = []
    for product_id, orders in ranked:
        product = db.conn.execute(
            "SELECT p.name, p.price_minor, p.currency, i.on_hand - i.reserved, p.sku "
            "FROM products AS p LEFT JOIN inventory AS i "
            "ON i.product_id = p.id AND i.location_id IS ? WHERE p.id = ?",
            (store_id, product_id),
        ).fetchone()
        if product is None:
            continue
        views.append(
            TogetherView(
                product_id=product_id,
                sku=str(product[4]),
                name=str(product[0]),
                price_minor=int(product[1]),
                currency=str(product[2]),
                orders=orders,
                stock_here=None if product[3] is None else max(0, int(product[3])),
            )
        )
    return views
