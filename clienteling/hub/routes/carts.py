"""Online carts (live, from the web shop): one cart, a customer's carts, newest first."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import audit, pagination
from clienteling.hub.access import visible_customer, visible_row
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep
from clienteling.hub.entities import CART
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import CartPublic
from clienteling.hub.tables import carts

router = APIRouter(prefix="/api/v1", tags=["carts"])

_KEYSET = pagination.Keyset("customer-carts", (carts.c.updated_at, carts.c.id), descending=True)


@router.get("/carts/{cart_id}")
def get_cart(cart_id: IdPath, hub: HubDep, session: SessionDep) -> CartPublic:
    with read_tx(hub.engine) as conn:
        row = visible_row(conn, session, carts, cart_id, "cart")
    audit.record_read(hub.engine, session, customer_id=row.customer_id, what="cart")
    return CartPublic.from_row(CART, row)


@router.get("/customers/{customer_id}/carts")
def customer_carts(
    customer_id: IdPath,
    hub: HubDep,
    session: SessionDep,
    status: Annotated[
        str | None, Query(max_length=16, description='"open", "abandoned" or "ordered".')
    ] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[CartPublic]:
    with read_tx(hub.engine) as conn:
        row = visible_customer(conn, session, customer_id)
        customer_id = row.id  # a merged id: the survivor's rows
        query = sa.select(carts).where(carts.c.customer_id == customer_id)
        if status is not None:
            query = query.where(carts.c.status == status)
        items, token = pagination.fetch(conn, query, _KEYSET, limit=limit, next=next)
    audit.record_read(hub.engine, session, customer_id=customer_id, what="carts")
    return Page(items=[CartPublic.from_row(CART, r) for r in items], next=token)
