"""Tasks straight from the web shop's events, in the event's own transaction: a cart or
order event re-checks its customer's tasks (an abandoned checkout with stock at the home
store becomes "available here today" at once; an order closes the cart's task), and a
delivery schedules the post-purchase check-in."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.ingest.events import CartEvent, Event, OrderEvent
from clienteling.hub.tables import ingest_carts, ingest_links, orders
from clienteling.hub.task_generation import after_customer_change, schedule_check_in


def _linked(conn: Connection, *, source: str, kind: str, key: str) -> str | None:
    value = conn.execute(
        sa.select(ingest_links.c.internal_id).where(
            ingest_links.c.source == source,
            ingest_links.c.kind == kind,
            ingest_links.c.external_id == key,
        )
    ).scalar_one_or_none()
    return None if value is None else str(value)


def after_ingest(conn: Connection, *, source: str, event: Event | None, now: datetime) -> None:
    customer_id: str | None = None
    if isinstance(event, CartEvent):
        cart_id = _linked(conn, source=source, kind="cart", key=event.cart_key)
        if cart_id is not None:
            customer_id = conn.execute(
                sa.select(ingest_carts.c.customer_id).where(ingest_carts.c.id == cart_id)
            ).scalar_one_or_none()
    elif isinstance(event, OrderEvent):
        order_id = _linked(conn, source=source, kind="order", key=event.order_key)
        if order_id is not None:
            customer_id = conn.execute(
                sa.select(orders.c.customer_id).where(orders.c.id == order_id)
            ).scalar_one_or_none()
            if event.kind == "order.delivered" and customer_id is not None:
                delivered = datetime.fromisoformat(event.occurred_at)
                schedule_check_in(conn, order_id=order_id, delivered_at=delivered, now=now)
    if customer_id is not None:
        after_customer_change(conn, str(customer_id), now=now)
