"""The purchase facts always equal a recomputation from the raw orders, whatever the
writes (orders placed, fulfilled, returned in part or whole through ingest; merges;
erasure; seeds; the migration's backfill), and the dashboard figures read from them equal
the same figures counted from the raw orders, for current and past periods. Both backends.
The same holds for the rollups kept beside the facts (sales days, follow-up credits, the
omnichannel rollup of the facts).
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Connection, Engine

from clienteling.domain import metrics
from clienteling.domain.lifecycle import stage_from_summary
from clienteling.domain.metrics import ChannelGroup, Period
from clienteling.hub import followup_credits, omni_rollup, purchase_facts, sales_rollup
from clienteling.hub.clock import iso
from clienteling.hub.db import alembic_config, make_engine, migrate, read_tx, write_tx
from clienteling.hub.erasure import erase_customer
from clienteling.hub.identity import merge_customers
from clienteling.hub.ingest.apply import ingest
from clienteling.hub.ingest.events import CustomerRef, Line, OrderEvent
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.settings import HubSettings
from clienteling.hub.stats import sales
from clienteling.hub.stats.funnel import credited_online_orders_in, orders_with_credit
from clienteling.hub.stats.lifecycle import NEW_STAGE, customers_at_stage, lifecycle_counts
from clienteling.hub.stats.omnichannel import channel_groups
from clienteling.hub.stats.sql import in_store_orders_in, online_orders_in
from clienteling.hub.tables import (
    customer_purchase_facts,
    customer_purchase_gaps,
    customers,
    locations,
    orders,
    products,
)

from .conftest import SEED_NOW, NewDb


@dataclass
class FactsHub:
    engine: Engine
    settings: HubSettings
    store_id: str
    scope: str
    sku: str
    seeded: list[str]  # customers of the store from the seed (in-store buyers among them)


@pytest.fixture(scope="module")
def facts_hub(new_db: NewDb) -> Iterator[FactsHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=5, now=SEED_NOW)
    store_id = str(summary["store_ids"][0])
    with engine.connect() as conn:
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.home_store_id == store_id).limit(1)
        ).scalar_one()
        seeded = list(
            conn.execute(
                sa.select(customers.c.id)
                .where(customers.c.home_store_id == store_id)
                .order_by(customers.c.id)
                .limit(4)
            ).scalars()
        )
        sku = conn.execute(sa.select(products.c.sku).limit(1)).scalar_one()
    settings_ = HubSettings(db=url, port=0, ingest_default_store_id=store_id)
    yield FactsHub(engine, settings_, store_id, str(scope), str(sku), [str(s) for s in seeded])
    engine.dispose()


def _differences(conn: Connection) -> list[str]:
    """Customers whose stored facts or sales days differ from a recomputation, and the
    rollup cells that differ from the sum of the sales days (none, always)."""
    return (
        _facts_differences(conn)
        + _rollup_differences(conn)
        + _credit_differences(conn)
        + _omni_differences(conn)
    )


def _omni_differences(conn: Connection) -> list[str]:
    """Cells of the omnichannel rollup that differ from the sum over the stored facts."""
    stored = omni_rollup.stored(conn)
    expected = omni_rollup.computed(conn)
    return [
        f"omni {cell}: {stored.get(cell)} != {expected.get(cell)}"
        for cell in sorted(set(stored) | set(expected))
        if stored.get(cell) != expected.get(cell)
    ]


def _credit_differences(conn: Connection) -> list[str]:
    """Credited orders whose `followup_credits` row differs from a recomputation."""
    stored = followup_credits.stored(conn)
    expected = followup_credits.computed(conn)
    return [
        f"credit of {order_id}: {stored.get(order_id)} != {expected.get(order_id)}"
        for order_id in sorted(set(stored) | set(expected))
        if stored.get(order_id) != expected.get(order_id)
    ]


def _rollup_differences(conn: Connection) -> list[str]:
    ids = set(conn.execute(sa.select(customers.c.id)).scalars())
    ids |= set(conn.execute(sa.select(orders.c.customer_id)).scalars())
    stored = sales_rollup.stored(conn)
    expected = {c: cells for c, cells in sales_rollup.computed(conn, ids).items() if cells}
    wrong = [
        f"days of {c}"
        for c in sorted(set(expected) | set(stored))
        if expected.get(c) != stored.get(c)
    ]
    rollup = sales_rollup.rollup_stored(conn)
    summed = sales_rollup.rollup_of(expected)
    wrong += [
        f"rollup {cell}: {rollup.get(cell)} != {summed.get(cell)}"
        for cell in sorted(set(rollup) | set(summed))
        if rollup.get(cell) != summed.get(cell)
    ]
    # The per-(bucket, day) sums and the per-(bucket, newest day) customers (0033),
    # recomputed from the orders.
    for name, found, recomputed in (
        ("day sums", sales_rollup.sums_stored(conn), sales_rollup.sums_of(expected)),
        ("last days", sales_rollup.last_days_stored(conn), sales_rollup.last_days_of(expected)),
    ):
        wrong += [
            f"{name} {cell}: {found.get(cell)} != {recomputed.get(cell)}"
            for cell in sorted(set(found) | set(recomputed))
            if found.get(cell) != recomputed.get(cell)
        ]
    return wrong


def _facts_differences(conn: Connection) -> list[str]:
    ids = set(conn.execute(sa.select(customers.c.id)).scalars())
    ids |= set(conn.execute(sa.select(orders.c.customer_id)).scalars())
    stored = purchase_facts.stored(conn)
    ids |= set(stored)
    expected = {
        customer_id: fact
        for customer_id, fact in purchase_facts.computed(conn, ids).items()
        if fact.row is not None or fact.gaps
    }
    return sorted(
        customer_id
        for customer_id in set(expected) | set(stored)
        if expected.get(customer_id) != stored.get(customer_id)
    )


def test_the_seed_writes_the_facts_of_every_customer(facts_hub: FactsHub) -> None:
    with read_tx(facts_hub.engine) as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(orders)).scalar_one() > 0
        assert purchase_facts.stored(conn)
        # The seed's rollups come from the set-based SQL rebuild; `_differences` compares
        # them with the per-customer recomputation `refresh` writes.
        kinds = {cell[1] for cell in sales_rollup.rollup_stored(conn)}
        assert {sales_rollup.IN_STORE, sales_rollup.ASSOCIATE, sales_rollup.ONLINE} <= kinds
        assert _differences(conn) == []


def test_the_migration_backfills_the_facts_of_earlier_orders(new_db: NewDb) -> None:
    url = new_db()
    engine = make_engine(url)
    try:
        migrate(engine)
        seed_demo_data(engine, customers=12, seed=3, now=SEED_NOW)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            before = ScriptDirectory.from_config(cfg).get_revision("0012").down_revision
            assert isinstance(before, str)
            command.downgrade(cfg, before)  # the orders stay, the facts tables go
            assert not sa.inspect(conn).has_table("customer_purchase_facts")
            command.upgrade(cfg, "head")
        with read_tx(engine) as conn:
            assert len(purchase_facts.stored(conn)) > 5
            assert _differences(conn) == []
    finally:
        engine.dispose()


def test_migration_0030_copies_home_store_and_creation_time_into_the_facts(
    new_db: NewDb,
) -> None:
    url = new_db()
    engine = make_engine(url)
    try:
        migrate(engine)
        seed_demo_data(engine, customers=12, seed=4, now=SEED_NOW)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0029")  # the facts stay, without the two columns
            names = {c["name"] for c in sa.inspect(conn).get_columns("customer_purchase_facts")}
            assert not names & set(purchase_facts.JOINED_COLUMNS)
            command.upgrade(cfg, "head")
        with read_tx(engine) as conn:
            stored = purchase_facts.stored(conn)
            assert len(stored) > 5
            assert all(f.row is None or f.row["home_store_id"] for f in stored.values())
            assert _differences(conn) == []
    finally:
        engine.dispose()


def test_migration_0033_backfills_the_day_sums_and_newest_days(new_db: NewDb) -> None:
    url = new_db()
    engine = make_engine(url)
    try:
        migrate(engine)
        seed_demo_data(engine, customers=12, seed=6, now=SEED_NOW)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            before = ScriptDirectory.from_config(cfg).get_revision("0033").down_revision
            assert isinstance(before, str)
            command.downgrade(cfg, before)  # the (day, prev_day) rollup stays
            assert not sa.inspect(conn).has_table("store_sales_day_sums")
            command.upgrade(cfg, "head")
        with read_tx(engine) as conn:
            assert len(sales_rollup.sums_stored(conn)) > 5
            assert len(sales_rollup.last_days_stored(conn)) > 5
            assert _differences(conn) == []
    finally:
        engine.dispose()


def test_sales_of_a_period_ending_after_every_order_read_no_previous_day_rows(
    facts_hub: FactsHub,
) -> None:
    """Nothing after the period (it ends today): the customers come from the newest days
    alone; a past period (customers bought after it) reads the (day, prev_day) rows. The
    figures equal the orders either way."""
    for back, length in ((-1, 30), (-1, 365), (120, 30), (400, 200)):
        end = (SEED_NOW - timedelta(days=back)).date()
        period = Period(end - timedelta(days=length), end)
        scanned: Counter[str] = Counter()
        with read_tx(facts_hub.engine) as conn:
            found = sales.store_sums(
                conn,
                first=period.start.isoformat(),
                end=period.end.isoformat(),
                only=facts_hub.store_id,
                scanned=scanned,
            )
        assert found and scanned["store_sales_last_days"] > 0
        if back < 0:
            assert scanned["store_sales_day_sums"] > 0 and scanned["store_sales_daily"] == 0
        else:
            assert scanned["store_sales_daily"] > 0 and scanned["store_sales_day_sums"] == 0
        _check_sales(facts_hub, period)


def test_buckets_nothing_follows_read_the_newest_days_beside_those_that_fall_back(
    facts_hub: FactsHub,
) -> None:
    """Past periods of the whole chain and the store's associates where some buckets
    have nothing after the end (a store or an associate that sold nothing since) and
    others do: both reads in one answer, equal to the (day, prev_day) rollup alone."""
    store_id = facts_hub.store_id

    def chain(t: sa.Table) -> sa.ColumnElement[bool]:
        return sa.or_(
            t.c.kind.in_(sales.STORE_KINDS),
            sa.and_(t.c.kind == sales.ASSOCIATE, t.c.store_id == store_id),
        )

    mixed = 0
    with read_tx(facts_hub.engine) as conn:
        newest: dict[tuple[str, str, str], str] = {}
        for (store, kind, associate, day), _sums in sales_rollup.sums_stored(conn).items():
            bucket = (store, kind, associate)
            newest[bucket] = max(day, newest.get(bucket, ""))
        for back in range(0, 900, 10):
            end = (SEED_NOW - timedelta(days=back)).date()
            first, last = (end - timedelta(days=60)).isoformat(), end.isoformat()
            scanned: Counter[str] = Counter()
            new = sales.bucket_sums(conn, first=first, end=last, match=chain, scanned=scanned)
            assert _same(new) == _same(sales.daily_sums(conn, first=first, end=last, match=chain))
            ended = {b for b in new if newest[b] < last}
            if ended and ended != set(new):
                mixed += 1
                assert scanned["store_sales_day_sums"] > 0 and scanned["store_sales_daily"] > 0
    assert mixed > 0


def test_lifecycle_counts_equal_the_orders_for_periods_across_the_history(
    facts_hub: FactsHub,
) -> None:
    """Stages and moves (and the drill-down's totals) equal the per-customer count from
    every order, for periods of 30, 200 and 400 days ending every 23 days of the seed's
    history: long pauses cover some starts and ends (the correction the counts apply),
    customers join in and after the periods, some never bought."""
    corrected = 0
    with read_tx(facts_hub.engine) as conn:
        for back in range(0, 800, 23):
            end = SEED_NOW + timedelta(days=1) - timedelta(days=back)
            for length in (30, 200, 400):
                start, end_text = iso(end - timedelta(days=length)), iso(end)
                scanned: Counter[str] = Counter()
                found = lifecycle_counts(
                    conn,
                    store_id=facts_hub.store_id,
                    start=start,
                    end=end_text,
                    now=SEED_NOW,
                    scanned=scanned,
                )
                expected = _stages(conn, facts_hub.store_id, start, end_text)
                assert found == expected, (start, end_text)
                corrected += scanned["customer_purchase_gaps"]
                for stage, n in found[0].items():
                    total, _page = customers_at_stage(
                        conn,
                        store_id=facts_hub.store_id,
                        start=start,
                        end=end_text,
                        now=SEED_NOW,
                        stage=stage,
                        limit=3,
                        offset=0,
                    )
                    assert total == n, (stage, start, end_text)
    assert corrected > 0  # some instants fell in long pauses


def test_summaries_know_the_long_pauses() -> None:
    day = timedelta(days=1)
    at = [SEED_NOW - 400 * day, SEED_NOW - 399 * day, SEED_NOW - 100 * day, SEED_NOW]
    bought = [
        purchase_facts.Purchase(f"o{i}", iso(t), "store" if i else "web", 100)
        for i, t in enumerate(at)
    ]
    facts = purchase_facts.summarize("c", reversed(bought))
    assert facts.row is not None
    assert (facts.row["purchases"], facts.row["net_minor"]) == (4, 400)
    assert (facts.row["first_at"], facts.row["second_at"], facts.row["last_at"]) == (
        iso(at[0]),
        iso(at[1]),
        iso(at[3]),
    )
    assert facts.row["in_store"] and facts.row["online"]
    assert [(g["from_at"], g["to_at"]) for g in facts.gaps] == [(iso(at[1]), iso(at[2]))]
    assert purchase_facts.summarize("c", []).row is None


# --- random write sequences ----------------------------------------------------------

_OPS = st.one_of(
    st.tuples(
        st.just("place"),
        st.integers(0, 5),  # order
        st.integers(0, 2),  # customer (email)
        st.integers(0, 800),  # days before SEED_NOW
        st.integers(1, 3),  # quantity
        st.booleans(),  # arrives fulfilled
    ),
    st.tuples(st.just("fulfil"), st.integers(0, 5)),
    st.tuples(st.just("return"), st.integers(0, 5), st.booleans()),  # whole order?
    st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("merge_into_seeded"), st.integers(0, 2), st.integers(0, 3)),
    st.tuples(st.just("erase"), st.integers(0, 2)),
)


class _Run:
    def __init__(self, hub: FactsHub) -> None:
        self.hub = hub
        self.tag = uuid.uuid4().hex[:10]
        self.placed: dict[int, str] = {}  # order -> email it was placed with

    def email(self, i: int) -> str:
        return f"facts-{self.tag}-{i}@example.com"

    def _send(self, event: OrderEvent) -> None:
        ingest(
            self.hub.engine,
            self.hub.settings,
            source="test",
            event_id=uuid.uuid4().hex,
            topic=event.kind,
            event=event,
        )

    def _still_in_store(self, conn: Connection, customer_id: str) -> str | None:
        """The seeded customer, unless an earlier example erased it: a merge into it takes
        the merged customer's email, which a later `erase` of that email then finds."""
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer_id)
        ).scalar_one_or_none()
        return customer_id if scope == self.hub.scope else None

    def _customer(self, conn: Connection, email: str) -> str | None:
        for customer_id, emails in conn.execute(
            sa.select(customers.c.id, customers.c.emails).where(customers.c.scope == self.hub.scope)
        ):
            if email in [e.lower() for e in emails]:
                return str(customer_id)
        return None

    def apply(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        key = f"{self.tag}-o{op[1]}"
        if kind == "place":
            _kind, order, who, days, qty, fulfilled = op
            at = iso(SEED_NOW - timedelta(days=days, hours=order))
            self.placed[order] = self.email(who)
            self._send(
                OrderEvent(
                    kind="order.fulfilled" if fulfilled else "order.placed",
                    occurred_at=at,
                    order_key=key,
                    customer=CustomerRef(email=self.email(who)),
                    placed_at=at,
                    currency="EUR",
                    lines=[Line(sku=self.hub.sku, name="n", qty=qty, unit_price_minor=1_000)],
                )
            )
        elif kind in ("fulfil", "return") and op[1] in self.placed:
            at = iso(SEED_NOW)
            if kind == "fulfil":
                self._send(OrderEvent(kind="order.fulfilled", occurred_at=at, order_key=key))
            else:
                returned = None if op[2] else {self.hub.sku: 1}
                self._send(
                    OrderEvent(
                        kind="order.returned", occurred_at=at, order_key=key, returned=returned
                    )
                )
        elif kind in ("merge", "merge_into_seeded", "erase"):
            with write_tx(self.hub.engine) as conn:
                merged = self._customer(conn, self.email(op[1]))
                if merged is None:
                    return
                if kind == "erase":
                    erase_customer(conn, merged, erased_by=None)
                    return
                survivor = (
                    self._customer(conn, self.email(op[2]))
                    if kind == "merge"
                    else self._still_in_store(conn, self.hub.seeded[op[2]])
                )
                if survivor is not None and survivor != merged:
                    merge_customers(
                        conn,
                        merged_id=merged,
                        survivor_id=survivor,
                        matched_on="email",
                        actor=None,
                    )


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(_OPS, min_size=1, max_size=10),
    bounds=st.tuples(st.integers(0, 700), st.integers(1, 400)),
)
def test_facts_equal_a_recomputation_after_every_write(
    facts_hub: FactsHub, ops: list[tuple[Any, ...]], bounds: tuple[int, int]
) -> None:
    run = _Run(facts_hub)
    for op in ops:
        run.apply(op)
        with read_tx(facts_hub.engine) as conn:
            assert _differences(conn) == [], op
    # The figures read from the facts are the figures counted from the orders: for the
    # period ending now and for one in the past (customers bought after its end).
    back, length = bounds
    past_end = SEED_NOW - timedelta(days=back)
    for start_at, end_at in (
        (SEED_NOW - timedelta(days=30), SEED_NOW + timedelta(days=1)),
        (past_end - timedelta(days=length), past_end),
    ):
        _check_figures(facts_hub, start=iso(start_at), end=iso(end_at))
        _check_sales(facts_hub, Period(start_at.date(), end_at.date()))


