"""The omnichannel figures' per-store rollup of the purchase facts, kept by their writes.

The dashboard's omnichannel groups (`stats.omnichannel`) summed one facts row per
customer of the store (196,000 at full size) on every request. What they need of a
customer is: home store, omnichannel or not, bought again within the retention window
(`again`), kept purchases, net value, and the first purchase time f, through
`floor((end - f) / 1 day)` (customer-days and "eligible for retention"). So
`store_omni_days` holds, per (store, omni, again, UTC day of f), the customers, their
purchases and net value, and how many of them first bought at most k whole hours into
that day (`upto_00` .. `upto_23`). For an `end` on a whole hour (a store's local midnight
is, in every time zone with a whole-hour offset) `floor((end - f) / day)` is `e - a` for
those and `e - a - 1` for the rest (e, a: the UTC day numbers of end and f), so the
figures are exact from a few rows per day of first purchases (`stats.omnichannel`).

Kept like `sales_rollup`: `refresh` / `forget` move the rollup by the difference between
a customer's stored facts (before `purchase_facts` rewrites or drops them) and the new
ones, in the same transaction, under the customer's lock; cells are upserted in key
order (concurrent writers of one cell wait for each other, never fail on the key).
`rebuild_all` recomputes it from every facts row (the migration's backfill, the seeds,
bulk loads). A customer's home store never changes after creation, and a customer row is
deleted only after `purchase_facts.forget` (merges), so the rollup is always the sum over
`customer_purchase_facts` joined with `customers`, which the tests check.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.hub.tables import customer_purchase_facts, customers, store_omni_days

DAY_US = 86_400 * 1_000_000
HOUR_US = 3_600 * 1_000_000
HOURS = tuple(f"upto_{k:02d}" for k in range(24))
"""Columns: customers whose first purchase is at most k whole hours into its UTC day."""
_SUMS = ("customers", "net_minor", "purchases", *HOURS)
_BATCH = 2_000
_FACTS = customer_purchase_facts

Cell = tuple[str, bool, bool, int]  # store, omni, again, first purchase's UTC day number
Sums = tuple[int, ...]  # in the order of _SUMS


def retained_again(first_us: int, second_us: int | None) -> bool:
    """Bought a second time within the retention window: (second - first).days <= window,
    i.e. less than window + 1 whole days apart (as `stats.omnichannel` counts it)."""
    window = metrics.RETENTION_WINDOW_DAYS
    return second_us is not None and second_us - first_us < (window + 1) * DAY_US


def contribution(row: Mapping[Any, Any], store_id: str) -> tuple[Cell, Sums]:
    """What one customer's facts row adds to the rollup of their home store."""
    first_us = int(row["first_us"])
    day = first_us // DAY_US
    into = first_us - day * DAY_US
    hour = -(-into // HOUR_US)  # ceil: 0 only exactly at midnight
    cell = (
        store_id,
        bool(row["in_store"]) and bool(row["online"]),
        retained_again(first_us, row["second_us"]),
        day,
    )
    sums = (1, int(row["net_minor"]), int(row["purchases"]), *(int(hour <= k) for k in range(24)))
    return cell, sums


def _joined(customer_ids: list[str] | None) -> sa.Select[Any]:
    query = sa.select(
        _FACTS.c.customer_id,
        _FACTS.c.first_us,
        _FACTS.c.second_us,
        _FACTS.c.in_store,
        _FACTS.c.online,
        _FACTS.c.net_minor,
        _FACTS.c.purchases,
        customers.c.home_store_id,
    ).select_from(_FACTS.join(customers, customers.c.id == _FACTS.c.customer_id))
    if customer_ids is not None:
        query = query.where(_FACTS.c.customer_id.in_(customer_ids))
    return query


def stored_contributions(
    conn: Connection, customer_ids: Iterable[str]
) -> dict[str, tuple[Cell, Sums]]:
    """What these customers' stored facts add to the rollup now (call before the facts
    are rewritten)."""
    ids = sorted(set(customer_ids))
    found: dict[str, tuple[Cell, Sums]] = {}
    for start in range(0, len(ids), _BATCH):
        for r in conn.execute(_joined(ids[start : start + _BATCH])):
            found[str(r.customer_id)] = contribution(r._mapping, str(r.home_store_id))
    return found


def new_contributions(
    conn: Connection, rows: Mapping[str, Mapping[str, Any] | None]
) -> dict[str, tuple[Cell, Sums]]:
    """What these customers' new facts rows (None: no purchases) will add."""
    ids = sorted(customer_id for customer_id, row in rows.items() if row is not None)
    homes: dict[str, str] = {}
    for start in range(0, len(ids), _BATCH):
        homes.update(
            (str(c), str(s))
            for c, s in conn.execute(
                sa.select(customers.c.id, customers.c.home_store_id).where(
                    customers.c.id.in_(ids[start : start + _BATCH])
                )
            )
        )
    found: dict[str, tuple[Cell, Sums]] = {}
    for customer_id in ids:
        row = rows[customer_id]
        if row is not None and customer_id in homes:
            found[customer_id] = contribution(row, homes[customer_id])
    return found


def move(
    conn: Connection,
    *,
    before: Mapping[str, tuple[Cell, Sums]],
    after: Mapping[str, tuple[Cell, Sums]],
) -> None:
    """Move the rollup from the customers' `before` contributions to their `after` ones."""
    delta: defaultdict[Cell, list[int]] = defaultdict(lambda: [0] * len(_SUMS))
    for customer_id in set(before) | set(after):
        old, new = before.get(customer_id), after.get(customer_id)
        if old == new:
            continue
        for found, sign in ((old, -1), (new, 1)):
            if found is not None:
                d = delta[found[0]]
                for i, n in enumerate(found[1]):
                    d[i] += sign * n
    _apply(conn, {cell: d for cell, d in delta.items() if any(d)})


@functools.cache
def _upsert(dialect_name: str) -> sa.Insert:
    """Add to a cell (created at zero when new)."""
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    table = store_omni_days
    statement = dialect.insert(table)
    upsert: sa.Insert = statement.on_conflict_do_update(
        index_elements=list(table.primary_key.columns),
        set_={name: table.c[name] + statement.excluded[name] for name in _SUMS},
    )
    return upsert


def _values(cell: Cell, sums: Iterable[int]) -> dict[str, Any]:
    return {
        "store_id": cell[0],
        "omni": cell[1],
        "again": cell[2],
        "first_day": cell[3],
        **dict(zip(_SUMS, sums, strict=True)),
    }


def _apply(conn: Connection, delta: dict[Cell, list[int]]) -> None:
    if not delta:
        return
    table = store_omni_days
    cells = sorted(delta)  # one key order for every writer: no deadlock between two
    conn.execute(_upsert(conn.dialect.name), [_values(c, delta[c]) for c in cells])
    emptied = [c for c in cells if delta[c][0] < 0]
    for start in range(0, len(emptied), _BATCH):
        chunk = emptied[start : start + _BATCH]
        conn.execute(
            sa.delete(table).where(
                table.c.customers <= 0,
                sa.tuple_(table.c.store_id, table.c.omni, table.c.again, table.c.first_day).in_(
                    chunk
                ),
            )
        )


def computed(conn: Connection) -> dict[Cell, Sums]:
    """The rollup recomputed from every facts row (rebuild, consistency checks)."""
    sums: defaultdict[Cell, list[int]] = defaultdict(lambda: [0] * len(_SUMS))
    for r in conn.execute(_joined(None).execution_options(yield_per=5_000)):
        cell, add = contribution(r._mapping, str(r.home_store_id))
        s = sums[cell]
        for i, n in enumerate(add):
            s[i] += n
    return {cell: tuple(s) for cell, s in sums.items()}


def stored(conn: Connection) -> dict[Cell, Sums]:
    """The rollup as stored (for the consistency checks)."""
    table = store_omni_days
    return {
        (str(r.store_id), bool(r.omni), bool(r.again), int(r.first_day)): tuple(
            int(r._mapping[name]) for name in _SUMS
        )
        for r in conn.execute(sa.select(table))
    }


def rebuild_all(conn: Connection) -> int:
    """Recompute the whole rollup from the facts (backfill, seeds, bulk loads); returns
    its rows."""
    conn.execute(sa.delete(store_omni_days))
    cells = computed(conn)
    rows = [_values(cell, sums) for cell, sums in sorted(cells.items())]
    for start in range(0, len(rows), _BATCH):
        conn.execute(sa.insert(store_omni_days), rows[start : start + _BATCH])
    return len(rows)
