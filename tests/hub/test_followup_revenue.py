"""The per-follow-up revenue rollup (`hub.followup_revenue`) always equals the credited
kept orders summed per follow-up, recomputed from `followup_credits` and `followups` (and
the credits equal the orders), whatever the writes: follow-ups queued and moved along,
link touches, web orders placed (credited or not), fulfilled, returned in part or whole,
merges and erasures; and the dashboard's follow-up figures (the effects per template and
channel, the funnel's follow-up steps and online carts, for two adjacent periods counted in
one pass and for a period alone) equal the same figures counted from the raw rows. Both
backends."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Connection, Engine

from clienteling.domain import metrics
from clienteling.hub import attribution, followup_credits, followup_revenue
from clienteling.hub import followups as followup_status
from clienteling.hub.clock import iso
from clienteling.hub.context import Session
from clienteling.hub.db import alembic_config, make_engine, migrate, read_tx, write_tx
from clienteling.hub.erasure import erase_customer
from clienteling.hub.followup_mutations import queue_followup
from clienteling.hub.identity import merge_customers
from clienteling.hub.ingest.apply import ingest
from clienteling.hub.ingest.events import CustomerRef, Line, OrderEvent
from clienteling.hub.mutation_kit import Actor
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.settings import HubSettings
from clienteling.hub.stats.feedback import followup_effects
from clienteling.hub.stats.funnel import followup_tallies, funnel
from clienteling.hub.tables import (
    attribution_touches,
    customers,
    followups,
    order_attributions,
    orders,
    products,
)
from clienteling.protocol.dashboard import FollowupEffect

from .conftest import SEED_NOW, NewDb

DAY = timedelta(days=1)


@dataclass
class RevenueHub:
    engine: Engine
    settings: HubSettings
    store_id: str
    scope: str
    sku: str
    product_id: str


def _seeded(url: str) -> RevenueHub:
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=20, seed=11, now=SEED_NOW)
    store_id = str(summary["store_ids"][0])
    with engine.connect() as conn:
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.home_store_id == store_id).limit(1)
        ).scalar_one()
        sku, product_id = conn.execute(sa.select(products.c.sku, products.c.id).limit(1)).one()
    settings_ = HubSettings(db=url, port=0, ingest_default_store_id=store_id)
    return RevenueHub(engine, settings_, store_id, str(scope), str(sku), str(product_id))


@pytest.fixture(scope="module")
def revenue_hub(new_db: NewDb) -> Iterator[RevenueHub]:
    hub = _seeded(new_db())
    yield hub
    hub.engine.dispose()


def _differences(conn: Connection) -> list[str]:
    wrong = []
    stored, expected = followup_revenue.stored(conn), followup_revenue.computed(conn)
    wrong += [
        f"revenue of {f}: {stored.get(f)} != {expected.get(f)}"
        for f in sorted(set(stored) | set(expected))
        if stored.get(f) != expected.get(f)
    ]
    credits, recomputed = followup_credits.stored(conn), followup_credits.computed(conn)
    wrong += [
        f"credit of {o}: {credits.get(o)} != {recomputed.get(o)}"
        for o in sorted(set(credits) | set(recomputed))
        if credits.get(o) != recomputed.get(o)
    ]
    return wrong


def test_the_seed_builds_the_rollup(revenue_hub: RevenueHub) -> None:
    with read_tx(revenue_hub.engine) as conn:
        assert _differences(conn) == []


_CREDITED = [
    ("place", 0, 0, 60, 1),  # the customers, before anything was sent
    ("place", 1, 1, 60, 1),
    ("queue", 0, 0, 20, "thank_you", "email"),
    ("queue", 1, 1, 20, "products_tried", "sms"),
    ("touch", 0, 1, "cart"),
    ("touch", 1, 2, "click"),
    ("place", 2, 0, 17, 2),  # credited to follow-up 0
    ("place", 3, 1, 16, 3),  # credited to follow-up 1
    ("place", 4, 0, 15, 1),  # and another to follow-up 0
    ("return", 4, True),
]
"""Writes that credit orders to two follow-ups (one returned whole)."""


def test_writes_credit_orders_and_the_rollup_sums_them(revenue_hub: RevenueHub) -> None:
    run = _Run(revenue_hub)
    for op in _CREDITED:
        run.apply(op)
    with read_tx(revenue_hub.engine) as conn:
        stored = followup_revenue.stored(conn)
        assert stored[run.queued[0]][2:] == ("thank_you", "email", 1, 2_000)
        assert stored[run.queued[1]][2:] == ("products_tried", "sms", 1, 3_000)
        assert _differences(conn) == []


def test_the_migration_backfills_the_rollup(new_db: NewDb) -> None:
    hub = _seeded(new_db())
    engine = hub.engine
    try:
        run = _Run(hub)
        for op in _CREDITED:
            run.apply(op)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0031")
            assert not sa.inspect(conn).has_table("followup_revenue")
            command.upgrade(cfg, "head")
        with read_tx(engine) as conn:
            assert {run.queued[0], run.queued[1]} <= set(followup_revenue.stored(conn))
            assert _differences(conn) == []
    finally:
        engine.dispose()


# --- random write sequences ----------------------------------------------------------

_TEMPLATES = ("thank_you", "products_tried")
_CHANNELS = ("email", "sms")
_OPS = st.one_of(
    st.tuples(
        st.just("queue"),
        st.integers(0, 3),  # follow-up
        st.integers(0, 2),  # customer (email)
        st.integers(0, 70),  # days before SEED_NOW
        st.sampled_from(_TEMPLATES),
        st.sampled_from(_CHANNELS),
    ),
    st.tuples(
        st.just("status"),
        st.integers(0, 3),
        st.sampled_from(("sent", "delivered", "opened", "clicked", "converted", "failed")),
    ),
    st.tuples(
        st.just("touch"),
        st.integers(0, 3),
        st.integers(0, 6),  # days after the follow-up was queued
        st.sampled_from(("click", "cart")),
    ),
    st.tuples(
        st.just("place"),
        st.integers(0, 6),  # order
        st.integers(0, 2),  # customer (email)
        st.integers(0, 70),  # days before SEED_NOW
        st.integers(1, 3),  # quantity
    ),
    st.tuples(st.just("fulfil"), st.integers(0, 6)),
    st.tuples(st.just("return"), st.integers(0, 6), st.booleans()),  # whole order?
    st.tuples(st.just("merge"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("erase"), st.integers(0, 2)),
)


class _Run:
    def __init__(self, hub: RevenueHub) -> None:
        self.hub = hub
        self.tag = uuid.uuid4().hex[:10]
        self.placed: set[int] = set()
        self.queued: dict[int, str] = {}  # follow-up -> id

    def email(self, i: int) -> str:
        return f"revenue-{self.tag}-{i}@example.com"

    def _send(self, event: OrderEvent) -> None:
        ingest(
            self.hub.engine,
            self.hub.settings,
            source="test",
            event_id=uuid.uuid4().hex,
            topic=event.kind,
            event=event,
        )

    def _customer(self, conn: Connection, email: str) -> str | None:
        for customer_id, emails in conn.execute(
            sa.select(customers.c.id, customers.c.emails).where(customers.c.scope == self.hub.scope)
        ):
            if email in [e.lower() for e in emails]:
                return str(customer_id)
        return None

    def _actor(self) -> Actor:
        session = Session(
            associate_id="revenue-associate",
            username="revenue",
            display_name="Revenue Test",
            role="associate",
            store_id=self.hub.store_id,
            device_id="revenue-device",
        )
        return Actor(session=session, store_id=self.hub.store_id)

    def apply(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        if kind == "queue":
            _kind, f, who, days, template, channel = op
            with write_tx(self.hub.engine) as conn:
                customer_id = self._customer(conn, self.email(who))
                if customer_id is None or f in self.queued:
                    return
                followup_id = uuid.uuid4().hex
                queue_followup(
                    conn,
                    self._actor(),
                    {
                        "id": followup_id,
                        "customer_id": customer_id,
                        "channel": channel,
                        "template": template,
                        "language": "fr",
                        "product_ids": [self.hub.product_id],
                        "personal_line": "",
                        "created_at": iso(SEED_NOW - days * DAY),
                    },
                )
                self.queued[f] = followup_id
        elif kind in ("status", "touch") and op[1] in self.queued:
            with write_tx(self.hub.engine) as conn:
                row = followup_status.load(conn, self.queued[op[1]], lock=True)
                if kind == "status":
                    followup_status.set_status(conn, row.id, op[2])
                else:
                    at = datetime.fromisoformat(row.created_at) + op[2] * DAY
                    attribution.touch(conn, row, kind=op[3], at=at)
        elif kind == "place":
            _kind, order, who, days, qty = op
            at = iso(SEED_NOW - days * DAY + order * timedelta(hours=1))
            self.placed.add(order)
            self._send(
                OrderEvent(
                    kind="order.placed",
                    occurred_at=at,
                    order_key=f"{self.tag}-o{order}",
                    customer=CustomerRef(email=self.email(who)),
                    placed_at=at,
                    currency="EUR",
                    lines=[Line(sku=self.hub.sku, name="n", qty=qty, unit_price_minor=1_000)],
                )
            )
        elif kind in ("fulfil", "return") and op[1] in self.placed:
            key, at = f"{self.tag}-o{op[1]}", iso(SEED_NOW)
            if kind == "fulfil":
                self._send(OrderEvent(kind="order.fulfilled", occurred_at=at, order_key=key))
            else:
                returned = None if op[2] else {self.hub.sku: 1}
                self._send(
                    OrderEvent(
                        kind="order.returned", occurred_at=at, order_key=key, returned=returned
                    )
                )
        elif kind in ("merge", "erase"):
            with write_tx(self.hub.engine) as conn:
                merged = self._customer(conn, self.email(op[1]))
                if merged is None:
                    return
                if kind == "erase":
                    erase_customer(conn, merged, erased_by=None)
                    return
                survivor = self._customer(conn, self.email(op[2]))
                if survivor is not None and survivor != merged:
                    merge_customers(
                        conn, merged_id=merged, survivor_id=survivor, matched_on="email", actor=None
                    )


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(_OPS, min_size=1, max_size=14), split=st.integers(5, 60))
def test_the_rollup_equals_a_recomputation_after_every_write(
    revenue_hub: RevenueHub, ops: list[tuple[Any, ...]], split: int
) -> None:
    run = _Run(revenue_hub)
    # Every example starts with two follow-ups credited with orders and a third customer
    # (ingest creates customers in the store), then writes at random over them.
    for op in [*_CREDITED, ("place", 5, 2, 75, 1)]:
        run.apply(op)
    for op in ops:
        run.apply(op)
        with read_tx(revenue_hub.engine) as conn:
            assert _differences(conn) == [], op
    middle = SEED_NOW - split * DAY
    periods = [
        (iso(middle), iso(SEED_NOW + DAY)),
        (iso(middle - 30 * DAY), iso(middle)),
    ]
    with read_tx(revenue_hub.engine) as conn:
        _check_figures(conn, revenue_hub.store_id, periods)


# --- the figures counted the slow way, from the raw rows ------------------------------


def _raw_effects(conn: Connection, store_id: str, start: str, end: str) -> list[FollowupEffect]:
    mine = [
        r
        for r in conn.execute(
            sa.select(followups.c.id, followups.c.template, followups.c.channel, followups.c.status)
            .where(followups.c.store_id == store_id)
            .where(followups.c.created_at >= start, followups.c.created_at < end)
        )
    ]
    revenue: defaultdict[str, int] = defaultdict(int)
    for followup_id, status, net in conn.execute(
        sa.select(
            order_attributions.c.followup_id, orders.c.status, orders.c.net_minor
        ).select_from(orders.join(order_attributions, order_attributions.c.order_id == orders.c.id))
    ):
        if status != "returned":
            revenue[str(followup_id)] += int(net or 0)
    groups: defaultdict[tuple[str, str], list[Any]] = defaultdict(list)
    for r in mine:
        groups[(str(r.template), str(r.channel))].append(r)

    def reached(rows: list[Any], step: str) -> int:
        return sum(1 for r in rows if r.status in metrics.FOLLOWUP_REACHED[step])

    effects = [
        FollowupEffect(
            template=template,
            channel=channel,
            queued=len(rows),
            sent=reached(rows, "followups_sent"),
            opened=reached(rows, "opened"),
            clicked=reached(rows, "clicked"),
            converted=sum(1 for r in rows if r.status == "converted"),
            revenue_minor=sum(revenue[str(r.id)] for r in rows),
        )
        for (template, channel), rows in groups.items()
    ]
    effects.sort(key=lambda e: (-e.revenue_minor, -e.sent, e.template, e.channel))
    return effects


def _raw_carts(conn: Connection, store_id: str, start: str, end: str) -> int:
    return len(
        {
            str(f)
            for f, at in conn.execute(
                sa.select(attribution_touches.c.followup_id, attribution_touches.c.at).where(
                    attribution_touches.c.store_id == store_id,
                    attribution_touches.c.kind == "cart",
                )
            )
            if start <= str(at) < end
        }
    )


def _check_figures(conn: Connection, store_id: str, periods: list[tuple[str, str]]) -> None:
    tallies = followup_tallies(conn, store_id=store_id, periods=periods)
    alone = [followup_tallies(conn, store_id=store_id, periods=[p])[0] for p in periods]
    assert tallies == alone
    credited = 0
    for (start, end), tally in zip(periods, tallies, strict=True):
        expected = _raw_effects(conn, store_id, start, end)
        credited += sum(e.revenue_minor for e in expected)
        assert followup_effects(conn, store_id=store_id, start=start, end=end) == expected
        assert (
            followup_effects(conn, store_id=store_id, start=start, end=end, statuses=tally.statuses)
            == expected
        )
        assert tally.online_cart == _raw_carts(conn, store_id, start, end)
    steps = funnel(
        conn,
        store_id=store_id,
        period=periods[0],
        previous=periods[1],
        days=("2025-01-01", "2025-01-02"),  # only the credited step reads them
        previous_days=("2024-12-31", "2025-01-01"),
    )
    found = {s.step: (s.count, s.previous_count) for s in steps}
    now, before = (_raw_effects(conn, store_id, *p) for p in periods)
    for step in ("followups_sent", "opened", "clicked"):
        key = {"followups_sent": "sent"}.get(step, step)
        assert found[step] == (
            sum(getattr(e, key) for e in now),
            sum(getattr(e, key) for e in before),
        )
    assert found["online_cart"] == (
        _raw_carts(conn, store_id, *periods[0]),
        _raw_carts(conn, store_id, *periods[1]),
    )
