"""The per-day follow-up rollup (`hub.followup_days`) always equals a recomputation from
`followups` and `followup_revenue`, whatever the writes: follow-ups queued (some at a
local midnight of the store), moved along through the real status functions (sent,
opened by the pixel, clicked, failed...), link touches, credited web orders placed,
fulfilled and returned, merges and erasures (which fail the unsent ones); the migration
and the seed build it; and the dashboard's follow-up figures (the effects per template and
channel, the funnel's follow-up steps) equal the same figures counted from the raw rows,
for periods of whole local days (read from the rollup) and for periods that are not
(read from the follow-ups). Both backends."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Connection

from clienteling.domain.metrics import Period
from clienteling.hub import followup_days
from clienteling.hub import followups as followup_status
from clienteling.hub.clock import iso
from clienteling.hub.db import alembic_config, read_tx, write_tx
from clienteling.hub.followup_mutations import queue_followup
from clienteling.hub.stats.feedback import followup_effects
from clienteling.hub.stats.funnel import followup_tallies, local_days
from clienteling.hub.tables import locations, store_followup_days

from .conftest import SEED_NOW, NewDb
from .test_followup_revenue import (
    _CREDITED,
    _OPS,
    RevenueHub,
    _check_figures,
    _Run,
    _seeded,
)

DAY = timedelta(days=1)


@pytest.fixture(scope="module")
def days_hub(new_db: NewDb) -> Iterator[RevenueHub]:
    hub = _seeded(new_db())
    yield hub
    hub.engine.dispose()


def _zone(conn: Connection, store_id: str) -> str:
    zone = conn.execute(
        sa.select(locations.c.timezone).where(locations.c.id == store_id)
    ).scalar_one()
    return str(zone or "UTC")


def _differences(conn: Connection) -> list[str]:
    stored, computed = followup_days.stored(conn), followup_days.computed(conn)
    return [
        f"{cell}: {stored.get(cell)} != {computed.get(cell)}"
        for cell in sorted(set(stored) | set(computed))
        if stored.get(cell) != computed.get(cell)
    ]


class _DaysRun(_Run):
    """The revenue tests' writes, plus follow-ups queued near a local midnight of the
    store and opens through the tracking pixel's function."""

    def apply(self, op: tuple[Any, ...]) -> None:
        if op[0] == "queue_at":
            _kind, f, who, days, seconds, template, channel = op
            with write_tx(self.hub.engine) as conn:
                customer_id = self._customer(conn, self.email(who))
                if customer_id is None or f in self.queued:
                    return
                zone = ZoneInfo(_zone(conn, self.hub.store_id))
                day = SEED_NOW.date() - timedelta(days=days)
                at = datetime.combine(day, time(0), tzinfo=zone) + timedelta(seconds=seconds)
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
                        "created_at": iso(at),
                    },
                )
                self.queued[f] = followup_id
        elif op[0] == "opened":
            if op[1] in self.queued:
                with write_tx(self.hub.engine) as conn:
                    followup_status.mark_opened(conn, self.queued[op[1]])
        else:
            super().apply(op)


_DAYS_OPS = st.one_of(
    _OPS,
    st.tuples(
        st.just("queue_at"),
        st.integers(0, 3),  # follow-up
        st.integers(0, 2),  # customer (email)
        st.integers(0, 70),  # local days before SEED_NOW's
        st.sampled_from((-1, 0, 1, -1800, 1800)),  # seconds from that local midnight
        st.sampled_from(("thank_you", "products_tried")),
        st.sampled_from(("email", "sms")),
    ),
    st.tuples(st.just("opened"), st.integers(0, 3)),
)


def _whole_days(conn: Connection, store_id: str, split: int) -> list[tuple[str, str]]:
    """Two adjacent periods of whole local days of the store (the dashboard's kind)."""
    zone = _zone(conn, store_id)
    end = SEED_NOW.date() + timedelta(days=1)
    middle = end - timedelta(days=split)
    periods = [Period(middle, end), Period(middle - timedelta(days=30), middle)]
    found = [tuple(iso(t) for t in p.utc_bounds(zone)) for p in periods]
    for start, stop in found:
        assert local_days(start, stop, zone) is not None  # read from the rollup
    return [(found[0][0], found[0][1]), (found[1][0], found[1][1])]


def test_the_seed_builds_the_rollup(days_hub: RevenueHub) -> None:
    with read_tx(days_hub.engine) as conn:
        assert followup_days.stored(conn)  # the demo has follow-ups
        assert _differences(conn) == []


