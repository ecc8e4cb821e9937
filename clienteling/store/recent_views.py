"""The customer's recently viewed products as cached here (pulled `recent_view` rows),
newest first, each with the one price and the stock here, in the other stores and on
the web, as the live cart's lines show them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from clienteling.store.stock import line_stock
from clienteling.store.views import RecentViewView

SHOWN = 20  # the hub keeps no more per customer
WINDOW = timedelta(days=30)  # the hub prunes older rows when the customer views again


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def customer_recent_views(
    db: Database, customer_id: str, *, store_id: str | None, now: datetime | None = None
) -> list[RecentViewView]:
    """Newest first, one line per product (a merge re-points rows here before the hub's
    tombstones of the combined ones arrive: the newest row of a product counts), none
    older than the window: the hub drops those only at the customer's next view."""
    since = ((now or datetime.now(UTC)) - WINDOW).astimezone(UTC).replace(microsecond=0)
    rows = db.conn.execute(
        "SELECT r.product_id, r.sku, r.viewed_at, r.view_count, "
        "coalesce(p.name, r.product_name), p.price_minor, p.currency, p.id IS NOT NULL, "
        "r.size, r.colour "
        "FROM recent_views AS r LEFT JOIN products AS p ON p.id = r.product_id "
        "WHERE r.customer_id = ? AND r.viewed_at >= ? ORDER BY r.viewed_at DESC, r.id DESC",
        (customer_id, since.isoformat()),
    ).fetchall()
    seen: set[str] = set()
    found: list[RecentViewView] = []
    for product_id, sku, viewed_at, count, name, price, currency, listed, size, colour in rows:
        if product_id in seen:
            continue
        seen.add(product_id)
        stock = line_stock(db, str(product_id), store_id=store_id)
        if not listed:  # left the catalog: the variant as viewed
            stock["size"], stock["colour"] = size, colour
        found.append(
            RecentViewView(
                product_id=str(product_id),
                sku=str(sku),
                name=str(name) if name is not None else str(sku),
                price_minor=None if price is None else int(price),
                currency=None if currency is None else str(currency),
                viewed_at=_time(str(viewed_at)),
                view_count=int(count),
                **stock,
            )
        )
        if len(found) == SHOWN:
            break
    return found


def sample_customer_with_recent_views(db: Database, *, store_id: str | None) -> str | None:
    """The customer with the most viewed products available in `store_id` (demos, tests:
    a line that can be held here)."""
    row = db.conn.execute(
        "SELECT r.customer_id FROM recent_views AS r JOIN inventory AS i "
        "ON i.product_id = r.product_id AND i.location_id = ? AND i.on_hand > i.reserved "
        "GROUP BY r.customer_id ORDER BY count(*) DESC, r.customer_id LIMIT 1",
        (store_id,),
    ).fetchone()
    return None if row is None else str(row[0])
