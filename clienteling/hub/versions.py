"""Per-scope version counters: the change feed's only clock.

The counter row is updated inside the writing transaction, so the write lock (BEGIN
IMMEDIATE on SQLite, the row lock on PostgreSQL) is held until commit and version order
is commit order: a pull cursor can never skip a row that commits late.

A scope's counter row is created the first time the scope is written. Two transactions
may both find it missing; both then `INSERT ... ON CONFLICT DO NOTHING` (on PostgreSQL the
second waits for the first to commit, then inserts nothing) and retry the UPDATE, which at
READ COMMITTED sees the committed row and queues on its lock.
"""

from __future__ import annotations

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


def current(conn: Connection, scope: str) -> int:
    """The newest version handed out in `scope` (0 when nothing was written yet)."""
    value = conn.execute(_CURRENT, {"scope_key": scope}).scalar_one_or_none()
    return int(value or 0)
