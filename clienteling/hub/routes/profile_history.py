"""`GET /api/v1/customers/{id}/history`: who changed which profile field, and every
consent decision (recorded or refused, and why): the losing values of last-writer-wins
and the consent audit, for a manager or a data-protection request. The read is audited
like every read of a customer."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import audit
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.errors import ApiError
from clienteling.hub.mutation_kit import resolve_customer_id
from clienteling.hub.tables import consent_audit, customer_field_history, customers

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])

_FIELDS = ("field", "old_value", "new_value", "source", "associate_id", "device_id", "changed_at")
_CONSENTS = (
    "consent_id",
    "channel",
    "granted",
    "outcome",
    "reason",
    "source",
    "associate_id",
    "device_id",
    "at",
)


@router.get("/{customer_id}/history")
def customer_history(
    customer_id: str,
    hub: HubDep,
    session: SessionDep,
    limit: int = Query(default=100, ge=1, le=1000),
) -> dict[str, Any]:
    """`{"customer_id", "fields": [...], "consents": [...]}`, newest first (`limit` each)."""
    with read_tx(hub.engine) as conn:
        customer_id = resolve_customer_id(conn, customer_id)
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer_id)
        ).scalar_one_or_none()
        if scope is None or not session.may_read_scope(scope):
            raise ApiError(404, "not_found", "no such customer")
        fields = conn.execute(
            sa.select(*(customer_field_history.c[c] for c in _FIELDS))
            .where(customer_field_history.c.customer_id == customer_id)
            .order_by(customer_field_history.c.changed_at.desc(), customer_field_history.c.id)
            .limit(limit)
        ).all()
        decisions = conn.execute(
            sa.select(*(consent_audit.c[c] for c in _CONSENTS))
            .where(consent_audit.c.customer_id == customer_id)
            .order_by(consent_audit.c.at.desc(), consent_audit.c.id)
            .limit(limit)
        ).all()
    audit.record_read(hub.engine, session, customer_id=customer_id, what="history")
    return {
        "customer_id": customer_id,
        "fields": [dict(r._mapping) for r in fields],
        "consents": [dict(r._mapping) for r in decisions],
    }
