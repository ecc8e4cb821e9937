"""Stores and the web warehouse (locations). No secret: every terminal has them.

An administrator sets where a location is (`PATCH /locations/{id}/position`): terminals
then list the other stores nearest first, with the distance."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter
from pydantic import BaseModel, Field, model_validator

from clienteling.hub import audit, versions
from clienteling.hub.access import not_found
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import AdminDep, HubDep, IdPath, SessionDep
from clienteling.hub.entities import LOCATION
from clienteling.hub.schemas import LocationPublic
from clienteling.hub.tables import locations
from clienteling.protocol.entities import CATALOG_SCOPE

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


class PositionIn(BaseModel):
    """Both coordinates, or both null (the position is no longer known)."""

    latitude: float | None = Field(ge=-90, le=90, description="WGS 84 degrees, north positive.")
    longitude: float | None = Field(ge=-180, le=180, description="WGS 84 degrees, east positive.")

    @model_validator(mode="after")
    def _both_or_neither(self) -> PositionIn:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        return self


@router.patch("/locations/{location_id}/position")
def set_position(
    location_id: IdPath, body: PositionIn, hub: HubDep, admin: AdminDep
) -> LocationPublic:
    """Where the location is; reaches every terminal with the next catalog sync. Setting
    the same position again changes nothing (no new version)."""
    with write_tx(hub.engine) as conn:
        row = conn.execute(
            sa.select(locations).where(locations.c.id == location_id).with_for_update()
        ).first()
        if row is None:
            raise not_found("location")
        if (row.latitude, row.longitude) != (body.latitude, body.longitude):
            conn.execute(
                sa.update(locations)
                .where(locations.c.id == location_id)
                .values(
                    latitude=body.latitude,
                    longitude=body.longitude,
                    version=versions.allocate(conn, CATALOG_SCOPE),
                )
            )
            audit.record(
                conn,
                action=audit.LOCATION_POSITION,
                associate_id=admin.associate_id,
                device_id=admin.device_id,
                detail=f"location {location_id}",
            )
        row = conn.execute(sa.select(locations).where(locations.c.id == location_id)).one()
    return LocationPublic.from_row(LOCATION, row)
