"""Customers: search across every store the caller may see, and one customer's profile.

The terminal searches its own cache first; this search is for the customer it does not
hold (its snapshot is still loading, or the hub learnt of them a moment ago). Both find
the same things: a name with or without diacritics, a phone in any format, an email, a
loyalty card (see `hub.customer_index`).
"""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import audit, customer_index, pagination
from clienteling.hub.access import visible_customer
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep, require_store
from clienteling.hub.entities import CONSENT, CUSTOMER, NOTE
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import ConsentPublic, CustomerDetailPublic, CustomerPublic, NotePublic
from clienteling.hub.tables import consents, customer_search, customers, notes
from clienteling.protocol.entities import store_scope

router = APIRouter(prefix="/api/v1/customers", tags=["customers"])

MAX_QUERY = 200


@router.get("")
def search_customers(
    hub: HubDep,
    session: SessionDep,
    q: Annotated[
        str | None,
        Query(
            max_length=MAX_QUERY,
            description="Name (diacritics optional), phone in any format, email or card. "
            "Empty or absent: every customer the caller may see, by name.",
        ),
    ] = None,
    store_id: Annotated[
        str | None, Query(max_length=64, description="Only this store's customers.")
    ] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[CustomerPublic]:
    """Customers ordered by name (folded), then id."""
    key = pagination.decode("customers", next, width=2)
    scopes = session.visible_scopes()
    if store_id is not None:
        require_store(session, store_id)
        scopes = [store_scope(store_id)]
    condition = customer_index.match(q) if q and q.strip() else sa.true()
    if condition is None:
        return Page(items=[], next=None)
    customer_index.catch_up(hub.engine)
    columns = [customer_search.c.sort_name, customer_search.c.customer_id]
    query = (
        sa.select(customers, customer_search.c.sort_name)
        .join(customer_search, customer_search.c.customer_id == customers.c.id)
        .where(customer_index.scope_filter(scopes), condition, pagination.after(columns, key))
        .order_by(*pagination.order(columns))
        .limit(limit + 1)
    )
    with read_tx(hub.engine) as conn:
        rows = conn.execute(query).all()
    items, token = pagination.page("customers", rows, limit=limit, key=["sort_name", "id"])
    return Page(items=[CustomerPublic.from_row(CUSTOMER, r) for r in items], next=token)


@router.get("/{customer_id}", responses={404: {"description": "Unknown or another store's."}})
def get_customer(customer_id: IdPath, hub: HubDep, session: SessionDep) -> CustomerDetailPublic:
    """One customer with consents and notes (oldest first); the read is audited."""
    with read_tx(hub.engine) as conn:
        row = visible_customer(conn, session, customer_id)
        customer_id = row.id  # a merged id: the survivor's rows
        note_rows = conn.execute(
            sa.select(notes)
            .where(notes.c.customer_id == customer_id)
            .order_by(notes.c.created_at, notes.c.id)
        ).all()
        consent_rows = conn.execute(
            sa.select(consents)
            .where(consents.c.customer_id == customer_id)
            .order_by(consents.c.version)  # hub commit order, never a terminal clock
        ).all()
    audit.record_read(hub.engine, session, customer_id=customer_id, what="profile")
    return CustomerDetailPublic(
        customer=CustomerPublic.from_row(CUSTOMER, row),
        consents=[ConsentPublic.from_row(CONSENT, c) for c in consent_rows],
        notes=[NotePublic.from_row(NOTE, n) for n in note_rows],
    )
