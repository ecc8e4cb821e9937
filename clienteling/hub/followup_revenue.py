"""Per follow-up, its credited kept orders and their revenue, kept by the credits' writes.

The dashboard's follow-up effects sum, per template and channel, the revenue of the kept
orders credited to the store's follow-ups of a period. Joining the period's follow-ups
with every credited order's narrow row (`followup_credits`) hash-joined 100,000 credits
with 50,000 follow-ups at full size (about 250 ms of a 12-month dashboard). Here each
follow-up with at least one credited kept order has one row: the count and revenue of
those orders, with the follow-up's store, creation time, template and channel copied
(fixed once the follow-up exists: erasure blanks a follow-up and moves it out of the
store's feed, but keeps these), so the period's rows are one index-only range scan and
no join.

Kept like `omni_rollup`: `followup_credits.refresh` / `forget` (inside every order write's
`purchase_facts.refresh` / `forget`, in the same transaction) hand over the credits they
deleted and inserted, and `move` adds the difference to each follow-up's row (upserted in
key order, so two writers of one row wait for each other instead of failing; additions
commute, so the row is right whoever commits first), dropping rows left with no order.
Each move also adds the difference to the follow-up's per-day cell
(`followup_days.move_revenue`). Follow-up status changes (sent, opened, clicked...) never
touch this table, nor does creating a follow-up: an order is credited only through a touch
of an existing follow-up's link (`hub.attribution`), and follow-ups are never deleted, so a
follow-up has no credits before it exists (a credit naming no follow-up would get no
row, as the join it replaces counted none). `rebuild_all` recomputes every row set-based
(the migration's backfill, the seeds, bulk loads; `followup_credits.rebuild_all` calls
it). So the rows always equal `followup_credits` summed per follow-up and joined with
`followups`, which the tests check.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from clienteling.hub import followup_days
from clienteling.hub.tables import followup_credits, followup_revenue, followups

_BATCH = 2_000
_COPIED = ("store_id", "created_at", "template", "channel")
"""The follow-up's columns the rollup copies (fixed once the follow-up exists)."""

Sums = tuple[int, int]  # credited kept orders, their revenue
Row = tuple[str | None, str, str, str, int, int]  # store, created_at, template, channel, sums


def move(conn: Connection, *, removed: Iterable[Any], added: Iterable[Any]) -> None:
    """Move the rollup by credits `removed` and `added` (rows with `followup_id` and
    `revenue_minor`), in the caller's transaction."""
    delta: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rows, sign in ((removed, -1), (added, 1)):
        for r in rows:
            d = delta[str(r.followup_id)]
            d[0] += sign
            d[1] += sign * int(r.revenue_minor)
    changed = sorted(f for f, d in delta.items() if any(d))  # one key order: no deadlock
    if not changed:
        return
    conn.execute(
        _upsert(conn.dialect.name),
        [{"id": f, "orders": delta[f][0], "revenue_minor": delta[f][1]} for f in changed],
    )
    # The same difference in each follow-up's per-day cell (`hub.followup_days`).
    followup_days.move_revenue(conn, {f: (delta[f][0], delta[f][1]) for f in changed})
    emptied = [f for f in changed if delta[f][0] < 0]
    for start in range(0, len(emptied), _BATCH):
        conn.execute(
            sa.delete(followup_revenue).where(
                followup_revenue.c.followup_id.in_(emptied[start : start + _BATCH]),
                followup_revenue.c.orders <= 0,
            )
        )


@functools.cache
def _upsert(dialect_name: str) -> sa.Insert:
    """Add to a follow-up's row, created from the follow-up when new (none when there is
    no such follow-up)."""
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    table = followup_revenue
    source = sa.select(
        followups.c.id,
        *(followups.c[name] for name in _COPIED),
        sa.cast(sa.bindparam("orders"), sa.Integer).label("orders"),
        sa.cast(sa.bindparam("revenue_minor"), sa.BigInteger).label("revenue_minor"),
    ).where(followups.c.id == sa.bindparam("id"))  # a WHERE: SQLite's upsert needs one
    statement = dialect.insert(table).from_select(
        ["followup_id", *_COPIED, "orders", "revenue_minor"], source
    )
    upsert: sa.Insert = statement.on_conflict_do_update(
        index_elements=[table.c.followup_id],
        set_={
            "orders": table.c.orders + statement.excluded.orders,
            "revenue_minor": table.c.revenue_minor + statement.excluded.revenue_minor,
        },
    )
    return upsert


def _summed(followup_ids: Sequence[str] | None) -> sa.Select[Any]:
    """The rows recomputed from the credits (of these follow-ups, or all)."""
    credits = sa.select(
        followup_credits.c.followup_id,
        sa.func.count().label("orders"),
        sa.func.sum(followup_credits.c.revenue_minor).label("revenue_minor"),
    ).group_by(followup_credits.c.followup_id)
    if followup_ids is not None:
        credits = credits.where(followup_credits.c.followup_id.in_(followup_ids))
    summed = credits.subquery("summed")
    return sa.select(
        followups.c.id.label("followup_id"),
        *(followups.c[name] for name in _COPIED),
        summed.c.orders,
        summed.c.revenue_minor,
    ).select_from(summed.join(followups, followups.c.id == summed.c.followup_id))


_COLUMNS = ["followup_id", *_COPIED, "orders", "revenue_minor"]


def rebuild_all(conn: Connection) -> int:
    """Every row again from the credits, set-based (backfill, seeds, bulk loads; after
    `followup_credits.rebuild_all`); returns the rows."""
    conn.execute(sa.delete(followup_revenue))
    conn.execute(sa.insert(followup_revenue).from_select(_COLUMNS, _summed(None)))
    return int(conn.execute(sa.select(sa.func.count()).select_from(followup_revenue)).scalar_one())


def _row(r: Any) -> Row:
    return (
        None if r.store_id is None else str(r.store_id),
        str(r.created_at),
        str(r.template),
        str(r.channel),
        int(r.orders),
        int(r.revenue_minor),
    )


def computed(conn: Connection) -> dict[str, Row]:
    """The rows recomputed from `followup_credits` and `followups` (consistency checks)."""
    return {str(r.followup_id): _row(r) for r in conn.execute(_summed(None))}


def stored(conn: Connection) -> dict[str, Row]:
    """The rows as stored (consistency checks)."""
    return {str(r.followup_id): _row(r) for r in conn.execute(sa.select(followup_revenue))}
