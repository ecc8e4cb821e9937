"""Per-customer purchase facts, kept current by every order write.

The dashboard's omnichannel groups and lifecycle stages need, per customer, how many
purchases, what they kept, the first, second and last purchase and the channels bought
in. Reading every order of every customer per request does not scale (2,000,000 orders
for one store), so each write that adds, changes, moves or removes a customer's orders
calls `refresh` for that customer in the same transaction, and the stats read one row
per customer from `customer_purchase_facts`. Each row also carries the customer's home
store and creation time (`JOINED_COLUMNS`, fixed once the customer exists; migration
0030), so the lifecycle counts read no other table per customer. The times the lifecycle
compares are also kept as integers (`epoch_us`: microseconds since 1970, UTC; migration
0035): first, second and last purchase, creation, and each long pause's ends, so the
stage rule compares integers, not ISO text (half the time over a store's customers).

A purchase is a kept order (`stats.sql.KEPT_ORDER`: status not 'returned'), ordered by
(placed_at, id) as the stats always did. Besides the facts, `customer_purchase_gaps`
holds each pause of at least `domain.lifecycle.AT_RISK_DAYS` between two consecutive
purchases: the stage at a past instant t depends on the last purchase before t, and that
is the start of the gap t falls in; outside every gap it is less than AT_RISK_DAYS before
t (the customer was active), so no order needs reading to place any customer at any
instant.

`refresh` recomputes a customer's rows from the orders (small: one customer's history),
so the facts equal a recomputation by construction; `rebuild_all` does the same for
every customer (the migration's backfill, the seeds, bulk loads). The omnichannel
rollup of the facts (`omni_rollup`) moves with every `refresh` and `forget`; after
`rebuild_all`, rebuild it too (`omni_rollup.rebuild_all`, as the seeds do).

Concurrency (PostgreSQL, READ COMMITTED): writers of one customer's orders are serialized
by the scope's version lock they take before calling `refresh`, so the recomputation sees
the other's committed order. The lock order is the scope's counter row, then the
customer's row (`lock_customer`): ingest, merges and terminal writes allocate a version
before they touch the customer, and erasure and the ingest of an order take both with
`lock_customer` before anything else. (Erasure used to lock the customer first and the
scope later, the ingest the other way round: an order ingested while its customer was
erased deadlocked, and one of the two failed.) The facts rows are written with INSERT ..
ON CONFLICT DO UPDATE, so even a writer outside this order never fails on their keys.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from clienteling.domain import metrics
from clienteling.domain.lifecycle import AT_RISK_DAYS
from clienteling.hub import followup_credits, omni_rollup, sales_rollup
from clienteling.hub.tables import (
    customer_purchase_facts,
    customer_purchase_gaps,
    customers,
    orders,
    scope_versions,
)

log = logging.getLogger(__name__)

GAP = timedelta(days=AT_RISK_DAYS)
"""The shortest pause between purchases that `customer_purchase_gaps` records."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_BATCH = 5_000


def _moment(at: str) -> datetime:
    """An ISO time (naive: UTC); one that cannot be read counts as 1970 (logged) rather
    than failing every later write of the customer."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        log.warning("unreadable order time %r: counted as 1970", at[:40])
        return _EPOCH
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def epoch_us(at: str) -> int:
    """Microseconds since 1970 of an ISO time (naive times are UTC): integers subtract
    alike on SQLite and PostgreSQL, so day counts are exact in SQL."""
    return moment_us(_moment(at))


def moment_us(moment: datetime) -> int:
    """Microseconds since 1970 of a time (naive: UTC), exactly: `epoch_us` of its ISO text."""
    delta = (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@dataclass(frozen=True, slots=True)
class Purchase:
    """One kept order, as the facts see it."""

    order_id: str
    placed_at: str
    channel: str
    net_minor: int


@dataclass(frozen=True, slots=True)
class Facts:
    """What the stats know of one customer's purchases (rows for the two tables)."""

    row: dict[str, Any] | None
    gaps: list[dict[str, Any]]


