"""SQL pieces every store statistic shares, so each definition is written once."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from clienteling.domain import metrics
from clienteling.hub.tables import customers, orders


def between(column: sa.ColumnElement[Any], start: str, end: str) -> sa.ColumnElement[bool]:
    """`column` in the half-open period [start, end) (UTC ISO strings sort as times)."""
    return sa.and_(column >= start, column < end)


KEPT_ORDER = orders.c.status != "returned"
"""Orders the customer did not send back whole (`domain.metrics.order_net_minor` is 0)."""


def in_store_orders_in(start: str, end: str) -> sa.ColumnElement[bool]:
    """Kept purchases at a store's counter in the period (any store: add the store)."""
    return sa.and_(
        orders.c.channel == "store",
        KEPT_ORDER,
        between(orders.c.placed_at, start, end),
        orders.c.store_id.is_not(None),
    )


def online_orders_in(start: str, end: str) -> sa.ColumnElement[bool]:
    """Kept web and phone orders placed in the period (a store's: by home store or credit)."""
    return sa.and_(
        orders.c.channel.in_(sorted(metrics.ONLINE_CHANNELS)),
        KEPT_ORDER,
        between(orders.c.placed_at, start, end),
    )


def joined_in(start: str, end: str) -> sa.ColumnElement[bool]:
    """Customers created in the period (a store's: by home store)."""
    return between(customers.c.created_at, start, end)
