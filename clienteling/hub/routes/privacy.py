"""Privacy requests about one customer: export everything (JSON) and erase.

`GET /api/v1/customers/{id}/export`: a manager of the customer's home store or an admin;
the export is audited. `POST /api/v1/customers/{id}/erase`: admins only; idempotent
(`hub.erasure` says what happens to each table).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from clienteling.hub import audit
from clienteling.hub.access import not_found, visible_customer
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import AdminDep, HubDep, IdPath, SessionDep
from clienteling.hub.erasure import erase_customer
from clienteling.hub.errors import ApiError
from clienteling.hub.privacy_export import export_customer

router = APIRouter(prefix="/api/v1/customers", tags=["privacy"])


class ErasurePublic(BaseModel):
    customer_id: str
    already_erased: bool
    tombstones: int


@router.get("/{customer_id}/export")
def export(customer_id: IdPath, hub: HubDep, session: SessionDep) -> dict[str, Any]:
    """Everything the hub holds about the customer (`hub.privacy_export`)."""
    if session.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden_role", "only a manager or an administrator may export")
    with read_tx(hub.engine) as conn:
        row = visible_customer(conn, session, customer_id)
        data = export_customer(conn, row.id)
    if data is None:
        raise not_found("customer")
    with write_tx(hub.engine) as conn:
        audit.record(
            conn,
            action=audit.CUSTOMER_EXPORT,
            associate_id=session.associate_id,
            device_id=session.device_id,
            customer_id=row.id,
        )
    return data


@router.post("/{customer_id}/erase")
def erase(customer_id: IdPath, hub: HubDep, admin: AdminDep) -> ErasurePublic:
    """Erase the customer on the hub; every terminal drops them at its next pull."""
    with write_tx(hub.engine) as conn:
        done = erase_customer(conn, customer_id, erased_by=admin.associate_id)
    if done is None:
        raise not_found("customer")
    return ErasurePublic(
        customer_id=done.customer_id, already_erased=done.already, tombstones=done.tombstones
    )