def test_writes_move_the_rollup_and_the_figures_read_it(days_hub: RevenueHub) -> None:
    run = _DaysRun(days_hub)
    for op in [
        *_CREDITED,
        ("queue_at", 2, 0, 3, -1, "thank_you", "email"),  # a second before a local midnight
        ("queue_at", 3, 1, 3, 0, "thank_you", "email"),  # on it
        ("status", 0, "sent"),
        ("opened", 0),
        ("status", 1, "clicked"),
        ("status", 2, "sent"),
        ("erase", 1),  # follow-up 3 was never sent: failed
    ]:
        run.apply(op)
        with read_tx(days_hub.engine) as conn:
            assert _differences(conn) == [], op
    with read_tx(days_hub.engine) as conn:
        revenue = {
            (r.template, r.channel): int(r.revenue)
            for r in conn.execute(
                sa.select(
                    store_followup_days.c.template,
                    store_followup_days.c.channel,
                    sa.func.sum(store_followup_days.c.revenue_minor).label("revenue"),
                )
                .where(store_followup_days.c.store_id == days_hub.store_id)
                .group_by(store_followup_days.c.template, store_followup_days.c.channel)
            )
        }
        assert revenue[("thank_you", "email")] >= 2_000  # follow-up 0's kept order
        assert revenue[("products_tried", "sms")] >= 3_000
        statuses = {
            r.status
            for r in conn.execute(
                sa.select(store_followup_days.c.status).where(
                    store_followup_days.c.store_id == days_hub.store_id
                )
            )
        }
        assert {"opened", "clicked", "sent", "failed"} <= statuses
        for split in (3, 4, 10):
            _check_figures(conn, days_hub.store_id, _whole_days(conn, days_hub.store_id, split))
    with days_hub.engine.connect() as conn:  # whole days are read from the rollup alone
        whole = _whole_days(conn, days_hub.store_id, 10)
        (tally,) = followup_tallies(conn, store_id=days_hub.store_id, periods=[whole[0]])
        assert tally.statuses
        conn.execute(sa.delete(store_followup_days))
        (tally,) = followup_tallies(conn, store_id=days_hub.store_id, periods=[whole[0]])
        assert tally.statuses == {}
        assert (
            followup_effects(conn, store_id=days_hub.store_id, start=whole[0][0], end=whole[0][1])
            == []
        )
        conn.rollback()


def test_the_migration_backfills_the_rollup(new_db: NewDb) -> None:
    hub = _seeded(new_db())
    engine = hub.engine
    try:
        run = _DaysRun(hub)
        for op in [*_CREDITED, ("status", 0, "sent"), ("status", 1, "opened")]:
            run.apply(op)
        with read_tx(engine) as conn:
            before = followup_days.stored(conn)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0035")
            assert not sa.inspect(conn).has_table("store_followup_days")
            command.upgrade(cfg, "head")
        with read_tx(engine) as conn:
            assert followup_days.stored(conn) == before
            assert _differences(conn) == []
    finally:
        engine.dispose()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ops=st.lists(_DAYS_OPS, min_size=1, max_size=14),
    split=st.integers(5, 60),
    hours=st.integers(1, 23),
)
def test_the_rollup_equals_a_recomputation_after_every_write(
    days_hub: RevenueHub, ops: list[tuple[Any, ...]], split: int, hours: int
) -> None:
    run = _DaysRun(days_hub)
    for op in [*_CREDITED, ("place", 5, 2, 75, 1)]:
        run.apply(op)
    for op in ops:
        run.apply(op)
        with read_tx(days_hub.engine) as conn:
            assert _differences(conn) == [], op
    with read_tx(days_hub.engine) as conn:
        _check_figures(conn, days_hub.store_id, _whole_days(conn, days_hub.store_id, split))
        # Periods not on whole local days: read from the follow-ups, the same figures.
        # 17 minutes past the hour: no zone's midnight (offsets are whole, half or
        # three-quarter hours), so neither period below is on whole local days.
        middle = SEED_NOW - split * DAY + hours * timedelta(hours=1) + timedelta(minutes=17)
        odd = [(iso(middle), iso(SEED_NOW + DAY)), (iso(middle - 30 * DAY), iso(middle))]
        zone = _zone(conn, days_hub.store_id)
        assert local_days(*odd[0], zone) is None
        _check_figures(conn, days_hub.store_id, odd)
        # One period on whole days beside one that is not, counted in one call.
        whole = _whole_days(conn, days_hub.store_id, split)
        mixed = [whole[0], (iso(datetime.fromisoformat(whole[0][0]) - 40 * DAY), odd[1][0])]
        assert mixed[1][0] < mixed[1][1] <= whole[0][0]
        assert local_days(*mixed[1], zone) is None
        _check_figures(conn, days_hub.store_id, mixed)
