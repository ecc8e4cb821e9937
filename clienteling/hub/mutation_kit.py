"""What every mutation handler needs: who acts, how to refuse, and the customer's scope.

Handlers live in one module per area (`hub.mutations` for notes and new customers, others
beside it) and are registered in `hub.mutations.HANDLERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import Session
from clienteling.hub.tables import customer_lookups, customer_merges, customers

ERASED_SCOPE = "erased"
"""Where `hub.erasure` keeps an erased customer's shell and orders: no terminal pulls it."""


class MutationRejectedError(Exception):
    """The mutation can never succeed; the reason is shown to the associate.

    `audit`, when given, runs after the mutation's own writes were rolled back, in the
    transaction that records the refusal (so a refusal can leave an audit row behind)."""

    def __init__(self, reason: str, *, audit: Callable[[Connection], None] | None = None) -> None:
        super().__init__(reason)
        self.audit = audit


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a mutation acts for: the session's associate, on the device's store."""

    session: Session
    store_id: str | None


Handler = Callable[[Connection, Actor, dict[str, Any]], None]


# Built once (every mutation runs them; building a statement costs more than running it).
_SURVIVOR = sa.select(customer_merges.c.survivor_id).where(
    customer_merges.c.id == sa.bindparam("customer_id")
)
_HOME = sa.select(customers.c.home_store_id, customers.c.scope).where(
    customers.c.id == sa.bindparam("customer_id")
)


def resolve_customer_id(conn: Connection, customer_id: str) -> str:
    """The id a customer goes by now: the survivor when `customer_id` was merged into
    another customer (a mutation queued offline against the old id lands there)."""
    survivor = conn.execute(_SURVIVOR, {"customer_id": customer_id}).scalar_one_or_none()
    return customer_id if survivor is None else str(survivor)


# The survivor's id (or the id itself) with its home store and scope, in one statement.
_RESOLVED_HOME = sa.select(customers.c.id, customers.c.home_store_id, customers.c.scope).where(
    customers.c.id == sa.func.coalesce(_SURVIVOR.scalar_subquery(), sa.bindparam("customer_id"))
)


def resolved_customer(conn: Connection, actor: Actor, customer_id: str) -> tuple[str, str]:
    """`resolve_customer_id` then `customer_scope` (the id the customer goes by now and
    its feed scope, with the same refusals) in one statement instead of two: most
    mutations ask both, once per mutation of a push."""
    row = conn.execute(_RESOLVED_HOME, {"customer_id": customer_id}).first()
    resolved = customer_id if row is None else str(row.id)
    return resolved, _checked_scope(conn, actor, resolved, row)


def customer_scope(conn: Connection, actor: Actor, customer_id: str) -> str:
    """The feed scope of a customer the actor may change; refuses unknown customers and
    customers of another store, unless the actor's store looked them up (hub.lookups)."""
    row = conn.execute(_HOME, {"customer_id": customer_id}).first()
    return _checked_scope(conn, actor, customer_id, row)


def _checked_scope(conn: Connection, actor: Actor, customer_id: str, row: Any) -> str:
    if row is None:
        raise MutationRejectedError("unknown customer")
    if row.scope == ERASED_SCOPE:
        raise MutationRejectedError("this customer's data was erased on request")
    if (
        actor.store_id is not None
        and row.home_store_id != actor.store_id
        and lookup_until(conn, actor.store_id, customer_id) is None
    ):
        raise MutationRejectedError(ANOTHER_STORE)
    return str(row.scope)


ANOTHER_STORE = (
    "the customer belongs to another store: look them up again by phone, email or "
    "loyalty card to change their profile"
)


def lookup_until(conn: Connection, store_id: str, customer_id: str) -> str | None:
    """Until when `store_id` may reach another store's `customer_id` because one of its
    associates looked them up (`hub.lookups`); None when it may not."""
    until = conn.execute(
        sa.select(sa.func.max(customer_lookups.c.expires_at)).where(
            customer_lookups.c.store_id == store_id,
            customer_lookups.c.customer_id == customer_id,
        )
    ).scalar_one_or_none()
    return str(until) if until is not None and str(until) > iso(utc_now()) else None
