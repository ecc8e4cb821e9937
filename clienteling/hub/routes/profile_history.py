"""`GET /api/v1/customers/{id}/history`: who changed which profile field, and every
consent decision (recorded or refused, and why): the losing values of last-writer-wins
and the consent audit, for a manager or a data-protection request. The read is audited
like every read of a customer.

Both lists are keyset-paged by one `next` token (newest first, `limit` of each a page):
it holds where each list stopped, or that it has no more (`_DONE`), so walking until
`next` is null sends every row of both exactly once.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Query
from sqlalchemy.engine import Connection

from clienteling.hub import audit, pagination
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.errors import ApiError
from clienteling.hub.mutation_kit import resolve_customer_id
from clienteling.hub.pagination import NextQuery
from clienteling.hub.tables import consent_audit, customer_field_history, customers

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])

_KIND = "customer-history"
# A list's place in the token once it has no more rows: no id or time is empty.
_DONE = ["", ""]
_ID = "_row_id"  # the sort key's id, selected under a label and not sent
_FIELD_KEY = (customer_field_history.c.changed_at, customer_field_history.c.id)
_CONSENT_KEY = (consent_audit.c.at, consent_audit.c.id)
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


def _part(
    conn: Connection,
    query: sa.Select[Any],
    key_columns: tuple[sa.ColumnElement[Any], sa.ColumnElement[Any]],
    place: list[Any] | None,
    limit: int,
) -> tuple[list[dict[str, Any]], list[Any]]:
    """One list's page after `place` (None: from the start) and its place for the next."""
    if place == _DONE:
        return [], _DONE
    rows = conn.execute(
        query.where(pagination.after(key_columns, place, descending=True))
        .order_by(*pagination.order(key_columns, descending=True))
        .limit(limit + 1)
    ).all()
    items = [dict(r._mapping) for r in rows[:limit]]
    last = items[-1] if items else {}
    more = len(rows) > limit
    place = [last[str(key_columns[0].key)], last[_ID]] if more else _DONE
    for item in items:
        del item[_ID]
    return items, place


@router.get("/{customer_id}/history")
def customer_history(
    customer_id: str,
    hub: HubDep,
    session: SessionDep,
    limit: int = Query(default=100, ge=1, le=1000),
    next: NextQuery = None,
) -> dict[str, Any]:
    """`{"customer_id", "fields": [...], "consents": [...], "next"}`, newest first
    (`limit` of each); pass `next` for more of either, null when both are done."""
    places = pagination.decode(_KIND, next, width=4)
    with read_tx(hub.engine) as conn:
        customer_id = resolve_customer_id(conn, customer_id)
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer_id)
        ).scalar_one_or_none()
        if scope is None or not session.may_read_scope(scope):
            raise ApiError(404, "not_found", "no such customer")
        fields, fields_place = _part(
            conn,
            sa.select(
                *(customer_field_history.c[c] for c in _FIELDS),
                customer_field_history.c.id.label(_ID),
            ).where(customer_field_history.c.customer_id == customer_id),
            _FIELD_KEY,
            places[:2] if places else None,
            limit,
        )
        decisions, consents_place = _part(
            conn,
            sa.select(
                *(consent_audit.c[c] for c in _CONSENTS), consent_audit.c.id.label(_ID)
            ).where(consent_audit.c.customer_id == customer_id),
            _CONSENT_KEY,
            places[2:] if places else None,
            limit,
        )
    audit.record_read(hub.engine, session, customer_id=customer_id, what="history")
    done = fields_place == _DONE and consents_place == _DONE
    return {
        "customer_id": customer_id,
        "fields": fields,
        "consents": decisions,
        "next": None if done else pagination.encode(_KIND, fields_place + consents_place),
    }
