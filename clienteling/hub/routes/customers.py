"""Customers: search across every store the caller may see, and one customer's profile.

The terminal searches its own cache first; this search is for the customer it does not
hold (its snapshot is still loading, or the hub learnt of them a moment ago). Both find
the same things: a name with or without diacritics, a phone in any format, an email, a
loyalty card (see `hub.customer_index`).
"""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query

from clienteling.hub import audit, customer_index, lookups, pagination
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import HubDep, IdPath, SessionDep, require_store
from clienteling.hub.entities import CONSENT, CUSTOMER, NOTE
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.schemas import ConsentPublic, CustomerDetailPublic, CustomerPublic, NotePublic
from clienteling.hub.tables import consents, customer_search, customers, notes
from clienteling.protocol.entities import store_scope
from clienteling.protocol.lookups import CustomerBundle, LookupRequest

# By folded name on the search index (its customer_id is the selected customers.id).
_KEYSET = pagination.Keyset(
    "customers",
    (customer_search.c.sort_name, customer_search.c.customer_id),
    labels=("sort_name", "id"),
)

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
    all_stores: Annotated[
        bool,
        Query(
            description="Also other stores' customers, found only by their exact email, "
            "phone or loyalty card (names find the caller's own store's); each one "
            "returned is audited as a read."
        ),
    ] = False,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[CustomerPublic]:
    """Customers ordered by name (folded), then id."""
    scopes = session.visible_scopes()
    if store_id is not None:
        require_store(session, store_id)
        scopes = [store_scope(store_id)]
    condition = customer_index.match(q) if q and q.strip() else sa.true()
    if all_stores and store_id is None and scopes is not None:
        condition = lookups.search_condition(session, q, condition)
        scopes = None  # the condition names the scopes itself
    if condition is None:
        return Page(items=[], next=None)
    customer_index.catch_up(hub.engine)
    query = (
        sa.select(customers, customer_search.c.sort_name)
        .join(customer_search, customer_search.c.customer_id == customers.c.id)
        .where(customer_index.scope_filter(scopes), condition)
    )
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(conn, query, _KEYSET, limit=limit, next=next)
    if all_stores:
        lookups.audit_found(hub.engine, session, items)
    return Page(items=[CustomerPublic.from_row(CUSTOMER, r) for r in items], next=token)


_LOOKUP_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {
        "description": "Unknown, or another store's customer that the identifier does not "
        "name exactly (or whose lookup by this store has expired)."
    }
}


@router.get("/{customer_id}", responses=_LOOKUP_ERRORS)
def get_customer(customer_id: IdPath, hub: HubDep, session: SessionDep) -> CustomerDetailPublic:
    """One customer with consents and notes (oldest first); the read is audited. Another
    store's customer answers while this store's lookup of them lasts, as the bundle."""
    with read_tx(hub.engine) as conn:
        row, _until = lookups.reachable_customer(conn, session, customer_id)
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


@router.post("/{customer_id}/lookup", responses=_LOOKUP_ERRORS)
def look_up_customer(
    customer_id: IdPath, body: LookupRequest, hub: HubDep, session: SessionDep
) -> CustomerBundle:
    """Pull in a customer found by `all_stores` search: the exact phone, email or card is
    checked against them again; another store's customer then stays reachable by this
    store for `LOOKUP_DAYS` (refresh, changes). Audited."""
    with write_tx(hub.engine) as conn:
        row, until = lookups.look_up(conn, session, customer_id, body.identifier)
        answer = lookups.bundle(conn, row, until)
    if until is None:
        audit.record_read(hub.engine, session, customer_id=row.id, what="profile")
    return answer


@router.get("/{customer_id}/bundle", responses=_LOOKUP_ERRORS)
def customer_bundle(customer_id: IdPath, hub: HubDep, session: SessionDep) -> CustomerBundle:
    """The customer 360's rows again (a looked-up customer's refresh); audited."""
    with read_tx(hub.engine) as conn:
        row, until = lookups.reachable_customer(conn, session, customer_id)
        answer = lookups.bundle(conn, row, until)
    audit.record_read(hub.engine, session, customer_id=row.id, what="bundle")
    return answer
