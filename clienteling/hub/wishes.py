"""Wishes and their back-in-stock watch (the rules are in `domain.tasks`).

A wish is recorded where it is born, in that transaction: a visit logged "size/colour
missing" with products (`hub.visit_mutations`), an online product view while the product
is sold out online (`hub.ingest.apply`). Task generation (`hub.task_generation`) then
looks at each live wish's product at the customer's home store and moves its watch
(in stock -> empty -> back); "back" makes the task. Every change of a watch is
conditional on the state it was read in, so two generators at once move it once and
agree on when it came back (the task's dedupe key names that moment).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.tasks import WISH_WINDOW, StockWatch, Wish, next_watch
from clienteling.hub.clock import iso
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import customers, inventory, locations, orders, wishes


def free_stock(conn: Connection, *, location_id: str, product_id: str) -> int:
    row = conn.execute(
        sa.select(inventory.c.on_hand, inventory.c.reserved).where(
            inventory.c.location_id == location_id, inventory.c.product_id == product_id
        )
    ).first()
    return 0 if row is None else max(0, int(row.on_hand) - int(row.reserved))


def online_stock(conn: Connection, product_id: str) -> int:
    """Free stock of the product over the web warehouses (what the shop can sell)."""
    web = sa.select(locations.c.id).where(locations.c.kind == "web")
    value = conn.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(inventory.c.on_hand - inventory.c.reserved), 0)
        ).where(inventory.c.product_id == product_id, inventory.c.location_id.in_(web))
    ).scalar_one()
    return max(0, int(value))


def note_wish(
    conn: Connection, *, customer_id: str, product_id: str, source: str, at: str, now: datetime
) -> None:
    """Record (or renew with a newer time) the customer's wish for the product."""
    home = conn.execute(
        sa.select(customers.c.home_store_id).where(customers.c.id == customer_id)
    ).scalar_one_or_none()
    if home is None or not product_id:
        return
    empty = free_stock(conn, location_id=str(home), product_id=product_id) <= 0
    watch = StockWatch.EMPTY if empty else StockWatch.IN_STOCK
    wish_id = f"{customer_id}:{product_id}"
    values: dict[str, Any] = {
        "id": wish_id,
        "customer_id": customer_id,
        "product_id": product_id,
        "source": source,
        "wished_at": at,
        "watch": str(watch),
        "back_at": None,
        "checked_at": iso(now),
    }
    if insert_ignoring_conflicts(conn, wishes, values):
        return
    renewed: dict[str, Any] = {"wished_at": at, "source": source, "checked_at": iso(now)}
    if empty:  # wanted again and not there: a new episode starts from "empty"
        renewed.update(watch=str(StockWatch.EMPTY), back_at=None)
    conn.execute(
        sa.update(wishes).where(wishes.c.id == wish_id, wishes.c.wished_at < at).values(**renewed)
    )


def _bought(conn: Connection, customer_ids: Sequence[str], since: str) -> dict[str, list[Any]]:
    """Kept orders since `since` by customer: (placed_at, product ids kept)."""
    rows = conn.execute(
        sa.select(orders.c.customer_id, orders.c.placed_at, orders.c.lines).where(
            orders.c.customer_id.in_(customer_ids),
            orders.c.placed_at >= since,
            orders.c.status != "returned",
        )
    )
    found: dict[str, list[Any]] = {}
    for row in rows:
        kept = {
            str(line.get("product_id") or "")
            for line in row.lines
            if int(line["qty"]) - int(line.get("returned_qty", 0)) > 0
        }
        found.setdefault(row.customer_id, []).append((row.placed_at, kept))
    return found


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def watch_wishes(
    conn: Connection,
    *,
    customer_ids: Sequence[str],
    available: Mapping[str, int],
    now: datetime,
) -> list[Wish]:
    """The live wishes of these customers (home store stock `available`: product id ->
    free units), each watch moved by what the stock is now."""
    if not customer_ids:
        return []
    since = iso(now - WISH_WINDOW)
    rows = conn.execute(
        sa.select(wishes)
        .where(wishes.c.customer_id.in_(customer_ids), wishes.c.wished_at > since)
        .order_by(wishes.c.id)
    ).all()
    if not rows:
        return []
    bought = _bought(conn, customer_ids, min(r.wished_at for r in rows))
    found = []
    for row in rows:
        old = StockWatch(row.watch)
        new = next_watch(old, available.get(row.product_id, 0))
        back_at = row.back_at
        if new is not old:
            back_at = iso(now) if new is StockWatch.BACK else None
            moved = conn.execute(
                sa.update(wishes)
                .where(wishes.c.id == row.id, wishes.c.watch == str(old))
                .values(watch=str(new), back_at=back_at, checked_at=iso(now))
                .returning(wishes.c.id)
            ).first()
            if moved is None:  # another generator moved it first: take what it wrote
                latest = conn.execute(
                    sa.select(wishes.c.watch, wishes.c.back_at).where(wishes.c.id == row.id)
                ).one()
                new, back_at = StockWatch(latest.watch), latest.back_at
        found.append(
            Wish(
                wish_id=row.id,
                customer_id=row.customer_id,
                product_id=row.product_id,
                wished_at=datetime.fromisoformat(row.wished_at),
                watch=new,
                back_at=_time(back_at),
                bought_since=any(
                    placed >= row.wished_at and row.product_id in kept
                    for placed, kept in bought.get(row.customer_id, [])
                ),
            )
        )
    return found
