"""Sales of a period read from the per-day rollups (`hub.sales_rollup`), not the orders.

A period is whole local days [first, end) (ISO dates); each store's rows are on its own
local days, so a store's figures are its orders placed in the period in its time zone,
and the chain average sums every store over the same calendar days.

Orders and revenue come from `store_sales_day_sums` (a row per bucket and day). The
distinct customers of a bucket come from `store_sales_last_days` (the customers whose
newest day in the bucket is >= `first`) when nothing in the bucket is on or after `end`:
then they are exactly the customers with a day in [first, end). The same read says
whether that holds (the bucket's newest day, among the rows it reads); for the buckets
where it does not (a past period), the customer-days in the period whose previous day in
the bucket is before `first` are counted in `store_sales_daily` (each customer once: see
`hub.sales_rollup`). Either way the figures are exact.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.sales_rollup import ASSOCIATE, ATTRIBUTED, IN_STORE, ONLINE
from clienteling.hub.tables import store_sales_daily, store_sales_day_sums, store_sales_last_days

_DAILY = store_sales_daily
_SUMS = store_sales_day_sums
_LAST = store_sales_last_days
STORE_KINDS = (IN_STORE, ONLINE, ATTRIBUTED)

Bucket = tuple[str, str, str]  # store, kind, associate ('' when none)
Match = Callable[[sa.Table], sa.ColumnElement[bool]]  # which buckets, on any of the tables


@dataclass(frozen=True, slots=True)
class Sums:
    """Kept orders, their net revenue and the distinct customers who placed them."""

    orders: int = 0
    revenue_minor: int = 0
    customers: int = 0
    rows: int = 0  # rollup rows read (all three tables)


def _key(t: sa.Table) -> list[sa.ColumnElement[str]]:
    return [t.c.store_id, t.c.kind, t.c.associate_id]


def bucket_sums(
    conn: Connection,
    *,
    first: str,
    end: str,
    match: Match,
    scanned: Counter[str] | None = None,
) -> dict[Bucket, Sums]:
    """The sums of every bucket `match` selects that has orders on the days [first, end);
    `scanned` counts the rows read per table.

    First the newest days >= `first` of the buckets: their customers, and whether anything
    in the bucket is on or after `end`. Buckets nothing follows take their orders and
    revenue from the per-day sums; when no bucket is like that (a past period) the
    (day, prev_day) rows answer alone, as before 0033; when some are, those rows give
    the customers of the others."""
    read: Counter[str] = Counter()
    newest = _newest_days(conn, first, end, match, read)
    exact = {bucket for bucket, (_people, whole, _rows) in newest.items() if whole}
    if not exact:
        found = _previous_day_sums(conn, first, end, match, read)
    else:
        found = _day_sums(conn, first, end, match, read)
        inexact = set(newest) - exact
        if inexact:
            stores = sorted({store for store, _kind, _associate in inexact})
            kinds = sorted({kind for _store, kind, _associate in inexact})

            def narrowed(t: sa.Table) -> sa.ColumnElement[bool]:
                return sa.and_(match(t), t.c.store_id.in_(stores), t.c.kind.in_(kinds))

            counted = _previous_day_sums(conn, first, end, narrowed, read)
            for bucket, values in found.items():
                if bucket not in exact and bucket in counted:
                    values[2] = counted[bucket][2]
                    values[3] += counted[bucket][3]
        for bucket, values in found.items():
            if bucket in exact:
                values[2] = newest[bucket][0]
    for bucket, values in found.items():
        values[3] += newest.get(bucket, (0, False, 0))[2]
    if scanned is not None:
        scanned.update(read)
    return {bucket: Sums(*values) for bucket, values in found.items()}


def _newest_days(
    conn: Connection, first: str, end: str, match: Match, read: Counter[str]
) -> dict[Bucket, tuple[int, bool, int]]:
    """Per bucket with a customer whose newest day is >= `first`: those customers, whether
    every newest day is before `end` (then they are the period's customers) and the rows
    read."""
    found: dict[Bucket, tuple[int, bool, int]] = {}
    for store, kind, associate, people, newest, rows in conn.execute(
        sa.select(
            _LAST.c.store_id,
            _LAST.c.kind,
            _LAST.c.associate_id,
            sa.func.sum(_LAST.c.customers),
            sa.func.max(_LAST.c.last_day),
            sa.func.count(),
        )
        .where(match(_LAST), _LAST.c.last_day >= first)
        .group_by(*_key(_LAST))
    ):
        bucket = (str(store), str(kind), str(associate))
        found[bucket] = (int(people), str(newest) < end, int(rows))
        read[_LAST.name] += int(rows)
    return found


def _day_sums(
    conn: Connection, first: str, end: str, match: Match, read: Counter[str]
) -> dict[Bucket, list[int]]:
    """Orders and revenue per bucket from the per-day sums: [orders, revenue, 0, rows]."""
    found: dict[Bucket, list[int]] = {}
    for store, kind, associate, n, revenue, rows in conn.execute(
        sa.select(
            _SUMS.c.store_id,
            _SUMS.c.kind,
            _SUMS.c.associate_id,
            sa.func.sum(_SUMS.c.orders),
            sa.func.sum(_SUMS.c.revenue_minor),
            sa.func.count(),
        )
        .where(match(_SUMS), _SUMS.c.day >= first, _SUMS.c.day < end)
        .group_by(*_key(_SUMS))
    ):
        found[(str(store), str(kind), str(associate))] = [int(n), int(revenue), 0, int(rows)]
        read[_SUMS.name] += int(rows)
    return found


def _previous_day_sums(
    conn: Connection, first: str, end: str, match: Match, read: Counter[str]
) -> dict[Bucket, list[int]]:
    """Per bucket from the (day, prev_day) rows: [orders, revenue, customers, rows], the
    customers being the customer-days in [first, end) whose previous day in the bucket is
    before `first`."""
    found: dict[Bucket, list[int]] = {}
    for bucket, sums in daily_sums(conn, first=first, end=end, match=match).items():
        found[bucket] = [sums.orders, sums.revenue_minor, sums.customers, sums.rows]
        read[_DAILY.name] += sums.rows
    return found


def store_sums(
    conn: Connection,
    *,
    first: str,
    end: str,
    only: str | None = None,
    kinds: tuple[str, ...] = STORE_KINDS,
    scanned: Counter[str] | None = None,
) -> dict[tuple[str, str], Sums]:
    """(store, kind) -> sums of every store (or only store `only`) for the store kinds
    (or only `kinds`): counter sales, online orders of its customers, online orders
    credited to it."""

    def match(t: sa.Table) -> sa.ColumnElement[bool]:
        chosen = t.c.kind.in_(kinds)
        return chosen if only is None else sa.and_(chosen, t.c.store_id == only)

    found = bucket_sums(conn, first=first, end=end, match=match, scanned=scanned)
    return {(store, kind): sums for (store, kind, _associate), sums in found.items()}


def chain_and_associate_sums(
    conn: Connection,
    *,
    store_id: str,
    first: str,
    end: str,
    scanned: Counter[str] | None = None,
) -> tuple[dict[tuple[str, str], Sums], dict[str | None, Sums]]:
    """`store_sums` of every store and `associate_sums` of `store_id` from one read of
    each rollup (the dashboard's current period)."""

    def match(t: sa.Table) -> sa.ColumnElement[bool]:
        return sa.or_(
            t.c.kind.in_(STORE_KINDS), sa.and_(t.c.kind == ASSOCIATE, t.c.store_id == store_id)
        )

    stores: dict[tuple[str, str], Sums] = {}
    people: dict[str | None, Sums] = {}
    found = bucket_sums(conn, first=first, end=end, match=match, scanned=scanned)
    for (store, kind, associate), sums in found.items():
        if kind == ASSOCIATE:
            people[associate or None] = sums
        else:
            stores[(store, kind)] = sums
    return stores, people


def associate_sums(
    conn: Connection,
    *,
    store_id: str,
    first: str,
    end: str,
    scanned: Counter[str] | None = None,
) -> dict[str | None, Sums]:
    """Counter sales of the store per credited associate (None: nobody credited)."""

    def match(t: sa.Table) -> sa.ColumnElement[bool]:
        return sa.and_(t.c.store_id == store_id, t.c.kind == ASSOCIATE)

    found = bucket_sums(conn, first=first, end=end, match=match, scanned=scanned)
    return {(associate or None): sums for (_s, _k, associate), sums in found.items()}


# --- the (day, prev_day) rollup alone, as before migration 0033 ---------------------------


def daily_sums(conn: Connection, *, first: str, end: str, match: Match) -> dict[Bucket, Sums]:
    """The same sums read from `store_sales_daily` alone (the read before 0033: a row per
    bucket, day and previous day); the tests compare the two paths."""
    query = (
        sa.select(
            _DAILY.c.store_id,
            _DAILY.c.kind,
            _DAILY.c.associate_id,
            sa.func.sum(_DAILY.c.orders),
            sa.func.sum(_DAILY.c.revenue_minor),
            sa.func.sum(sa.case((_DAILY.c.prev_day < first, _DAILY.c.customers), else_=0)),
            sa.func.count(),
        )
        .where(match(_DAILY), _DAILY.c.day >= first, _DAILY.c.day < end)
        .group_by(*_key(_DAILY))
    )
    return {
        (str(s), str(k), str(a)): Sums(int(n), int(r), int(c), int(rows))
        for s, k, a, n, r, c, rows in conn.execute(query)
    }