# --- the figures counted the slow way, from every order --------------------------------


def _store_orders(conn: Connection, store_id: str) -> tuple[dict[str, str], dict[str, list[Any]]]:
    created = {
        str(c): str(at)
        for c, at in conn.execute(
            sa.select(customers.c.id, customers.c.created_at).where(
                customers.c.home_store_id == store_id
            )
        )
    }
    bought: dict[str, list[Any]] = {c: [] for c in created}
    for row in conn.execute(
        sa.select(orders.c.customer_id, orders.c.id, orders.c.placed_at, orders.c.channel)
        .add_columns(orders.c.net_minor)
        .where(orders.c.status != "returned", orders.c.customer_id.in_(list(created)))
    ):
        bought[str(row.customer_id)].append(row)
    return created, bought


def _stages(conn: Connection, store_id: str, start: str, end: str) -> tuple[Any, Any]:
    created, bought = _store_orders(conn, store_id)
    stages: dict[str, int] = {}
    moves: dict[tuple[str, str], int] = {}
    at_end_instant = min(datetime.fromisoformat(end), SEED_NOW)
    for customer_id, joined in created.items():
        if joined >= end:
            continue

        def summary(before: str, rows: list[Any] = bought[customer_id]) -> tuple[int, Any]:
            times = [r.placed_at for r in rows if r.placed_at < before]
            return len(times), datetime.fromisoformat(max(times)) if times else None

        after = str(stage_from_summary(*summary(end), now=at_end_instant))
        before = (
            NEW_STAGE
            if joined >= start
            else str(stage_from_summary(*summary(start), now=datetime.fromisoformat(start)))
        )
        stages[after] = stages.get(after, 0) + 1
        if before != after:
            moves[(before, after)] = moves.get((before, after), 0) + 1
    return stages, moves


