"""SQL pieces every store statistic shares, so each definition is written once."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from clienteling.hub.tables import orders


def between(column: sa.ColumnElement[Any], start: str, end: str) -> sa.ColumnElement[bool]:
    """`column` in the half-open period [start, end) (UTC ISO strings sort as times)."""
    return sa.and_(column >= start, column < end)


KEPT_ORDER = orders.c.status != "returned"
"""Orders the customer did not send back whole (`domain.metrics.order_net_minor` is 0)."""
