"""Stores and the web warehouse (locations). No secret: every terminal has them."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter

from clienteling.hub.access import not_found
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep
from clienteling.hub.entities import LOCATION
from clienteling.hub.schemas import LocationPublic
from clienteling.hub.tables import locations

router = APIRouter(prefix="/api/v1", tags=["stores"])


def _locations(hub: HubDep, *, kind: str | None) -> list[LocationPublic]:
    """A chain has a handful of locations: one list, no pages."""
    query = sa.select(locations).order_by(locations.c.name, locations.c.id)
    if kind is not None:
        query = query.where(locations.c.kind == kind)
    with read_tx(hub.engine) as conn:
        rows = conn.execute(query).all()
    return [LocationPublic.from_row(LOCATION, r) for r in rows]


@router.get("/stores")
def list_stores(hub: HubDep, _session: SessionDep) -> list[LocationPublic]:
    return _locations(hub, kind="store")


@router.get("/locations")
def list_locations(hub: HubDep, _session: SessionDep) -> list[LocationPublic]:
    """Stores and the web warehouse: every place that holds stock."""
    return _locations(hub, kind=None)


@router.get("/stores/{store_id}")
def get_store(store_id: IdPath, hub: HubDep, _session: SessionDep) -> LocationPublic:
    with read_tx(hub.engine) as conn:
        row = conn.execute(sa.select(locations).where(locations.c.id == store_id)).first()
    if row is None:
        raise not_found("store")
    return LocationPublic.from_row(LOCATION, row)
