"""Stock: everything at one location (a store or the web warehouse), or one product at
every location ("in stock here and elsewhere")."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter

from clienteling.hub import pagination
from clienteling.hub.access import not_found
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep
from clienteling.hub.entities import INVENTORY
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import InventoryPublic
from clienteling.hub.tables import inventory, locations, products

router = APIRouter(prefix="/api/v1", tags=["inventory"])
_KEYSET = pagination.Keyset("location-inventory", (inventory.c.id,))


def _exists(conn: sa.Connection, table: sa.Table, row_id: str) -> bool:
    return conn.execute(sa.select(table.c.id).where(table.c.id == row_id)).first() is not None


@router.get("/locations/{location_id}/inventory")
def location_inventory(
    location_id: IdPath,
    hub: HubDep,
    _session: SessionDep,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[InventoryPublic]:
    query = sa.select(inventory).where(inventory.c.location_id == location_id)
    with read_tx(hub.engine) as conn:
        if not _exists(conn, locations, location_id):
            raise not_found("location")
        items, token = pagination.fetch(conn, query, _KEYSET, limit=limit, next=next)
    return Page(items=[InventoryPublic.from_row(INVENTORY, r) for r in items], next=token)


@router.get("/products/{product_id}/inventory")
def product_inventory(
    product_id: IdPath, hub: HubDep, _session: SessionDep
) -> list[InventoryPublic]:
    """One row per location that stocks the product (a short list: one per location)."""
    with read_tx(hub.engine) as conn:
        if not _exists(conn, products, product_id):
            raise not_found("product")
        rows = conn.execute(
            sa.select(inventory)
            .where(inventory.c.product_id == product_id)
            .order_by(inventory.c.location_id)
        ).all()
    return [InventoryPublic.from_row(INVENTORY, r) for r in rows]
