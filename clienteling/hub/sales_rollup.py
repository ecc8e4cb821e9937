"""Per-day sales rollups, kept current by every order write.

The dashboard's sales figures (a store's counter sales, its customers' online orders, the
online orders credited to it, each associate's counter sales, and the previous period and
every other store for the chain average) were sums over a period's orders: 2,000,000
orders a year for one store is seconds per request. They now read `store_sales_daily`,
a few rows per store and local day.

A bucket is (store, kind, associate) with kind one of `KINDS`; a kept order (status not
'returned', as `stats.sql.KEPT_ORDER`) counts in each bucket its definition in
`stats.sql` / `stats.funnel` puts it in, on the local day of the bucket's store (its own
time zone). Orders and revenue add up over days; distinct customers do not, so each row
of a customer's days also says the customer's previous day in the bucket (`prev_day`,
'' for none). A customer bought in [s, e) once per first day in it, the one day whose
previous day is before s: customers of a period = the customer-days in it with
`prev_day < s`. Exact, for any period of whole local days.

A day has a row per distinct previous day, so a year of a busy store is hundreds of
thousands of rows. Two narrower rollups (migration 0033) let the usual reads scale with
days: `store_sales_day_sums`, a row per (bucket, day) with its orders and revenue (they add
up over days), and `store_sales_last_days`, per (bucket, day) the customers whose newest
day in the bucket it is. When nothing in a bucket is on or after a period's end (the
current period: it ends today), the customers with a day in [s, e) are exactly those whose
newest day is >= s; otherwise (past periods) the (day, prev_day) rows above count them.

`customer_sales_days` keeps each customer's rows (one per bucket and day); `refresh`
recomputes those of the given customers from their orders and adds the difference to
`store_sales_daily`, `store_sales_day_sums` and `store_sales_last_days` (upserts in key
order, the three tables always in this order), so the rollups equal a recomputation by
construction (tests/hub/test_purchase_facts.py checks it after random writes). It runs
inside `purchase_facts.refresh` and `purchase_facts.forget`, which every order write
calls; `rebuild_all` is set-based SQL (the migration's backfill, the seeds, bulk loads).

The day is the store's local calendar day (`local_day`): on SQLite, which has no time
zone data, SQL calls the same Python function (registered on the connection).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.hub.tables import (
    customer_sales_days,
    customers,
    locations,
    order_attributions,
    orders,
    store_sales_daily,
    store_sales_day_sums,
    store_sales_last_days,
)

IN_STORE = "in_store"  # counter sales at the order's store
ASSOCIATE = "associate"  # the same, per credited associate ('' for none)
ONLINE = "online"  # web and phone orders of the store's customers (by home store)
ATTRIBUTED = "attributed"  # web and phone orders credited to the store (stats.funnel)
KINDS = (IN_STORE, ASSOCIATE, ONLINE, ATTRIBUTED)

NO_DAY = ""
"""`prev_day` of a customer's first day in a bucket (sorts before every day)."""

_BATCH = 2_000
_ONLINE = sorted(metrics.ONLINE_CHANNELS)

Bucket = tuple[str, str, str]  # store, kind, associate ('' when none)
Cell = tuple[str, str, str, str, str]  # bucket + day + prev_day
DayCell = tuple[str, str, str, str]  # bucket + day (`store_sales_day_sums`, `_last_days`)
Days = dict[str, dict[Cell, tuple[int, int]]]  # customer -> cell -> (orders, revenue)


@functools.cache
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return None


def local_day(at: str | None, timezone: str | None) -> str:
    """The calendar day (YYYY-MM-DD) of the ISO instant `at` in `timezone` (naive times are
    UTC; an unknown zone counts as UTC; an unreadable time as 1970-01-01)."""
    try:
        moment = datetime.fromisoformat(str(at))
    except ValueError:
        return "1970-01-01"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    zone = _zone(timezone or "UTC") or UTC
    return moment.astimezone(zone).date().isoformat()


def store_zones(conn: Connection, store_ids: Iterable[str]) -> dict[str, str | None]:
    """The time zone of each of these stores (for `local_day`; the per-day rollups)."""
    ids = sorted(set(store_ids))
    if not ids:
        return {}
    return {
        str(store_id): zone
        for store_id, zone in conn.execute(
            sa.select(locations.c.id, locations.c.timezone).where(locations.c.id.in_(ids))
        )
    }


