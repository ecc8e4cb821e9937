"""Orders in every channel: one order, a customer's, a store's customers'. Newest first."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import audit, pagination
from clienteling.hub.access import visible_customer, visible_row
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep, require_store
from clienteling.hub.entities import ORDER
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import OrderPublic
from clienteling.hub.tables import orders
from clienteling.protocol.entities import store_scope

router = APIRouter(prefix="/api/v1", tags=["orders"])

_KEY = (orders.c.placed_at, orders.c.id)


def _page(
    hub: HubDep, where: sa.ColumnElement[bool], *, kind: str, limit: int, next: str | None
) -> Page[OrderPublic]:
    keyset = pagination.Keyset(kind, _KEY, descending=True)
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(
            conn, sa.select(orders).where(where), keyset, limit=limit, next=next
        )
    return Page(items=[OrderPublic.from_row(ORDER, r) for r in items], next=token)


@router.get("/orders/{order_id}")
def get_order(order_id: IdPath, hub: HubDep, session: SessionDep) -> OrderPublic:
    with read_tx(hub.engine) as conn:
        row = visible_row(conn, session, orders, order_id, "order")
    audit.record_read(hub.engine, session, customer_id=row.customer_id, what="order")
    return OrderPublic.from_row(ORDER, row)


@router.get("/customers/{customer_id}/orders")
def customer_orders(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[OrderPublic]:
    """The customer's orders in every channel (store, web, phone), returns included."""
    with read_tx(hub.engine) as conn:
        row = visible_customer(conn, session, customer_id)
        customer_id = row.id  # a merged id: the survivor's rows
    page = _page(
        hub, orders.c.customer_id == customer_id, kind="customer-orders", limit=limit, next=next
    )
    audit.record_read(hub.engine, session, customer_id=customer_id, what="orders")
    return page


@router.get("/stores/{store_id}/orders")
def store_orders(
    store_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    channel: Annotated[
        str | None, Query(max_length=16, description='"store", "web" or "phone".')
    ] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[OrderPublic]:
    """Orders of the store's customers (their home store), in every channel unless
    `channel` says which."""
    require_store(session, store_id)
    where = orders.c.scope == store_scope(store_id)
    if channel is not None:
        where = sa.and_(where, orders.c.channel == channel)
    return _page(hub, where, kind="store-orders", limit=limit, next=next)