def _groups(conn: Connection, store_id: str, end: str) -> tuple[ChannelGroup, ChannelGroup]:
    _created, bought = _store_orders(conn, store_id)
    end_time = datetime.fromisoformat(end)
    window = metrics.RETENTION_WINDOW_DAYS
    sums = {True: [0] * 6, False: [0] * 6}
    for rows in bought.values():
        kept = sorted((r for r in rows if r.placed_at < end), key=lambda r: (r.placed_at, r.id))
        if not kept:
            continue
        channels = {r.channel for r in kept}
        group = sums["store" in channels and bool(channels & metrics.ONLINE_CHANNELS)]
        first = datetime.fromisoformat(kept[0].placed_at)
        group[0] += 1
        group[1] += sum(int(r.net_minor) for r in kept)
        group[2] += len(kept)
        group[3] += max(1, (end_time - first).days)
        if (end_time - first).days >= window:
            group[5] += 1
            if len(kept) > 1 and (datetime.fromisoformat(kept[1].placed_at) - first).days <= window:
                group[4] += 1
    omni, single = (ChannelGroup(*sums[k]) for k in (True, False))
    return omni, single


def _sums(conn: Connection, source: Any, *where: Any, key: Any = None) -> dict[Any, Any]:
    query = (
        sa.select(
            sa.literal(1) if key is None else key,
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(orders.c.net_minor), 0),
            sa.func.count(sa.distinct(orders.c.customer_id)),
        )
        .select_from(source)
        .where(*where)
    )
    if key is not None:
        query = query.group_by(key)
    return {k: sales.Sums(int(n), int(r), int(c)) for k, n, r, c in conn.execute(query) if n}