def _order_rows(conn: Connection, customer_ids: list[str]) -> sa.Select[Any]:
    return (
        sa.select(
            orders.c.customer_id,
            orders.c.channel,
            orders.c.store_id,
            orders.c.associate_id,
            orders.c.placed_at,
            orders.c.net_minor,
            customers.c.home_store_id,
            sa.func.coalesce(order_attributions.c.store_id, orders.c.store_id).label("credit"),
        )
        .select_from(
            orders.join(customers, customers.c.id == orders.c.customer_id).outerjoin(
                order_attributions, order_attributions.c.order_id == orders.c.id
            )
        )
        .where(orders.c.status != "returned", orders.c.customer_id.in_(customer_ids))
    )


def _buckets(row: Any) -> list[Bucket]:
    """The buckets a kept order counts in (the definitions of stats.sql / stats.funnel)."""
    found: list[Bucket] = []
    if row.channel == "store" and row.store_id is not None:
        found.append((str(row.store_id), IN_STORE, ""))
        found.append((str(row.store_id), ASSOCIATE, str(row.associate_id or "")))
    elif row.channel in metrics.ONLINE_CHANNELS:
        if row.home_store_id is not None:
            found.append((str(row.home_store_id), ONLINE, ""))
        if row.credit is not None:
            found.append((str(row.credit), ATTRIBUTED, ""))
    return found


def computed(
    conn: Connection, customer_ids: Iterable[str]
) -> dict[str, dict[Cell, tuple[int, int]]]:
    """Each customer's rows recomputed from the orders: cell -> (orders, revenue)."""
    ids = sorted(set(customer_ids))
    zones = dict(conn.execute(sa.select(locations.c.id, locations.c.timezone)).all())
    per_day: dict[str, dict[tuple[Bucket, str], list[int]]] = {i: {} for i in ids}
    for start in range(0, len(ids), _BATCH):
        for row in conn.execute(_order_rows(conn, ids[start : start + _BATCH])):
            days = per_day[str(row.customer_id)]
            for bucket in _buckets(row):
                key = (bucket, local_day(row.placed_at, zones.get(bucket[0])))
                tally = days.setdefault(key, [0, 0])
                tally[0] += 1
                tally[1] += int(row.net_minor or 0)
    found: dict[str, dict[Cell, tuple[int, int]]] = {}
    for customer_id, days in per_day.items():
        cells: dict[Cell, tuple[int, int]] = {}
        previous: dict[Bucket, str] = {}
        for (bucket, day), (n, revenue) in sorted(days.items()):
            cells[(*bucket, day, previous.get(bucket, NO_DAY))] = (n, revenue)
            previous[bucket] = day
        found[customer_id] = cells
    return found


def stored(
    conn: Connection, customer_ids: Iterable[str] | None = None
) -> dict[str, dict[Cell, tuple[int, int]]]:
    """Each customer's rows as stored (for `refresh` and the consistency checks)."""
    table = customer_sales_days
    query = sa.select(table)
    found: dict[str, dict[Cell, tuple[int, int]]] = {}
    if customer_ids is None:
        chunks: list[Any] = [None]
    else:
        ids = sorted(set(customer_ids))
        found = {i: {} for i in ids}
        chunks = [ids[i : i + _BATCH] for i in range(0, len(ids), _BATCH)]
    for chunk in chunks:
        selected = query if chunk is None else query.where(table.c.customer_id.in_(chunk))
        for r in conn.execute(selected):
            cell = (r.store_id, r.kind, r.associate_id, r.day, r.prev_day)
            found.setdefault(str(r.customer_id), {})[cell] = (int(r.orders), int(r.revenue_minor))
    return found


def refresh(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Recompute these customers' rows from their orders and move the rollup by the
    difference, in the caller's transaction (a customer gone, or without kept orders,
    has no rows)."""
    ids = sorted(set(customer_ids))
    if ids:
        _move(conn, ids, computed(conn, ids))


def forget(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Take customers out of the rollup whatever their orders (merged away: their orders
    move to the survivor, whose refresh counts them)."""
    ids = sorted(set(customer_ids))
    if ids:
        _move(conn, ids, {})


