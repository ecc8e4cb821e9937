"""Per-scope version counters: the change feed's only clock.

The counter row is updated inside the writing transaction, so the write lock (BEGIN
IMMEDIATE on SQLite, the row lock on PostgreSQL) is held until commit and version order
is commit order: a pull cursor can never skip a row that commits late.

A scope's counter row is created the first time the scope is written. Two transactions
may both find it missing; both then `INSERT ... ON CONFLICT DO NOTHING` (on PostgreSQL the
second waits for the first to commit, then inserts nothing) and retry the UPDATE, which at
READ COMMITTED sees the committed row and queues on its lock.

Lock order: a transaction that writes more than one scope takes their counters in one
order, sorted by scope id (`lock_scopes`, before its first write), and only then the
rows it changes (a customer: `purchase_facts.lock_customer`). Two transactions that
took two counters in opposite order (a push that writes its own store and a looked-up
customer of another store, against a push of that other store doing the reverse; a hold
ended, which writes its store then the catalog, against a stock change, which writes the
catalog then its store's tasks) would each hold one and wait for the other: PostgreSQL
fails one of them with a deadlock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, MutableMapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import scope_versions

# Built once: a push allocates per mutation, and building the statement cost more than
# running it.
_BUMP = (
    sa.update(scope_versions)
    .where(scope_versions.c.scope == sa.bindparam("scope_key"))
    .values(version=scope_versions.c.version + sa.bindparam("count", type_=sa.BigInteger))
    .returning(scope_versions.c.version)
)
_LOCK = (
    sa.select(scope_versions.c.scope)
    .where(scope_versions.c.scope.in_(sa.bindparam("scope_keys", expanding=True)))
    .order_by(scope_versions.c.scope.collate("C"))  # as Python sorts: one order everywhere
    .with_for_update()
)
_CURRENT = sa.select(scope_versions.c.version).where(
    scope_versions.c.scope == sa.bindparam("scope_key")
)


def allocate(conn: Connection, scope: str, count: int = 1) -> int:
    """Reserve `count` consecutive versions in `scope`; return the first of them."""
    if count < 1:
        raise ValueError("count must be >= 1")
    params = {"scope_key": scope, "count": count}
    last = conn.execute(_BUMP, params).scalar_one_or_none()
    if last is None:
        insert_ignoring_conflicts(conn, scope_versions, {"scope": scope, "version": 0})
        last = conn.execute(_BUMP, params).scalar_one()
    return int(last) - count + 1


def number(conn: Connection, rows: Iterable[MutableMapping[str, Any]]) -> None:
    """Give each row, in order, the next version of its `scope` (one allocation per
    scope, scopes in sorted order): bulk writers (seeds, migrations) use it."""
    rows = list(rows)
    per_scope = Counter(str(row["scope"]) for row in rows)
    following = {scope: allocate(conn, scope, n) for scope, n in sorted(per_scope.items())}
    for row in rows:
        row["version"] = following[str(row["scope"])]
        following[str(row["scope"])] += 1


def current(conn: Connection, scope: str) -> int:
    """The newest version handed out in `scope` (0 when nothing was written yet)."""
    value = conn.execute(_CURRENT, {"scope_key": scope}).scalar_one_or_none()
    return int(value or 0)


def lock_scopes(conn: Connection, scopes: Iterable[str]) -> None:
    """Lock the counters of `scopes` until commit, in the hub's one order (sorted by scope
    id; see the module docstring), creating the missing ones. Call it before the first
    write of a transaction that may write several scopes; a later `allocate` in one of
    them then waits for nobody. SQLite: nothing to do (the write transaction holds the
    whole database)."""
    wanted = sorted(set(scopes))
    if not wanted or conn.dialect.name != "postgresql":
        return
    found = set(conn.execute(_LOCK, {"scope_keys": wanted}).scalars())
    for scope in wanted:  # a scope's first write: its new row is held by the insert
        if scope not in found:
            insert_ignoring_conflicts(conn, scope_versions, {"scope": scope, "version": 0})
    if len(found) < len(wanted):
        conn.execute(_LOCK, {"scope_keys": wanted}).all()