def lock_customer(conn: Connection, customer_id: str) -> Any:
    """The customer's row, locked with its scope's version counter in the lock order every
    order writer follows (scope, then customer; see the module docstring), until commit;
    None when there is no such customer. On SQLite the write transaction holds the
    database already."""
    scope = conn.execute(
        sa.select(customers.c.scope).where(customers.c.id == customer_id)
    ).scalar_one_or_none()
    for _ in range(5):
        if scope is None:
            return None
        conn.execute(
            sa.select(scope_versions.c.version)
            .where(scope_versions.c.scope == scope)
            .with_for_update()
        ).first()
        row = conn.execute(
            sa.select(customers).where(customers.c.id == customer_id).with_for_update()
        ).first()
        if row is None or row.scope == scope:
            return row
        scope = row.scope  # moved to another scope meanwhile: lock that one too
    raise RuntimeError(f"customer {customer_id} keeps changing scope")


@dataclass(frozen=True, slots=True)
class Joined:
    """The customer row's part of the facts: home store and creation time (both fixed
    once the customer exists)."""

    home_store_id: str | None
    created_at: str | None


def summarize(
    customer_id: str, purchases: Iterable[Purchase], joined: Joined | None = None
) -> Facts:
    """The facts of a customer whose kept orders are `purchases` (any order), who is
    `joined` (None: no such customer row)."""
    ordered = sorted(purchases, key=lambda p: (p.placed_at, p.order_id))
    if not ordered:
        return Facts(row=None, gaps=[])
    first, last = ordered[0], ordered[-1]
    second = ordered[1] if len(ordered) > 1 else None
    created = joined.created_at if joined is not None else None
    gaps = [
        {
            "customer_id": customer_id,
            "from_at": a.placed_at,
            "from_us": epoch_us(a.placed_at),
            "to_at": b.placed_at,
            "to_us": epoch_us(b.placed_at),
        }
        for a, b in pairwise(ordered)
        if _moment(b.placed_at) - _moment(a.placed_at) >= GAP
    ]
    row = {
        "customer_id": customer_id,
        "purchases": len(ordered),
        "net_minor": sum(p.net_minor for p in ordered),
        "first_at": first.placed_at,
        "first_us": epoch_us(first.placed_at),
        "second_at": second.placed_at if second is not None else None,
        "second_us": epoch_us(second.placed_at) if second is not None else None,
        "last_at": last.placed_at,
        "last_us": epoch_us(last.placed_at),
        "home_store_id": joined.home_store_id if joined is not None else None,
        "joined_at": created,
        "joined_us": epoch_us(created) if created is not None else None,
        "in_store": any(p.channel == "store" for p in ordered),
        "online": any(p.channel in metrics.ONLINE_CHANNELS for p in ordered),
    }
    return Facts(row=row, gaps=_unique_gaps(gaps))