def _move(conn: Connection, ids: list[str], after: dict[str, dict[Cell, tuple[int, int]]]) -> None:
    before = stored(conn, ids)
    delta: defaultdict[Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    day_delta: defaultdict[DayCell, list[int]] = defaultdict(lambda: [0, 0])
    last_delta: defaultdict[DayCell, list[int]] = defaultdict(lambda: [0])
    for customer_id in ids:
        old, new = before.get(customer_id, {}), after.get(customer_id, {})
        if old == new:
            continue
        for cells, sign in ((old, -1), (new, 1)):
            for cell, (n, revenue) in cells.items():
                d = delta[cell]
                d[0] += sign * n
                d[1] += sign * revenue
                d[2] += sign
                s = day_delta[cell[:4]]
                s[0] += sign * n
                s[1] += sign * revenue
            for last in last_days(cells):
                last_delta[last][0] += sign
        _replace_days(conn, customer_id, new)
    _apply(conn, _DAILY_SPEC, {cell: d for cell, d in delta.items() if any(d)})
    _apply(conn, _SUMS_SPEC, {cell: d for cell, d in day_delta.items() if any(d)})
    _apply(conn, _LAST_SPEC, {cell: d for cell, d in last_delta.items() if any(d)})


def last_days(cells: Iterable[Cell]) -> list[DayCell]:
    """A customer's newest day in each bucket (`store_sales_last_days`' keys)."""
    newest: dict[Bucket, str] = {}
    for store, kind, associate, day, _prev in cells:
        bucket = (store, kind, associate)
        if day > newest.get(bucket, NO_DAY):
            newest[bucket] = day
    return [(*bucket, day) for bucket, day in newest.items()]


def _replace_days(conn: Connection, customer_id: str, cells: dict[Cell, tuple[int, int]]) -> None:
    table = customer_sales_days
    conn.execute(sa.delete(table).where(table.c.customer_id == customer_id))
    if cells:
        conn.execute(
            sa.insert(table),
            [
                {
                    "customer_id": customer_id,
                    "store_id": cell[0],
                    "kind": cell[1],
                    "associate_id": cell[2],
                    "day": cell[3],
                    "prev_day": cell[4],
                    "orders": n,
                    "revenue_minor": revenue,
                }
                for cell, (n, revenue) in sorted(cells.items())
            ],
        )


@dataclass(frozen=True)
class _Spec:
    """A rollup table `_apply` adds to: its key and summed columns, and the column that
    says a row is empty (a count that reaches zero when nothing maps to the row)."""

    table: sa.Table
    keys: tuple[str, ...]
    values: tuple[str, ...]
    count: str


_DAILY_SPEC = _Spec(
    store_sales_daily,
    ("store_id", "kind", "associate_id", "day", "prev_day"),
    ("orders", "revenue_minor", "customers"),
    "customers",
)
_SUMS_SPEC = _Spec(
    store_sales_day_sums,
    ("store_id", "kind", "associate_id", "day"),
    ("orders", "revenue_minor"),
    "orders",  # every customer-day has at least one kept order
)
_LAST_SPEC = _Spec(
    store_sales_last_days,
    ("store_id", "kind", "associate_id", "last_day"),
    ("customers",),
    "customers",
)


@functools.cache
def _upsert(dialect_name: str, spec: _Spec) -> sa.Insert:
    """Add to a rollup cell (created at zero): one statement, concurrent writers of the
    same cell wait for each other instead of failing on the primary key."""
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    table = spec.table
    statement = dialect.insert(table)
    excluded = statement.excluded
    upsert: sa.Insert = statement.on_conflict_do_update(
        index_elements=[table.c[k] for k in spec.keys],
        set_={v: table.c[v] + excluded[v] for v in spec.values},
    )
    return upsert


def _apply(conn: Connection, spec: _Spec, delta: dict[Any, list[int]]) -> None:
    if not delta:
        return
    table = spec.table
    cells = sorted(delta)  # one key order for every writer: no deadlock between two
    conn.execute(
        _upsert(conn.dialect.name, spec),
        [
            dict(zip(spec.keys, c, strict=True)) | dict(zip(spec.values, delta[c], strict=True))
            for c in cells
        ],
    )
    # A cell no customer-day maps to any more goes (the rollups hold no zero rows).
    at = spec.values.index(spec.count)
    emptied = [c for c in cells if delta[c][at] < 0]
    key = sa.tuple_(*(table.c[k] for k in spec.keys))
    for start in range(0, len(emptied), _BATCH):
        chunk = emptied[start : start + _BATCH]
        conn.execute(sa.delete(table).where(table.c[spec.count] <= 0, key.in_(chunk)))


def rollup_stored(conn: Connection) -> dict[Cell, tuple[int, int, int]]:
    """The rollup as stored (for the consistency checks)."""
    return {
        (r.store_id, r.kind, r.associate_id, r.day, r.prev_day): (
            int(r.orders),
            int(r.revenue_minor),
            int(r.customers),
        )
        for r in conn.execute(sa.select(store_sales_daily))
    }


def rollup_of(days: dict[str, dict[Cell, tuple[int, int]]]) -> dict[Cell, tuple[int, int, int]]:
    """The rollup that customers' rows sum to."""
    sums: defaultdict[Cell, list[int]] = defaultdict(lambda: [0, 0, 0])
    for cells in days.values():
        for cell, (n, revenue) in cells.items():
            s = sums[cell]
            s[0] += n
            s[1] += revenue
            s[2] += 1
    return {cell: (s[0], s[1], s[2]) for cell, s in sums.items()}


def sums_stored(conn: Connection) -> dict[DayCell, tuple[int, int]]:
    """`store_sales_day_sums` as stored (for the consistency checks)."""
    t = store_sales_day_sums
    return {
        (r.store_id, r.kind, r.associate_id, r.day): (int(r.orders), int(r.revenue_minor))
        for r in conn.execute(sa.select(t))
    }


def sums_of(days: dict[str, dict[Cell, tuple[int, int]]]) -> dict[DayCell, tuple[int, int]]:
    """The per-(bucket, day) sums that customers' rows add up to."""
    sums: defaultdict[DayCell, list[int]] = defaultdict(lambda: [0, 0])
    for cells in days.values():
        for cell, (n, revenue) in cells.items():
            s = sums[cell[:4]]
            s[0] += n
            s[1] += revenue
    return {cell: (s[0], s[1]) for cell, s in sums.items()}


def last_days_stored(conn: Connection) -> dict[DayCell, int]:
    """`store_sales_last_days` as stored (for the consistency checks)."""
    t = store_sales_last_days
    return {
        (r.store_id, r.kind, r.associate_id, r.last_day): int(r.customers)
        for r in conn.execute(sa.select(t))
    }


def last_days_of(days: dict[str, dict[Cell, tuple[int, int]]]) -> dict[DayCell, int]:
    """The customers per bucket and newest day that customers' rows make."""
    counts: defaultdict[DayCell, int] = defaultdict(int)
    for cells in days.values():
        for last in last_days(cells):
            counts[last] += 1
    return dict(counts)


# --- set-based rebuild ------------------------------------------------------------------


def local_day_sql(conn: Connection, at: str, zone: str) -> str:
    """SQL for `local_day(at, zone)` on this connection's database (the rollups'
    set-based rebuilds group by it)."""
    if conn.dialect.name == "postgresql":
        return f"to_char(CAST({at} AS timestamptz) AT TIME ZONE {zone}, 'YYYY-MM-DD')"
    register_functions(conn)
    return f"clienteling_local_day({at}, {zone})"


def register_functions(conn: Connection) -> None:
    """SQLite has no time zones: SQL calls `local_day` itself (deterministic)."""
    raw = conn.connection.driver_connection
    raw.create_function("clienteling_local_day", 2, local_day, deterministic=True)  # type: ignore[union-attr]


def rebuild_sql(conn: Connection, *, with_sums: bool = True) -> list[str]:
    """The statements that rebuild the tables from the orders (INSERT ... SELECT):
    the customers' days, the (day, prev_day) rollup and, `with_sums`, the per-day sums and
    newest days built from those two."""
    day = local_day_sql(conn, "b.placed_at", "COALESCE(l.timezone, 'UTC')")
    online = ", ".join(f"'{c}'" for c in _ONLINE)
    order_by = 'b2.day COLLATE "C"' if conn.dialect.name == "postgresql" else "b2.day"
    days = f"""
        INSERT INTO customer_sales_days (customer_id, store_id, kind, associate_id, day,
            prev_day, orders, revenue_minor)
        WITH kept AS (
            SELECT o.customer_id, o.channel, o.store_id, o.associate_id, o.placed_at,
                COALESCE(o.net_minor, 0) AS net, c.home_store_id,
                COALESCE(a.store_id, o.store_id) AS credit
            FROM orders o
            JOIN customers c ON c.id = o.customer_id
            LEFT JOIN order_attributions a ON a.order_id = o.id
            WHERE o.status != 'returned'
        ),
        b AS (
            SELECT customer_id, store_id AS bstore, '{IN_STORE}' AS kind, '' AS assoc,
                placed_at, net
            FROM kept WHERE channel = 'store' AND store_id IS NOT NULL
            UNION ALL
            SELECT customer_id, store_id, '{ASSOCIATE}', COALESCE(associate_id, ''),
                placed_at, net
            FROM kept WHERE channel = 'store' AND store_id IS NOT NULL
            UNION ALL
            SELECT customer_id, home_store_id, '{ONLINE}', '', placed_at, net
            FROM kept WHERE channel IN ({online}) AND home_store_id IS NOT NULL
            UNION ALL
            SELECT customer_id, credit, '{ATTRIBUTED}', '', placed_at, net
            FROM kept WHERE channel IN ({online}) AND credit IS NOT NULL
        ),
        b2 AS (
            SELECT b.customer_id, b.bstore, b.kind, b.assoc, {day} AS day,
                count(*) AS n, sum(b.net) AS revenue
            FROM b LEFT JOIN locations l ON l.id = b.bstore
            GROUP BY b.customer_id, b.bstore, b.kind, b.assoc, {day}
        )
        SELECT b2.customer_id, b2.bstore, b2.kind, b2.assoc, b2.day,
            COALESCE(LAG(b2.day) OVER (
                PARTITION BY b2.customer_id, b2.bstore, b2.kind, b2.assoc ORDER BY {order_by}
            ), ''),
            b2.n, b2.revenue
        FROM b2
    """
    rollup = """
        INSERT INTO store_sales_daily (store_id, kind, associate_id, day, prev_day, orders,
            revenue_minor, customers)
        SELECT store_id, kind, associate_id, day, prev_day, sum(orders), sum(revenue_minor),
            count(*)
        FROM customer_sales_days
        GROUP BY store_id, kind, associate_id, day, prev_day
    """
    return [days, rollup, *(sums_sql(conn) if with_sums else [])]


def sums_sql(conn: Connection) -> list[str]:
    """The statements that build `store_sales_day_sums` and `store_sales_last_days` from
    the two tables above (migration 0033's backfill: a pass over each, no order read)."""
    newest = 'max(day COLLATE "C")' if conn.dialect.name == "postgresql" else "max(day)"
    sums = """
        INSERT INTO store_sales_day_sums (store_id, kind, associate_id, day, orders,
            revenue_minor)
        SELECT store_id, kind, associate_id, day, sum(orders), sum(revenue_minor)
        FROM store_sales_daily
        GROUP BY store_id, kind, associate_id, day
    """
    last = f"""
        INSERT INTO store_sales_last_days (store_id, kind, associate_id, last_day, customers)
        SELECT store_id, kind, associate_id, last_day, count(*)
        FROM (
            SELECT store_id, kind, associate_id, {newest} AS last_day
            FROM customer_sales_days
            GROUP BY customer_id, store_id, kind, associate_id
        ) AS newest
        GROUP BY store_id, kind, associate_id, last_day
    """
    return [sums, last]


def rebuild_sums(conn: Connection) -> None:
    """Rebuild the per-day sums and newest days from the tables they derive from."""
    conn.execute(sa.delete(store_sales_last_days))
    conn.execute(sa.delete(store_sales_day_sums))
    for statement in sums_sql(conn):
        conn.execute(sa.text(statement))


def rebuild_all(conn: Connection, *, with_sums: bool = True) -> int:
    """Rebuild the tables from every order in set-based SQL (backfill, seeds, bulk
    loads); returns the (day, prev_day) rollup's rows. `with_sums=False`: for a schema
    before migration 0033 (migration 0018's backfill)."""
    statements = rebuild_sql(conn, with_sums=with_sums)  # registers the SQLite function
    if with_sums:
        conn.execute(sa.delete(store_sales_last_days))
        conn.execute(sa.delete(store_sales_day_sums))
    conn.execute(sa.delete(store_sales_daily))
    conn.execute(sa.delete(customer_sales_days))
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SET LOCAL timezone = 'UTC'"))  # naive times are UTC
    for statement in statements:
        conn.execute(sa.text(statement))
    return int(conn.execute(sa.select(sa.func.count()).select_from(store_sales_daily)).scalar_one())
