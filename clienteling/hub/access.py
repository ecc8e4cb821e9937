"""The store scope, applied to rows: what a signed-in associate may read.

One rule for the whole API (README, "Store scope"): a customer, or a row of a customer
(order, cart, note, consent), that the caller may not see answers 404 `not_found`, the
same as an id that does not exist, so ids of other stores' customers do not leak. A list
addressed by a store the caller may not read (its orders, staff, devices) answers 403
`forbidden_store` (stores are no secret). Admin-only operations answer 403
`forbidden_role` to everyone else.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.context import Session
from clienteling.hub.errors import ApiError
from clienteling.hub.mutation_kit import resolve_customer_id
from clienteling.hub.tables import customers


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"no such {what}")


def may_see(session: Session, scope: str) -> bool:
    visible = session.visible_scopes()
    return scope.startswith("store:") if visible is None else scope in visible


def visible_customer(conn: Connection, session: Session, customer_id: str) -> Any:
    """The customer row, or 404 for an unknown id and another store's customer alike. A
    merged id answers with its survivor (old ids keep resolving)."""
    customer_id = resolve_customer_id(conn, customer_id)
    row = conn.execute(sa.select(customers).where(customers.c.id == customer_id)).first()
    if row is None or not may_see(session, row.scope):
        raise not_found("customer")
    return row


def visible_row(conn: Connection, session: Session, table: sa.Table, row_id: str, what: str) -> Any:
    """A customer's row (order, cart, note) by its own id, under the same rule."""
    row = conn.execute(sa.select(table).where(table.c.id == row_id)).first()
    if row is None or not may_see(session, row.scope):
        raise not_found(what)
    return row