def _unique_gaps(gaps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    kept = []
    for gap in gaps:
        if gap["from_at"] not in seen:
            seen.add(gap["from_at"])
            kept.append(gap)
    return kept


def _purchases_query(customer_ids: list[str] | None) -> sa.Select[Any]:
    query = sa.select(
        orders.c.customer_id, orders.c.id, orders.c.placed_at, orders.c.channel, orders.c.net_minor
    ).where(orders.c.status != "returned")
    if customer_ids is not None:
        query = query.where(orders.c.customer_id.in_(customer_ids))
    return query


def _purchase(row: Any) -> Purchase:
    return Purchase(
        order_id=str(row.id),
        placed_at=str(row.placed_at),
        channel=str(row.channel),
        net_minor=int(row.net_minor or 0),
    )


def _joined(conn: Connection, customer_ids: list[str] | None) -> dict[str, Joined]:
    query = sa.select(customers.c.id, customers.c.home_store_id, customers.c.created_at)
    if customer_ids is not None:
        query = query.where(customers.c.id.in_(customer_ids))
    return {
        str(r.id): Joined(
            None if r.home_store_id is None else str(r.home_store_id),
            None if r.created_at is None else str(r.created_at),
        )
        for r in conn.execute(query)
    }


def computed(conn: Connection, customer_ids: Iterable[str]) -> dict[str, Facts]:
    """The facts recomputed from the orders (what `refresh` writes, and what tests
    compare the stored rows with)."""
    ids = sorted(set(customer_ids))
    found: dict[str, list[Purchase]] = {customer_id: [] for customer_id in ids}
    joined: dict[str, Joined] = {}
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        for row in conn.execute(_purchases_query(batch)):
            found[str(row.customer_id)].append(_purchase(row))
        joined.update(_joined(conn, batch))
    return {
        customer_id: summarize(customer_id, rows, joined.get(customer_id))
        for customer_id, rows in found.items()
    }


def refresh(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Recompute the facts of these customers from their orders, in the caller's
    transaction (call after any write that adds, changes, moves or deletes orders;
    a customer without purchases, or gone, has no rows)."""
    ids = sorted(set(customer_ids))
    facts = computed(conn, ids)
    if facts:
        before = omni_rollup.stored_contributions(conn, ids)  # read before the rewrite
        _replace(conn, facts)
        after = {customer_id: fact.row for customer_id, fact in facts.items()}
        omni_rollup.move(conn, before=before, after=omni_rollup.new_contributions(conn, after))
    sales_rollup.refresh(conn, ids)  # the per-day sales, from the same orders
    followup_credits.refresh(conn, ids)  # the follow-ups' credited revenue, likewise


def forget(conn: Connection, customer_ids: Iterable[str]) -> None:
    """Drop the facts of customers that no longer exist (merged away)."""
    ids = sorted(set(customer_ids))
    if ids:
        omni_rollup.move(conn, before=omni_rollup.stored_contributions(conn, ids), after={})
        _delete(conn, ids)
        sales_rollup.forget(conn, ids)
        followup_credits.forget(conn, ids)


def _delete(conn: Connection, ids: list[str]) -> None:
    for table in (customer_purchase_gaps, customer_purchase_facts):
        conn.execute(sa.delete(table).where(table.c.customer_id.in_(ids)))


def _replace(conn: Connection, facts: dict[str, Facts]) -> None:
    """Write these customers' rows: upserted, and deleted where they have none (gaps: the
    customer's old ones deleted, the new ones upserted)."""
    ids = sorted(facts)
    gone = [customer_id for customer_id in ids if facts[customer_id].row is None]
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        conn.execute(
            sa.delete(customer_purchase_gaps).where(customer_purchase_gaps.c.customer_id.in_(batch))
        )
    for start in range(0, len(gone), _BATCH):
        batch = gone[start : start + _BATCH]
        conn.execute(
            sa.delete(customer_purchase_facts).where(
                customer_purchase_facts.c.customer_id.in_(batch)
            )
        )
    rows = [fact.row for fact in facts.values() if fact.row is not None]
    gaps = [gap for fact in facts.values() for gap in fact.gaps]
    for table, values in ((customer_purchase_facts, rows), (customer_purchase_gaps, gaps)):
        for start in range(0, len(values), _BATCH):
            conn.execute(_upsert(conn.dialect.name, table), values[start : start + _BATCH])


@functools.cache
def _upsert(dialect_name: str, table: sa.Table) -> sa.Insert:
    """INSERT .. ON CONFLICT (primary key) DO UPDATE SET every other column."""
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    statement = dialect.insert(table)
    keys = [column.name for column in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=keys,
        set_={
            column.name: statement.excluded[column.name]
            for column in table.columns
            if column.name not in keys
        },
    )


def _insert(conn: Connection, facts: Iterable[Facts]) -> None:
    rows: list[dict[str, Any]] = []
    gaps: list[dict[str, Any]] = []
    for fact in facts:
        if fact.row is not None:
            rows.append(fact.row)
        gaps.extend(fact.gaps)
        if len(rows) >= _BATCH:
            conn.execute(sa.insert(customer_purchase_facts), rows)
            rows = []
    if rows:
        conn.execute(sa.insert(customer_purchase_facts), rows)
    if gaps:
        conn.execute(sa.insert(customer_purchase_gaps), gaps)


JOINED_COLUMNS = ("home_store_id", "joined_at")
"""The facts' columns copied from the customer row (migration 0030)."""

INTEGER_TIMES = ("last_us", "joined_us")
"""The facts' integer times added by migration 0035 (`first_us`, `second_us` are older)."""

GAP_INTEGER_TIMES = ("from_us", "to_us")
"""The long pauses' integer times (migration 0035)."""


def _streamed(conn: Connection, *, with_joined: bool = True) -> Iterator[Facts]:
    """Every customer's facts, from one pass over the kept orders by customer (the rows
    of migration 0012's schema, without `JOINED_COLUMNS` and the integer times of 0035,
    when not `with_joined`)."""
    if not with_joined:
        later = {*JOINED_COLUMNS, *INTEGER_TIMES}
        for fact in _streamed(conn):
            kept = fact.row
            if kept is not None:
                kept = {k: v for k, v in kept.items() if k not in later}
            gaps = [
                {k: v for k, v in gap.items() if k not in GAP_INTEGER_TIMES} for gap in fact.gaps
            ]
            yield Facts(row=kept, gaps=gaps)
        return
    joined = _joined(conn, None)
    query = _purchases_query(None).order_by(orders.c.customer_id)
    current: str | None = None
    bought: list[Purchase] = []
    for row in conn.execute(query.execution_options(yield_per=_BATCH)):
        customer_id = str(row.customer_id)
        if customer_id != current:
            if current is not None:
                yield summarize(current, bought, joined.get(current))
            current, bought = customer_id, []
        bought.append(_purchase(row))
    if current is not None:
        yield summarize(current, bought, joined.get(current))


def fill_joined(conn: Connection) -> None:
    """Copy each facts row's home store and creation time from its customer (set-based:
    migration 0030's backfill of the rows written before it)."""
    facts, people = customer_purchase_facts, customers
    conn.execute(
        sa.update(facts)
        .values(home_store_id=people.c.home_store_id, joined_at=people.c.created_at)
        .where(people.c.id == facts.c.customer_id)
    )


_ISO_NAIVE = r"^\d{4}-\d\d-\d\d[T ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?$"
_ISO_WITH_ZONE = _ISO_NAIVE[:-1] + r"(Z|[+-]\d\d:\d\d)$"


def _pg_epoch_us(column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """`epoch_us` in PostgreSQL for the ISO forms both read alike (with an offset or Z,
    or naive = UTC, whole or fractional seconds); NULL for any other text, which
    `fill_integer_times` then converts in Python."""
    text = sa.cast(column, sa.Text)

    def micros(moment: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
        seconds = sa.func.extract("epoch", moment)
        return sa.cast(sa.func.round(seconds * 1_000_000), sa.BigInteger)

    return sa.case(
        (text.regexp_match(_ISO_WITH_ZONE), micros(sa.cast(text, postgresql.TIMESTAMP(True)))),
        (
            text.regexp_match(_ISO_NAIVE),
            micros(sa.cast(text, postgresql.TIMESTAMP()).op("AT TIME ZONE")(sa.literal("UTC"))),
        ),
        else_=sa.null(),
    )


def fill_integer_times(conn: Connection) -> None:
    """Migration 0035's backfill: each facts row's `INTEGER_TIMES` and each pause's
    `GAP_INTEGER_TIMES` from their ISO text, as `summarize` computes them. On PostgreSQL
    one UPDATE per table (seconds for 200,000 customers), in a savepoint: should a time
    the pattern accepts still not cast (a 30 February), it is undone and Python converts
    every row instead; Python also converts what the pattern leaves (and everything on
    SQLite, a small hub)."""
    facts, gaps = customer_purchase_facts, customer_purchase_gaps
    if conn.dialect.name == "postgresql":
        try:
            with conn.begin_nested():
                conn.execute(
                    sa.update(facts).values(
                        last_us=_pg_epoch_us(facts.c.last_at),
                        joined_us=_pg_epoch_us(facts.c.joined_at),
                    )
                )
                conn.execute(
                    sa.update(gaps).values(
                        from_us=_pg_epoch_us(gaps.c.from_at), to_us=_pg_epoch_us(gaps.c.to_at)
                    )
                )
        except sa.exc.DBAPIError:
            log.warning("migration 0035: a time did not cast in SQL; converting in Python")
    left = conn.execute(
        sa.select(facts.c.customer_id, facts.c.last_at, facts.c.joined_at).where(
            sa.or_(
                facts.c.last_us.is_(None),
                sa.and_(facts.c.joined_at.is_not(None), facts.c.joined_us.is_(None)),
            )
        )
    ).all()
    _update_rows(
        conn,
        sa.update(facts)
        .where(facts.c.customer_id == sa.bindparam("key"))
        .values(last_us=sa.bindparam("last"), joined_us=sa.bindparam("joined")),
        [
            {
                "key": r.customer_id,
                "last": epoch_us(r.last_at),
                "joined": None if r.joined_at is None else epoch_us(r.joined_at),
            }
            for r in left
        ],
    )
    pauses = conn.execute(
        sa.select(gaps.c.customer_id, gaps.c.from_at, gaps.c.to_at).where(
            sa.or_(gaps.c.from_us.is_(None), gaps.c.to_us.is_(None))
        )
    ).all()
    _update_rows(
        conn,
        sa.update(gaps)
        .where(gaps.c.customer_id == sa.bindparam("key"), gaps.c.from_at == sa.bindparam("at"))
        .values(from_us=sa.bindparam("start"), to_us=sa.bindparam("stop")),
        [
            {
                "key": r.customer_id,
                "at": r.from_at,
                "start": epoch_us(r.from_at),
                "stop": epoch_us(r.to_at),
            }
            for r in pauses
        ],
    )


def _update_rows(conn: Connection, statement: sa.Update, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), _BATCH):
        conn.execute(statement, rows[start : start + _BATCH])


def rebuild_all(conn: Connection, *, with_joined: bool = True) -> int:
    """Recompute every customer's facts (backfill, seeds, bulk loads); returns the
    customers with purchases. `with_joined=False`: for migration 0012's schema (its
    backfill; 0030 and 0035 add the other columns and fill them set-based)."""
    conn.execute(sa.delete(customer_purchase_gaps))
    conn.execute(sa.delete(customer_purchase_facts))
    facts = list(_streamed(conn, with_joined=with_joined))
    _insert(conn, facts)
    return sum(1 for fact in facts if fact.row is not None)


def stored(conn: Connection, customer_ids: Iterable[str] | None = None) -> dict[str, Facts]:
    """The facts as stored (for the consistency checks)."""
    facts_query = sa.select(customer_purchase_facts)
    gaps_query = sa.select(customer_purchase_gaps)
    if customer_ids is not None:
        ids = sorted(set(customer_ids))
        facts_query = facts_query.where(customer_purchase_facts.c.customer_id.in_(ids))
        gaps_query = gaps_query.where(customer_purchase_gaps.c.customer_id.in_(ids))
    rows = {str(r.customer_id): dict(r._mapping) for r in conn.execute(facts_query)}
    gaps: dict[str, list[dict[str, Any]]] = {}
    for gap in conn.execute(gaps_query.order_by(customer_purchase_gaps.c.from_at)):
        gaps.setdefault(str(gap.customer_id), []).append(dict(gap._mapping))
    found = {
        customer_id: Facts(row=rows.get(customer_id), gaps=gaps.get(customer_id, []))
        for customer_id in set(rows) | set(gaps)
    }
    for row in found.values():
        if row.row is not None:
            row.row["in_store"] = bool(row.row["in_store"])
            row.row["online"] = bool(row.row["online"])
    return found
