"""Per-store, per-local-day counts of visits by outcome and reason, kept by the visit writes.

The dashboard's funnel and no-purchase reasons (`stats.funnel.visit_tallies`) and the
visits drill-down's total counted every visit of the period (500,000 a year at full
size). `store_visit_days` holds, per (store, day, outcome, reason), how many visits there
are, the day being the store's own local calendar day (`sales_rollup.local_day` with
`locations.timezone`; a reason of none is ''), so a period of whole local days reads a
few rows per day instead.

Every write of a visit moves the rollup in its own transaction: `visit.log` adds one
(`visit_mutations.log_visit`, only when the row was inserted; a visit sent again adds
nothing). Visits are append-only: nothing in the hub changes a visit's outcome, reason,
time or store, or deletes one (erasure and merges only change `customer_id`, which the
rollup does not key on); `update_visits` and `delete_visits` are the way to do it should
that change. A store's time zone cannot be changed through the API; whoever changes it
calls `rebuild_store`. `rebuild` is set-based SQL (the migration's backfill, the seeds,
bulk loads).

Concurrency: on PostgreSQL two pushes that log visits of the same store both hold the
store scope's counter (`push_locks`: a batch locks the device's store scope first), so
they add to the store's cells one after the other; the upsert also makes a first insert
of a cell by two writers wait instead of fail.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from clienteling.hub.sales_rollup import local_day, local_day_sql, store_zones
from clienteling.hub.tables import locations, store_visit_days, visits

NONE = ""
"""The outcome or reason column of visits that have none."""

_BATCH = 2_000
_DAYS = store_visit_days

Cell = tuple[str, str, str, str]  # store, local day, outcome, reason


def cell_of(visit: Mapping[Any, Any], timezone: str | None) -> Cell:
    """The rollup cell a visit (store_id, at, outcome, reason) counts in."""
    return (
        str(visit["store_id"]),
        local_day(visit["at"], timezone),
        str(visit["outcome"] or NONE),
        str(visit["reason"] or NONE),
    )


def add(conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    """Count visits just inserted (store_id, at, outcome, reason each)."""
    _move(conn, added=list(rows), removed=[])


def remove(conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    """Take out visits as they were before they were deleted or changed."""
    _move(conn, added=[], removed=list(rows))


def _move(
    conn: Connection, *, added: Sequence[Mapping[str, Any]], removed: Sequence[Mapping[str, Any]]
) -> None:
    zones = store_zones(conn, [str(r["store_id"]) for r in (*added, *removed)])
    delta: Counter[Cell] = Counter()
    for row in added:
        delta[cell_of(row, zones.get(str(row["store_id"])))] += 1
    for row in removed:
        delta[cell_of(row, zones.get(str(row["store_id"])))] -= 1
    _apply(conn, {cell: n for cell, n in delta.items() if n})


def _rows_of(conn: Connection, where: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    query = sa.select(
        visits.c.id, visits.c.store_id, visits.c.at, visits.c.outcome, visits.c.reason
    )
    return [dict(r._mapping) for r in conn.execute(query.where(where).with_for_update())]


def update_visits(conn: Connection, visit_ids: Iterable[str], values: Mapping[str, Any]) -> int:
    """Change these visits (any columns, outcome, reason, at, store_id included) and move
    the rollup with them; returns how many visits changed."""
    ids = sorted(set(visit_ids))
    changed = 0
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        before = _rows_of(conn, visits.c.id.in_(chunk))
        if not before:
            continue
        conn.execute(sa.update(visits).where(visits.c.id.in_(chunk)).values(**values))
        after = _rows_of(conn, visits.c.id.in_(chunk))
        _move(conn, added=after, removed=before)
        changed += len(before)
    return changed


def delete_visits(conn: Connection, visit_ids: Iterable[str]) -> int:
    """Delete these visits and take them out of the rollup; returns how many went."""
    ids = sorted(set(visit_ids))
    deleted = 0
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        before = _rows_of(conn, visits.c.id.in_(chunk))
        if not before:
            continue
        conn.execute(sa.delete(visits).where(visits.c.id.in_(chunk)))
        remove(conn, before)
        deleted += len(before)
    return deleted


@functools.cache
def _upsert(dialect_name: str) -> sa.Insert:
    """Add to a cell (created at zero when new): concurrent writers of one cell wait for
    each other instead of failing on the primary key."""
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    statement = dialect.insert(_DAYS)
    upsert: sa.Insert = statement.on_conflict_do_update(
        index_elements=list(_DAYS.primary_key.columns),
        set_={"visits": _DAYS.c.visits + statement.excluded.visits},
    )
    return upsert


def _apply(conn: Connection, delta: dict[Cell, int]) -> None:
    if not delta:
        return
    cells = sorted(delta)  # one key order for every writer
    conn.execute(
        _upsert(conn.dialect.name),
        [
            {"store_id": c[0], "day": c[1], "outcome": c[2], "reason": c[3], "visits": delta[c]}
            for c in cells
        ],
    )
    emptied = [c for c in cells if delta[c] < 0]
    for start in range(0, len(emptied), _BATCH):
        chunk = emptied[start : start + _BATCH]
        conn.execute(
            sa.delete(_DAYS).where(
                _DAYS.c.visits <= 0,
                sa.tuple_(_DAYS.c.store_id, _DAYS.c.day, _DAYS.c.outcome, _DAYS.c.reason).in_(
                    chunk
                ),
            )
        )


# --- consistency checks -------------------------------------------------------------------


def computed(conn: Connection) -> dict[Cell, int]:
    """The rollup recomputed in Python from every visit (the consistency checks)."""
    zones = dict(conn.execute(sa.select(locations.c.id, locations.c.timezone)).all())
    found: Counter[Cell] = Counter()
    query = sa.select(visits.c.store_id, visits.c.at, visits.c.outcome, visits.c.reason)
    for r in conn.execute(query.execution_options(yield_per=5_000)):
        found[cell_of(r._mapping, zones.get(r.store_id))] += 1
    return dict(found)


def stored(conn: Connection) -> dict[Cell, int]:
    """The rollup as stored."""
    return {
        (str(r.store_id), str(r.day), str(r.outcome), str(r.reason)): int(r.visits)
        for r in conn.execute(sa.select(_DAYS))
    }


# --- set-based rebuild ----------------------------------------------------------------------


def _rebuild(conn: Connection, store_id: str | None) -> int:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SET LOCAL timezone = 'UTC'"))  # naive times are UTC
    day = local_day_sql(conn, "v.at", "COALESCE(l.timezone, 'UTC')")
    only = "WHERE v.store_id = :store" if store_id is not None else ""
    params = {"store": store_id} if store_id is not None else {}
    conn.execute(
        sa.delete(_DAYS).where(_DAYS.c.store_id == store_id)
        if store_id is not None
        else sa.delete(_DAYS)
    )
    conn.execute(
        sa.text(
            f"""
            INSERT INTO store_visit_days (store_id, day, outcome, reason, visits)
            SELECT store_id, day, outcome, reason, count(*)
            FROM (
                SELECT v.store_id, {day} AS day, COALESCE(v.outcome, '') AS outcome,
                    COALESCE(v.reason, '') AS reason
                FROM visits v LEFT JOIN locations l ON l.id = v.store_id
                {only}
            ) AS d
            GROUP BY store_id, day, outcome, reason
            """
        ),
        params,
    )
    counted = sa.select(sa.func.count()).select_from(_DAYS)
    if store_id is not None:
        counted = counted.where(_DAYS.c.store_id == store_id)
    return int(conn.execute(counted).scalar_one())


def rebuild(conn: Connection) -> int:
    """Recompute the whole rollup from the visits in one INSERT ... SELECT (backfill,
    seeds, bulk loads); returns its rows."""
    return _rebuild(conn, None)


def rebuild_store(conn: Connection, store_id: str) -> int:
    """Recompute one store's rows (its time zone changed: every visit's day may move);
    returns them."""
    return _rebuild(conn, store_id)