def _check_sales(hub: FactsHub, period: Period) -> None:
    """The rollup's figures for the store's local days equal the orders counted between
    the UTC bounds of those days (what the drill-down lists)."""
    with read_tx(hub.engine) as conn:
        zone = conn.execute(
            sa.select(locations.c.timezone).where(locations.c.id == hub.store_id)
        ).scalar_one()
        start, end = (iso(t) for t in period.utc_bounds(zone))
        first, last = period.start.isoformat(), period.end.isoformat()
        scanned: Counter[str] = Counter()
        from_rollup = {
            kind: sales.Sums(s.orders, s.revenue_minor, s.customers)
            for (_store, kind), s in sales.store_sums(
                conn, first=first, end=last, only=hub.store_id, scanned=scanned
            ).items()
            if s.orders
        }
        _check_sales_paths(conn, hub.store_id, first, last, scanned)
        from_orders = {}
        for kind, found in (
            (
                sales.IN_STORE,
                _sums(
                    conn, orders, in_store_orders_in(start, end), orders.c.store_id == hub.store_id
                ),
            ),
            (
                sales.ONLINE,
                _sums(
                    conn,
                    orders.join(customers, customers.c.id == orders.c.customer_id),
                    online_orders_in(start, end),
                    customers.c.home_store_id == hub.store_id,
                ),
            ),
            (
                sales.ATTRIBUTED,
                _sums(
                    conn, orders_with_credit(), credited_online_orders_in(hub.store_id, start, end)
                ),
            ),
        ):
            if found:
                from_orders[kind] = found[1]
        assert from_rollup == from_orders, (first, last)
        per_associate = {
            (k or None): s
            for k, s in _sums(
                conn,
                orders,
                in_store_orders_in(start, end),
                orders.c.store_id == hub.store_id,
                key=orders.c.associate_id,
            ).items()
        }
        assert {
            k: sales.Sums(s.orders, s.revenue_minor, s.customers)
            for k, s in sales.associate_sums(
                conn, store_id=hub.store_id, first=first, end=last
            ).items()
            if s.orders
        } == per_associate


