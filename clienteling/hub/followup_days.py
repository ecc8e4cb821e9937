"""Per-store, per-local-day counts of follow-ups by template, channel and status, with the
revenue credited to them, kept by the follow-up and credit writes.

The dashboard's follow-up figures (`stats.funnel.followup_tallies`: the funnel's
follow-up steps and the effects' counts; `stats.feedback.followup_effects`: the effects'
revenue) read every follow-up of the period (50,000 a year for one store at full size).
`store_followup_days` holds, per (store, day, template, channel, status), how many
follow-ups there are and the count and revenue of the kept orders credited to them
(`followup_revenue` summed), the day being the store's own local calendar day of the
follow-up's `created_at` (`sales_rollup.local_day` with `locations.timezone`), so a period
of whole local days reads a few rows per day instead. Follow-ups of no store are not kept
(no store's dashboard counts them).

Every write moves it in its own transaction:
- creating a follow-up (`followup_mutations.queue_followup`) calls `add`;
- changing a follow-up's status or any key column (`followups.set_status`, erasure's
  cancelling of unsent ones) goes through `update_followups`, which reads the rows (and
  their credited sums) before and after, locked, and moves the difference;
- moving credited revenue (`followup_revenue.move`) calls `move_revenue` with the
  difference per follow-up, added to the follow-up's current cell.
`rebuild` is set-based SQL (the migration's backfill, the seeds, bulk loads: after the
credits, `followup_credits.rebuild_all`). A store's time zone cannot be changed through
the API; whoever changes it calls `rebuild`.

Concurrency: a status change locks the follow-up's row (`followups.load(lock=True)`)
before reading its credited sums; `move_revenue` locks the same rows (FOR UPDATE, in id
order) before reading their status. So the two wait for each other and whichever comes
second sees what the first committed. The upsert makes a first insert of a cell by two
writers wait instead of fail; additions commute.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from clienteling.hub.sales_rollup import local_day, local_day_sql, store_zones
from clienteling.hub.tables import followup_revenue, followups, locations, store_followup_days

_BATCH = 2_000
_DAYS = store_followup_days

Cell = tuple[str, str, str, str, str]  # store, local day, template, channel, status
Sums = tuple[int, int, int]  # follow-ups, credited kept orders, their revenue


def cell_of(row: Mapping[Any, Any], timezone: str | None) -> Cell:
    """The cell a follow-up (store_id, created_at, template, channel, status) counts in."""
    return (
        str(row["store_id"]),
        local_day(row["created_at"], timezone),
        str(row["template"]),
        str(row["channel"]),
        str(row["status"]),
    )


def _sums(row: Mapping[Any, Any], sign: int) -> list[int]:
    return [
        sign,
        sign * int(row.get("orders") or 0),
        sign * int(row.get("revenue_minor") or 0),
    ]


def _move(
    conn: Connection, *, added: Sequence[Mapping[str, Any]], removed: Sequence[Mapping[str, Any]]
) -> None:
    kept = [r for r in (*added, *removed) if r["store_id"] is not None]
    zones = store_zones(conn, [str(r["store_id"]) for r in kept])
    delta: defaultdict[Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    for rows, sign in ((added, 1), (removed, -1)):
        for row in rows:
            if row["store_id"] is None:
                continue
            d = delta[cell_of(row, zones.get(str(row["store_id"])))]
            for k, v in enumerate(_sums(row, sign)):
                d[k] += v
    _apply(conn, {cell: (d[0], d[1], d[2]) for cell, d in delta.items() if any(d)})


def add(conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    """Count follow-ups just inserted (store_id, created_at, template, channel, status
    each; a new follow-up has no credited order)."""
    _move(conn, added=list(rows), removed=[])


_CELL_COLUMNS = (
    followups.c.id,
    followups.c.store_id,
    followups.c.created_at,
    followups.c.template,
    followups.c.channel,
    followups.c.status,
)
"""What a follow-up's cell (`cell_of`) is made of, and its id."""


