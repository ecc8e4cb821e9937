"""`GET /api/v1/customers/{id}`: one customer with notes (scoped to the associate's store)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter

from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.entities import CUSTOMER, NOTE
from clienteling.hub.errors import ApiError
from clienteling.hub.mutation_kit import resolve_customer_id
from clienteling.hub.tables import customers, notes

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])


@router.get("/{customer_id}")
def get_customer(customer_id: str, hub: HubDep, session: SessionDep) -> dict[str, Any]:
    """`{"customer": CustomerData, "notes": [NoteData, ...]}`, notes oldest first."""
    with read_tx(hub.engine) as conn:
        customer_id = resolve_customer_id(conn, customer_id)  # a merged id: the survivor
        row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).first()
        if row is None or not session.may_read_scope(row.scope):
            # Same answer for "absent" and "another store's": ids do not leak across stores.
            raise ApiError(404, "not_found", "no such customer")
        note_rows = conn.execute(
            sa.select(notes)
            .where(notes.c.customer_id == customer_id)
            .order_by(notes.c.created_at, notes.c.id)
        ).all()
    return {
        "customer": CUSTOMER.to_data(row._mapping),
        "notes": [NOTE.to_data(n._mapping) for n in note_rows],
    }
