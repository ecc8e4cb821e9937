"""Another store's customer at the counter: found by an exact identifier, pulled in.

The rule (`domain.lookup_rule`, README "Store scope"): associates and managers search
their own store's customers by anything; a customer of another store of the chain is
found only by their exact email, phone or loyalty card, the things a customer hands over
in person. Every other-store customer a search returns is audited as a read.

Pulling one in (`POST /customers/{id}/lookup`) proves the identifier again against that
customer and records a `customer_lookups` row for the caller's store, valid
`LOOKUP_DAYS`: meanwhile that store's terminals may refresh the profile (`GET
/customers/{id}/bundle`) and change it through their outbox like their own customers'
(`mutation_kit.customer_scope`). Without a valid lookup both answer as for a stranger:
404, and mutations are refused with a sentence saying to look the customer up again.

Identity merges stay within one store (`hub.identity`): a looked-up customer keeps their
home store; a duplicate created at another store is not merged into them.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.contacts import normalize_email
from clienteling.domain.ids import uuid7
from clienteling.domain.lookup_rule import identifier_kind
from clienteling.domain.phones import search_keys
from clienteling.domain.text import digits, fold
from clienteling.hub import audit
from clienteling.hub.access import may_see, not_found
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import Session
from clienteling.hub.entities import (
    CART,
    CONSENT,
    CUSTOMER,
    CUSTOMER_MERGE,
    FEEDBACK,
    FOLLOWUP,
    NOTE,
    OFFER,
    ORDER,
    RECENT_VIEW,
    RESERVATION,
    VISIT,
    EntityKind,
)
from clienteling.hub.feed import rows_as_changes
from clienteling.hub.mutation_kit import lookup_until, resolve_customer_id
from clienteling.hub.tables import customer_lookups, customer_search_terms, customers
from clienteling.protocol.lookups import CustomerBundle

LOOKUP_DAYS = 30
CUSTOMER_LOOKUP = "customer.lookup"
# What the customer 360 shows, besides the customer row (tasks are the home store's work).
_BUNDLE_KINDS: tuple[EntityKind, ...] = (
    CONSENT,
    ORDER,
    CART,
    RECENT_VIEW,
    NOTE,
    VISIT,
    FOLLOWUP,
    RESERVATION,
    OFFER,
    FEEDBACK,
)


def _term_is(term: str) -> sa.ColumnElement[bool]:
    return customers.c.id.in_(
        sa.select(customer_search_terms.c.customer_id).where(customer_search_terms.c.term == term)
    )


def exact_match(query: str) -> sa.ColumnElement[bool] | None:
    """Customers `query` names exactly (email, phone or card); None for anything else."""
    text = query.strip()
    kind = identifier_kind(text)
    if kind == "email":
        return _term_is(fold(text))
    if kind == "number":
        return _term_is(digits(text))
    if kind == "card":
        return customers.c.loyalty_card == text
    return None


def matched_on(customer: Any, identifier: str) -> str | None:
    """ "phone", "email" or "loyalty_card" when `identifier` is exactly one of the
    customer's; None otherwise."""
    text = identifier.strip()
    kind = identifier_kind(text)
    if kind == "email":
        if normalize_email(text) in {normalize_email(str(e)) for e in customer.emails or []}:
            return "email"
        return None
    card = customer.loyalty_card or ""
    if kind == "number":
        wanted = digits(text)
        if any(wanted in search_keys(str(p)) for p in customer.phones or []):
            return "phone"
        return "loyalty_card" if card and digits(card) == wanted else None
    if kind == "card" and card == text:
        return "loyalty_card"
    return None


def search_condition(
    session: Session, query: str | None, own: sa.ColumnElement[bool] | None
) -> sa.ColumnElement[bool] | None:
    """`all_stores` search: `own` (the usual match) in the caller's stores, or the exact
    identifier in any store. None when nothing can match."""
    scopes = session.visible_scopes()
    mine = None if own is None else sa.and_(customers.c.scope.in_(scopes or []), own)
    exact = exact_match(query or "")
    if exact is None:
        return mine
    anywhere = sa.and_(customers.c.scope.like("store:%"), exact)
    return anywhere if mine is None else sa.or_(mine, anywhere)


def audit_found(engine: Any, session: Session, rows: list[Any]) -> None:
    """Each other store's customer a search showed is a read of that customer."""
    for row in rows:
        if not may_see(session, row.scope):
            audit.record_read(engine, session, customer_id=row.id, what="search")


def _store_customer(conn: Connection, customer_id: str) -> Any:
    """The customer a (possibly merged) id names, if a store holds them; 404 otherwise."""
    customer_id = resolve_customer_id(conn, customer_id)
    row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).first()
    if row is None or not str(row.scope).startswith("store:"):
        raise not_found("customer")
    return row


def reachable_customer(
    conn: Connection, session: Session, customer_id: str
) -> tuple[Any, str | None]:
    """(the customer row, until when the lookup lasts or None for the caller's own
    customer); 404 for strangers, as `access.visible_customer`."""
    row = _store_customer(conn, customer_id)
    if may_see(session, row.scope):
        return row, None
    until = lookup_until(conn, session.store_id, row.id) if session.store_id else None
    if until is None:
        raise not_found("customer")
    return row, until


def look_up(
    conn: Connection, session: Session, customer_id: str, identifier: str
) -> tuple[Any, str | None]:
    """Pull-in: the customer if visible, or if `identifier` is exactly theirs (then the
    caller's store gets a lookup, audited); 404 otherwise (a wrong identifier tells
    nothing). Runs in the caller's write transaction."""
    row = _store_customer(conn, customer_id)
    if may_see(session, row.scope):
        return row, None
    how = matched_on(row, identifier)
    if how is None or session.store_id is None:
        raise not_found("customer")
    now = utc_now()
    until = iso(now + timedelta(days=LOOKUP_DAYS))
    conn.execute(
        sa.insert(customer_lookups).values(
            id=uuid7(),
            store_id=session.store_id,
            customer_id=row.id,
            associate_id=session.associate_id,
            device_id=session.device_id,
            matched_on=how,
            looked_up_at=iso(now),
            expires_at=until,
        )
    )
    audit.record(
        conn,
        action=CUSTOMER_LOOKUP,
        associate_id=session.associate_id,
        device_id=session.device_id,
        customer_id=row.id,
        detail=f"by {how} from store {session.store_id}",
    )
    return row, until


def bundle(conn: Connection, row: Any, until: str | None) -> CustomerBundle:
    """Every row the customer 360 shows, as changes of the customer's scope."""
    changes = rows_as_changes(CUSTOMER, [row])
    for kind in _BUNDLE_KINDS:
        table = kind.table
        rows = conn.execute(
            sa.select(table).where(table.c.customer_id == row.id).order_by(table.c.version)
        ).all()
        changes += rows_as_changes(kind, rows)
    merges = CUSTOMER_MERGE.table
    changes += rows_as_changes(
        CUSTOMER_MERGE,
        conn.execute(sa.select(merges).where(merges.c.survivor_id == row.id)).all(),
    )
    return CustomerBundle(
        customer_id=row.id,
        scope=row.scope,
        home_store_id=row.home_store_id,
        lookup_expires_at=until,
        changes=changes,
    )
