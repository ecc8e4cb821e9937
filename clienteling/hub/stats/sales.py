"""Sales of a period read from the per-day rollups (`hub.sales_rollup`), not the orders.

A period is whole local days [first, end) (ISO dates); each store's rows are on its own
local days, so a store's figures are its orders placed in the period in its time zone,
and the chain average sums every store over the same calendar days. The customers of a
period are the customer-days in it whose previous day in the bucket is before `first`
(each customer once: see `hub.sales_rollup`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.sales_rollup import ASSOCIATE, ATTRIBUTED, IN_STORE, ONLINE
from clienteling.hub.tables import store_sales_daily

_DAILY = store_sales_daily
STORE_KINDS = (IN_STORE, ONLINE, ATTRIBUTED)


@dataclass(frozen=True, slots=True)
class Sums:
    """Kept orders, their net revenue and the distinct customers who placed them."""

    orders: int = 0
    revenue_minor: int = 0
    customers: int = 0
    rows: int = 0  # rollup rows read


def _sums(first: str, end: str) -> list[Any]:
    return [
        sa.func.coalesce(sa.func.sum(_DAILY.c.orders), 0),
        sa.func.coalesce(sa.func.sum(_DAILY.c.revenue_minor), 0),
        sa.func.coalesce(
            sa.func.sum(sa.case((_DAILY.c.prev_day < first, _DAILY.c.customers), else_=0)), 0
        ),
        sa.func.count(),
    ]


def _in(first: str, end: str) -> sa.ColumnElement[bool]:
    return sa.and_(_DAILY.c.day >= first, _DAILY.c.day < end)


def store_sums(
    conn: Connection,
    *,
    first: str,
    end: str,
    only: str | None = None,
    kinds: tuple[str, ...] = STORE_KINDS,
) -> dict[tuple[str, str], Sums]:
    """(store, kind) -> sums of every store (or only store `only`) for the store kinds
    (or only `kinds`): counter sales, online orders of its customers, online orders
    credited to it."""
    query = (
        sa.select(_DAILY.c.store_id, _DAILY.c.kind, *_sums(first, end))
        .where(_DAILY.c.kind.in_(kinds), _in(first, end))
        .group_by(_DAILY.c.store_id, _DAILY.c.kind)
    )
    if only is not None:
        query = query.where(_DAILY.c.store_id == only)
    return {
        (str(store), str(kind)): Sums(int(n), int(revenue), int(people), int(rows))
        for store, kind, n, revenue, people, rows in conn.execute(query)
    }


def chain_and_associate_sums(
    conn: Connection, *, store_id: str, first: str, end: str
) -> tuple[dict[tuple[str, str], Sums], dict[str | None, Sums]]:
    """`store_sums` of every store and `associate_sums` of `store_id` from one read of the
    rollup (the dashboard's current period: one pass over the period's rows, not two)."""
    query = (
        sa.select(_DAILY.c.store_id, _DAILY.c.kind, _DAILY.c.associate_id, *_sums(first, end))
        .where(
            _in(first, end),
            sa.or_(
                _DAILY.c.kind.in_(STORE_KINDS),
                sa.and_(_DAILY.c.kind == ASSOCIATE, _DAILY.c.store_id == store_id),
            ),
        )
        .group_by(_DAILY.c.store_id, _DAILY.c.kind, _DAILY.c.associate_id)
    )
    stores: dict[tuple[str, str], Sums] = {}
    people: dict[str | None, Sums] = {}
    for store, kind, associate, n, revenue, customers, rows in conn.execute(query):
        sums = Sums(int(n), int(revenue), int(customers), int(rows))
        if kind == ASSOCIATE:
            people[str(associate) or None] = sums
        else:
            stores[(str(store), str(kind))] = sums
    return stores, people


def associate_sums(
    conn: Connection, *, store_id: str, first: str, end: str
) -> dict[str | None, Sums]:
    """Counter sales of the store per credited associate (None: nobody credited)."""
    query = (
        sa.select(_DAILY.c.associate_id, *_sums(first, end))
        .where(_DAILY.c.store_id == store_id, _DAILY.c.kind == ASSOCIATE, _in(first, end))
        .group_by(_DAILY.c.associate_id)
    )
    return {
        (str(associate) or None): Sums(int(n), int(revenue), int(people), int(rows))
        for associate, n, revenue, people, rows in conn.execute(query)
    }