def _same(found: dict[Any, sales.Sums]) -> dict[Any, tuple[int, int, int]]:
    return {k: (s.orders, s.revenue_minor, s.customers) for k, s in found.items()}


def _check_sales_paths(
    conn: Connection, store_id: str, first: str, end: str, scanned: Counter[str]
) -> None:
    """The sums read through the per-day sums and newest days (0033) equal those of the
    (day, prev_day) rollup alone, for every store and the store's associates; the (day,
    prev_day) rows are read exactly for the buckets where some day is on or after `end`
    (none for a period ending after the newest order)."""
    kinds = sales.STORE_KINDS

    def of_store(t: sa.Table) -> sa.ColumnElement[bool]:
        return sa.and_(t.c.kind.in_(kinds), t.c.store_id == store_id)

    def chain(t: sa.Table) -> sa.ColumnElement[bool]:
        return sa.or_(
            t.c.kind.in_(kinds),
            sa.and_(t.c.kind == sales.ASSOCIATE, t.c.store_id == store_id),
        )

    old = sales.daily_sums(conn, first=first, end=end, match=of_store)
    new = sales.bucket_sums(conn, first=first, end=end, match=of_store)
    assert _same(new) == _same(old), (first, end)
    later = {cell[:3] for cell in sales_rollup.sums_stored(conn) if cell[3] >= end}
    inexact = set(new) & later
    if inexact == set(new):  # a past period: the (day, prev_day) rows alone, as before
        assert scanned["store_sales_daily"] == sum(s.rows for s in old.values()), (first, end)
        assert scanned["store_sales_day_sums"] == 0
    else:  # those rows only for the buckets something follows (none: none of them)
        assert scanned["store_sales_daily"] >= sum(old[b].rows for b in inexact), (first, end)
        assert (scanned["store_sales_daily"] == 0) == (not inexact), (first, end)
    assert scanned["store_sales_day_sums"] <= sum(s.rows for s in old.values())
    # The dashboard's one read of the chain and the store's associates.
    old = sales.daily_sums(conn, first=first, end=end, match=chain)
    stores, people = sales.chain_and_associate_sums(conn, store_id=store_id, first=first, end=end)
    assert _same({(s, k): v for (s, k, _a), v in old.items() if k != sales.ASSOCIATE}) == (
        _same(stores)
    )
    assert _same({(a or None): v for (_s, k, a), v in old.items() if k == sales.ASSOCIATE}) == (
        _same(people)
    )