def _rows_of(conn: Connection, where: sa.ColumnElement[bool]) -> list[dict[str, Any]]:
    """The follow-ups with their credited sums, the follow-ups' rows locked."""
    query = (
        sa.select(
            *_CELL_COLUMNS,
            followup_revenue.c.orders,
            followup_revenue.c.revenue_minor,
        )
        .select_from(
            followups.outerjoin(followup_revenue, followup_revenue.c.followup_id == followups.c.id)
        )
        .where(where)
        .order_by(followups.c.id)
        .with_for_update(of=followups)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def update_followups(
    conn: Connection, where: sa.ColumnElement[bool], values: Mapping[str, Any]
) -> int:
    """`UPDATE followups SET values WHERE where` (any columns, status included), moving
    the rollup with it; returns how many follow-ups the WHERE matched."""
    before = _rows_of(conn, where)
    if not before:
        return 0
    ids = [str(r["id"]) for r in before]
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(sa.update(followups).where(followups.c.id.in_(chunk), where).values(**values))
    after: list[dict[str, Any]] = []
    for start in range(0, len(ids), _BATCH):
        after += _rows_of(conn, followups.c.id.in_(ids[start : start + _BATCH]))
    _move(conn, added=after, removed=before)
    return len(before)


def move_revenue(conn: Connection, delta: Mapping[str, tuple[int, int]]) -> None:
    """Add (orders, revenue) per follow-up id to the follow-up's cell (the credited sums
    `followup_revenue.move` just added; none for an unknown follow-up)."""
    ids = sorted(f for f, d in delta.items() if any(d))
    rows: list[dict[str, Any]] = []
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        found = conn.execute(
            sa.select(*_CELL_COLUMNS)
            .where(followups.c.id.in_(chunk))
            .order_by(followups.c.id)
            .with_for_update()
        )
        rows += [dict(r._mapping) for r in found]
    kept = [r for r in rows if r["store_id"] is not None]
    zones = store_zones(conn, [str(r["store_id"]) for r in kept])
    cells: defaultdict[Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in kept:
        orders, revenue = delta[str(row["id"])]
        d = cells[cell_of(row, zones.get(str(row["store_id"])))]
        d[1] += orders
        d[2] += revenue
    _apply(conn, {cell: (d[0], d[1], d[2]) for cell, d in cells.items() if any(d)})


@functools.cache
def _upsert(dialect_name: str) -> sa.Insert:
    """Add to a cell (created at zero when new)."""
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    statement = dialect.insert(_DAYS)
    upsert: sa.Insert = statement.on_conflict_do_update(
        index_elements=list(_DAYS.primary_key.columns),
        set_={
            name: _DAYS.c[name] + statement.excluded[name]
            for name in ("followups", "orders", "revenue_minor")
        },
    )
    return upsert


_KEY = ("store_id", "day", "template", "channel", "status")


def _apply(conn: Connection, delta: dict[Cell, Sums]) -> None:
    if not delta:
        return
    cells = sorted(delta)  # one key order for every writer
    conn.execute(
        _upsert(conn.dialect.name),
        [
            {
                **dict(zip(_KEY, c, strict=True)),
                "followups": delta[c][0],
                "orders": delta[c][1],
                "revenue_minor": delta[c][2],
            }
            for c in cells
        ],
    )
    emptied = [c for c in cells if delta[c][0] < 0]
    key = sa.tuple_(*(_DAYS.c[name] for name in _KEY))
    for start in range(0, len(emptied), _BATCH):
        chunk = emptied[start : start + _BATCH]
        conn.execute(sa.delete(_DAYS).where(_DAYS.c.followups <= 0, key.in_(chunk)))


# --- consistency checks -------------------------------------------------------------------


def computed(conn: Connection) -> dict[Cell, Sums]:
    """The rollup recomputed in Python from every follow-up and its `followup_revenue`
    row (the consistency checks)."""
    zones = dict(conn.execute(sa.select(locations.c.id, locations.c.timezone)).all())
    found: defaultdict[Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    query = sa.select(
        followups.c.store_id,
        followups.c.created_at,
        followups.c.template,
        followups.c.channel,
        followups.c.status,
        followup_revenue.c.orders,
        followup_revenue.c.revenue_minor,
    ).select_from(
        followups.outerjoin(followup_revenue, followup_revenue.c.followup_id == followups.c.id)
    )
    for r in conn.execute(query.execution_options(yield_per=5_000)):
        if r.store_id is None:
            continue
        d = found[cell_of(r._mapping, zones.get(r.store_id))]
        for k, v in enumerate(_sums(r._mapping, 1)):
            d[k] += v
    return {cell: (d[0], d[1], d[2]) for cell, d in found.items()}


def stored(conn: Connection) -> dict[Cell, Sums]:
    """The rollup as stored."""
    return {
        (str(r.store_id), str(r.day), str(r.template), str(r.channel), str(r.status)): (
            int(r.followups),
            int(r.orders),
            int(r.revenue_minor),
        )
        for r in conn.execute(sa.select(_DAYS))
    }


# --- set-based rebuild ----------------------------------------------------------------------


def rebuild(conn: Connection) -> int:
    """Recompute the whole rollup from the follow-ups and `followup_revenue` in one
    INSERT ... SELECT (backfill, seeds, bulk loads: after `followup_revenue` is right);
    returns its rows."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SET LOCAL timezone = 'UTC'"))  # naive times are UTC
    day = local_day_sql(conn, "f.created_at", "COALESCE(l.timezone, 'UTC')")
    conn.execute(sa.delete(_DAYS))
    conn.execute(
        sa.text(
            f"""
            INSERT INTO store_followup_days (store_id, day, template, channel, status,
                followups, orders, revenue_minor)
            SELECT store_id, day, template, channel, status, count(*), sum(orders),
                sum(revenue_minor)
            FROM (
                SELECT f.store_id, {day} AS day, f.template, f.channel, f.status,
                    COALESCE(r.orders, 0) AS orders,
                    COALESCE(r.revenue_minor, 0) AS revenue_minor
                FROM followups f
                LEFT JOIN locations l ON l.id = f.store_id
                LEFT JOIN followup_revenue r ON r.followup_id = f.id
                WHERE f.store_id IS NOT NULL
            ) AS d
            GROUP BY store_id, day, template, channel, status
            """
        )
    )
    return int(conn.execute(sa.select(sa.func.count()).select_from(_DAYS)).scalar_one())
