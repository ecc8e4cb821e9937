"""The scope counters a push batch will write, locked before its first mutation.

A batch runs in one transaction. Most write only the device's store, but a mutation on a
customer another store looked up (`hub.lookups`) writes that customer's store, and holds
write the catalog (stock) as well. Two batches taking two counters in opposite order
would deadlock on PostgreSQL (`hub.versions`, lock order), so the batch's scopes, as its
arguments name them, are locked first, sorted (`versions.lock_scopes`). A scope no
argument names (a hold's store when it is not the device's) is still taken when written.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import versions
from clienteling.hub.mutation_kit import ERASED_SCOPE, Actor
from clienteling.hub.tables import appointments, customer_merges, customers, reservations, tasks
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope
from clienteling.protocol.models import Mutation

_BY_ID = {  # mutation -> the table its `id` argument names a row of
    "appointment.reschedule": appointments,
    "appointment.cancel": appointments,
    "reservation.release": reservations,
}


def _named(mutations: Iterable[Mutation]) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """(customer ids, task ids, {table: row ids}) the mutations' arguments name."""
    customer_ids: set[str] = set()
    task_ids: set[str] = set()
    rows: dict[str, set[str]] = {}
    for mutation in mutations:
        args = mutation.args
        if isinstance(args.get("customer_id"), str):
            customer_ids.add(args["customer_id"])
        if isinstance(args.get("task_id"), str):
            task_ids.add(args["task_id"])
        table = _BY_ID.get(mutation.name)
        if table is not None and isinstance(args.get("id"), str):
            rows.setdefault(table.name, set()).add(args["id"])
    return customer_ids, task_ids, rows


def batch_scopes(conn: Connection, actor: Actor, mutations: list[Mutation]) -> set[str]:
    """The scopes `mutations` will write, as far as their arguments tell."""
    scopes = {store_scope(actor.store_id)} if actor.store_id is not None else set()
    if any(m.name.startswith("reservation.") for m in mutations):
        scopes.add(CATALOG_SCOPE)
    customer_ids, task_ids, rows = _named(mutations)
    if customer_ids:
        survivors = sa.select(customer_merges.c.survivor_id).where(
            customer_merges.c.id.in_(customer_ids)
        )
        scopes.update(
            conn.execute(
                sa.select(customers.c.scope)
                .where(sa.or_(customers.c.id.in_(customer_ids), customers.c.id.in_(survivors)))
                .distinct()
            ).scalars()
        )
    if task_ids:
        scopes.update(
            conn.execute(
                sa.select(tasks.c.scope).where(tasks.c.id.in_(task_ids)).distinct()
            ).scalars()
        )
    for table in (appointments, reservations):
        ids = rows.get(table.name)
        if ids:
            scopes.update(
                conn.execute(
                    sa.select(table.c.scope).where(table.c.id.in_(ids)).distinct()
                ).scalars()
            )
    scopes.discard(ERASED_SCOPE)  # a mutation on an erased customer is refused unwritten
    return {str(scope) for scope in scopes}


def lock_batch_scopes(conn: Connection, actor: Actor, mutations: list[Mutation]) -> None:
    """Lock the counters of every scope the batch will write, in the one order; one scope
    needs no lock ahead (its first write takes it)."""
    if conn.dialect.name != "postgresql" or not mutations:
        return
    scopes = batch_scopes(conn, actor, mutations)
    if len(scopes) > 1:
        versions.lock_scopes(conn, scopes)
