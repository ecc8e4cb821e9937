"""What the hub holds for a scope, for a terminal's check after it caught up (DESIGN.md
Sync 9): per entity kind, how many rows and the sum of their versions.

A terminal that lost a row, kept one the hub deleted, or missed an update (its copy has
an older version) differs in one of the two figures and resyncs the scope. Both read the
`(scope, version)` index only. The figures mean something only when nothing in the scope
is newer than the terminal's cursor; otherwise the answer says "pull first".
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.entities import kinds_for
from clienteling.hub.feed import BadCursorError, Cursor, caught_up
from clienteling.protocol.models import KindCheck, ScopeCheckResponse


def check_scope(conn: Connection, *, epoch: str, scope: str, cursor: str) -> ScopeCheckResponse:
    """`conn` inside a read transaction (one snapshot for the probe and the sums)."""
    position = Cursor.decode(cursor)
    if position.scope != scope:
        raise BadCursorError(f"the cursor belongs to scope {position.scope!r}")
    if position.epoch != epoch or position.snapshot or not caught_up(conn, position):
        return ScopeCheckResponse(caught_up=False)
    kinds = kinds_for(scope)
    sums = sa.union_all(
        *(
            sa.select(
                sa.literal(index, sa.Integer),
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(kind.table.c.version), 0),
            ).where(kind.table.c.scope == scope)
            for index, kind in enumerate(kinds)
        )
    )
    figures = {
        kinds[int(index)].name: KindCheck(count=int(count), version_sum=int(total))
        for index, count, total in conn.execute(sums)
    }
    return ScopeCheckResponse(caught_up=True, kinds=figures)