def _check_figures(hub: FactsHub, *, start: str, end: str) -> None:
    with read_tx(hub.engine) as conn:
        stages, moves = lifecycle_counts(
            conn, store_id=hub.store_id, start=start, end=end, now=SEED_NOW
        )
        assert (stages, moves) == _stages(conn, hub.store_id, start, end), (start, end)
        groups = channel_groups(conn, store_id=hub.store_id, end=end)
        assert groups.rollup_rows > 0  # a whole hour: read from the rollup
        assert (groups.omnichannel, groups.single_channel) == _groups(conn, hub.store_id, end)
        # Off the whole hour (and a second before it) the facts are summed instead.
        for off_hour in (
            iso(datetime.fromisoformat(end) + timedelta(minutes=30)),
            iso(datetime.fromisoformat(end) - timedelta(seconds=1)),
        ):
            groups = channel_groups(conn, store_id=hub.store_id, end=off_hour)
            assert groups.rollup_rows == 0
            assert (groups.omnichannel, groups.single_channel) == _groups(
                conn, hub.store_id, off_hour
            ), off_hour


def test_migration_0035_writes_the_integer_times_of_the_facts_and_pauses(new_db: NewDb) -> None:
    """0035's backfill gives each facts row and pause the integer times `summarize` gives
    (the rows equal a recomputation after it); times in other ISO forms, or none, get
    `epoch_us` of their text too, through SQL or, for what SQL does not read alike (or at
    all: a 30 February on PostgreSQL undoes the set-based pass), through Python."""
    url = new_db()
    engine = make_engine(url)
    odd = [
        "2024-05-06T07:08:09.123456+00:00",
        "2024-05-06 07:08:09Z",
        "2024-05-06T09:08:09.5+02:00",
        "2024-05-06T07:08:09",
        "20240506T070809",
        "not a time",
    ]
    try:
        migrate(engine)
        seed_demo_data(engine, customers=12, seed=6, now=SEED_NOW)
        cfg = alembic_config()
        facts, gaps = customer_purchase_facts, customer_purchase_gaps
        for texts in ([], odd, [*odd, "2024-02-30T00:00:00+00:00"]):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0034")
                names = {c["name"] for c in sa.inspect(conn).get_columns("customer_purchase_gaps")}
                assert not names & set(purchase_facts.GAP_INTEGER_TIMES)
                ids = sorted(conn.execute(sa.select(facts.c.customer_id)).scalars())
                pauses = conn.execute(sa.select(gaps.c.customer_id, gaps.c.from_at)).all()
                assert len(ids) > len(texts) and pauses
                for customer_id, text in zip(ids, texts, strict=False):
                    conn.execute(
                        sa.text(
                            "UPDATE customer_purchase_facts SET last_at = :t, joined_at = :t "
                            "WHERE customer_id = :c"
                        ),
                        {"t": text, "c": customer_id},
                    )
                if texts:
                    conn.execute(
                        sa.text(
                            "UPDATE customer_purchase_gaps SET to_at = :t "
                            "WHERE customer_id = :c AND from_at = :f"
                        ),
                        {"t": texts[0], "c": pauses[0].customer_id, "f": pauses[0].from_at},
                    )
                command.upgrade(cfg, "head")
            with read_tx(engine) as conn:
                if not texts:
                    assert _differences(conn) == []
                for row in conn.execute(sa.select(facts)):
                    assert row.last_us == purchase_facts.epoch_us(row.last_at), row.last_at
                    assert row.joined_us == purchase_facts.epoch_us(row.joined_at), row.joined_at
                for row in conn.execute(sa.select(gaps)):
                    assert (row.from_us, row.to_us) == (
                        purchase_facts.epoch_us(row.from_at),
                        purchase_facts.epoch_us(row.to_at),
                    ), (row.from_at, row.to_at)
    finally:
        engine.dispose()
