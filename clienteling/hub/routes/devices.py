"""Admin: the enrolled terminals, and revoking one (a lost or stolen laptop).

A revoked device's tokens stop working at once for everything but its final push of what
it still owes (`hub.revocation`), and it cannot sign in again; its applied mutations stay
(they were made by a signed-in associate).
"""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import audit, pagination, revocation
from clienteling.hub.access import not_found
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.deps import AdminDep, HubDep, IdPath
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import AuditPublic, DevicePublic
from clienteling.hub.tables import audit as audit_table
from clienteling.hub.tables import device_revocations, devices

router = APIRouter(prefix="/api/v1", tags=["devices"])

_QUERY = sa.select(
    devices,
    device_revocations.c.revoked_at,
    device_revocations.c.revoked_by,
).outerjoin(device_revocations, device_revocations.c.device_id == devices.c.id)
_DEVICES = pagination.Keyset("devices", (devices.c.id,))
_AUDIT = pagination.Keyset("audit", (audit_table.c.at, audit_table.c.id), descending=True)


def _public(row: sa.Row[tuple[object, ...]]) -> DevicePublic:
    return DevicePublic.model_validate(dict(row._mapping))


@router.get("/devices")
def list_devices(
    hub: HubDep,
    _admin: AdminDep,
    store_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[DevicePublic]:
    query = _QUERY
    if store_id is not None:
        query = query.where(devices.c.store_id == store_id)
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(conn, query, _DEVICES, limit=limit, next=next)
    return Page(items=[_public(r) for r in items], next=token)


@router.get("/devices/{device_id}")
def get_device(device_id: IdPath, hub: HubDep, _admin: AdminDep) -> DevicePublic:
    with read_tx(hub.engine) as conn:
        row = conn.execute(_QUERY.where(devices.c.id == device_id)).first()
    if row is None:
        raise not_found("device")
    return _public(row)


@router.post("/devices/{device_id}/revoke")
def revoke_device(
    device_id: IdPath,
    hub: HubDep,
    admin: AdminDep,
    discard_unsent: Annotated[
        bool,
        Query(description="Wipe at once, without the final push (a stolen terminal)."),
    ] = False,
) -> DevicePublic:
    """Idempotent: revoking a revoked device changes nothing (but `discard_unsent` may be
    added later). The device may push what it still owes, then wipes (`hub.revocation`)."""
    with write_tx(hub.engine) as conn:
        if conn.execute(sa.select(devices.c.id).where(devices.c.id == device_id)).first() is None:
            raise not_found("device")
        added = insert_ignoring_conflicts(
            conn,
            device_revocations,
            {
                "device_id": device_id,
                "revoked_at": iso(utc_now()),
                "revoked_by": admin.associate_id,
            },
        )
        revocation.order_wipe(conn, device_id=device_id, discard_unsent=discard_unsent)
        if added:
            audit.record(
                conn,
                action=audit.DEVICE_REVOKE,
                associate_id=admin.associate_id,
                device_id=admin.device_id,
                detail=f"device {device_id}" + (" discard_unsent" if discard_unsent else ""),
            )
        row = conn.execute(_QUERY.where(devices.c.id == device_id)).one()
    return _public(row)


@router.get("/audit", tags=["audit"])
def list_audit(
    hub: HubDep,
    _admin: AdminDep,
    customer_id: Annotated[str | None, Query(max_length=64)] = None,
    associate_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[AuditPublic]:
    """The audit trail, newest first: who read or changed which customer, sign-ins."""
    query = sa.select(audit_table)
    if customer_id is not None:
        query = query.where(audit_table.c.customer_id == customer_id)
    if associate_id is not None:
        query = query.where(audit_table.c.associate_id == associate_id)
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(conn, query, _AUDIT, limit=limit, next=next)
    return Page(items=[AuditPublic.model_validate(dict(r._mapping)) for r in items], next=token)
