"""The visits' per-day rollup (`hub.visit_rollup`) always equals a recomputation from the
visits, whatever the writes (visits logged and logged again through `visit.log`, changed,
deleted, their customer erased, a store's time zone changed; the seeds; the migration's
backfill), and the funnel, the reasons and the visits drill-down read from it equal the
same figures counted from the raw visits, visits at a local midnight included, in zones
with summer time and half-hour offsets. Both backends.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.metrics import Period
from clienteling.domain.visits import OUTCOMES, REASONS
from clienteling.hub import visit_rollup
from clienteling.hub.clock import iso
from clienteling.hub.context import Session
from clienteling.hub.db import alembic_config, make_engine, migrate, read_tx, write_tx
from clienteling.hub.erasure import erase_customer
from clienteling.hub.mutation_kit import Actor, MutationRejectedError
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.stats.dashboard import store_dashboard
from clienteling.hub.stats.drilldown import drilldown
from clienteling.hub.stats.funnel import VisitTally, local_days, visit_tallies
from clienteling.hub.tables import associates, customers, locations, visits
from clienteling.hub.visit_mutations import log_visit

from .conftest import SEED_NOW, NewDb

ZONES = ("Europe/Paris", "America/Santiago", "Asia/Kolkata", "UTC")
# Days around summer-time changes (Paris: 30 March, 26 October; Santiago: 6 April at
# midnight back to 23:00, 8 September at midnight forward to 01:00) and ordinary ones.
DAYS = (
    date(2024, 9, 7),
    date(2024, 9, 8),
    date(2024, 10, 26),
    date(2024, 10, 27),
    date(2025, 3, 29),
    date(2025, 3, 30),
    date(2025, 4, 5),
    date(2025, 4, 6),
    date(2025, 4, 7),
    date(2025, 5, 20),
)
# Seconds from a local midnight: just before, on it, just after, half an hour either way.
OFFSETS = (-1, 0, 1, -1800, 1800, 7200)


@dataclass
class RollupHub:
    engine: Engine
    stores: list[str]
    staff: dict[str, tuple[str, str]]  # store -> (associate id, name)
    regulars: dict[str, list[str]]  # store -> some of its customers
    logged: list[dict[str, Any]] = field(default_factory=list)  # visit.log arguments


@pytest.fixture(scope="module")
def rollup_hub(new_db: NewDb) -> Iterator[RollupHub]:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=30, seed=11, now=SEED_NOW)
    stores = [str(s) for s in summary["store_ids"]][:2]
    staff: dict[str, tuple[str, str]] = {}
    regulars: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for store in stores:
            person = conn.execute(
                sa.select(associates.c.id, associates.c.display_name)
                .where(associates.c.store_id == store)
                .order_by(associates.c.id)
                .limit(1)
            ).one()
            staff[store] = (str(person.id), str(person.display_name))
            regulars[store] = [
                str(c)
                for c in conn.execute(
                    sa.select(customers.c.id)
                    .where(customers.c.home_store_id == store)
                    .order_by(customers.c.id)
                    .limit(3)
                ).scalars()
            ]
    with write_tx(engine) as conn:  # the seed's stores are in Paris: one in Santiago
        conn.execute(
            sa.update(locations)
            .where(locations.c.id == stores[1])
            .values(timezone="America/Santiago")
        )
        visit_rollup.rebuild_store(conn, stores[1])
    yield RollupHub(engine, stores, staff, regulars)
    engine.dispose()


def _differences(conn: Connection) -> list[str]:
    stored, computed = visit_rollup.stored(conn), visit_rollup.computed(conn)
    return [
        f"{cell}: stored {stored.get(cell)}, visits say {computed.get(cell)}"
        for cell in sorted(set(stored) | set(computed))
        if stored.get(cell) != computed.get(cell)
    ]


def _zone(conn: Connection, store: str) -> str:
    return str(
        conn.execute(sa.select(locations.c.timezone).where(locations.c.id == store)).scalar_one()
    )


def test_the_seed_builds_the_rollup(rollup_hub: RollupHub) -> None:
    with read_tx(rollup_hub.engine) as conn:
        assert sum(visit_rollup.stored(conn).values()) > 100
        assert _differences(conn) == []


def test_the_migration_backfills_the_rollup(new_db: NewDb) -> None:
    url = new_db()
    engine = make_engine(url)
    try:
        migrate(engine)
        seed_demo_data(engine, customers=12, seed=3, now=SEED_NOW)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0031")
            assert not sa.inspect(conn).has_table("store_visit_days")
            command.upgrade(cfg, "head")
        with read_tx(engine) as conn:
            assert len(visit_rollup.stored(conn)) > 5
            assert _differences(conn) == []
    finally:
        engine.dispose()


def test_whole_local_days_are_recognised_from_their_utc_bounds() -> None:
    paris = "Europe/Paris"
    june = Period(date(2026, 6, 1), date(2026, 7, 1))
    start, end = (iso(t) for t in june.utc_bounds(paris))
    assert local_days(start, end, paris) == ("2026-06-01", "2026-07-01")
    assert local_days(start, end, "UTC") is None  # 22:00 UTC is no UTC midnight
    assert local_days("2026-06-01T00:00:00+00:00", "2026-06-02T00:00:00+00:00", paris) is None
    assert local_days(start, start, paris) is None  # empty
    assert local_days(start.replace("+00:00", "Z"), end, paris) is None  # not as stored
    assert local_days(start, end, "Not/AZone") is None
    # Santiago's clocks go from midnight to 01:00 on 8 September 2024: the day starts then.
    spring = Period(date(2024, 9, 8), date(2024, 9, 9))
    bounds = tuple(iso(t) for t in spring.utc_bounds("America/Santiago"))
    assert local_days(*bounds, "America/Santiago") == ("2024-09-08", "2024-09-09")


# --- random write sequences ----------------------------------------------------------------

_OPS = st.one_of(
    st.tuples(
        st.just("log"),
        st.integers(0, 1),  # store
        st.sampled_from(DAYS),
        st.sampled_from(OFFSETS),
        st.sampled_from(OUTCOMES),
        st.sampled_from(REASONS),
        st.integers(-1, 2),  # customer of the store (-1: anonymous)
    ),
    st.tuples(st.just("again"), st.integers(0, 50)),  # the same visit sent again
    st.tuples(
        st.just("change"),
        st.integers(0, 50),
        st.sampled_from(OUTCOMES),
        st.sampled_from(REASONS),
        st.integers(0, 1),  # store
        st.sampled_from((0, -3600, 86_400)),  # moved in time (seconds)
    ),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("erase"), st.integers(0, 50)),
    st.tuples(st.just("timezone"), st.integers(0, 1), st.sampled_from(ZONES)),
)


def _at(day: date, offset: int, zone: str) -> str:
    """`offset` seconds from the local midnight starting `day` in `zone`, as UTC text."""
    midnight = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return iso(midnight + timedelta(seconds=offset))


class _Run:
    def __init__(self, hub: RollupHub) -> None:
        self.hub = hub

    def _actor(self, store: str) -> Actor:
        person, name = self.hub.staff[store]
        session = Session(
            associate_id=person,
            username="rollup-test",
            display_name=name,
            role="associate",
            store_id=store,
            device_id="rollup-test-device",
        )
        return Actor(session=session, store_id=store)

    def _pick(self, conn: Connection, k: int) -> Any:
        """The k-th visit logged here that still exists (None when there is none)."""
        if not self.hub.logged:
            return None
        args = self.hub.logged[k % len(self.hub.logged)]
        return conn.execute(sa.select(visits).where(visits.c.id == args["id"])).first()

    def apply(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        with write_tx(self.hub.engine) as conn:
            if kind == "log":
                _kind, s, day, offset, outcome, reason, who = op
                store = self.hub.stores[s]
                regulars = self.hub.regulars[store]
                bought = outcome == "bought_here"
                args = {
                    "id": str(uuid.uuid4()),
                    "customer_id": regulars[who % len(regulars)] if who >= 0 else None,
                    "at": _at(day, offset, _zone(conn, store)),
                    "outcome": outcome,
                    "reason": None if bought else reason,
                    "reason_text": "too far" if reason == "other" and not bought else "",
                    "products": [],
                    "survey_token": secrets.token_urlsafe(16),
                }
                self._log(conn, store, args)
            elif kind == "again" and self.hub.logged:
                args = self.hub.logged[op[1] % len(self.hub.logged)]
                row = self._pick(conn, op[1])
                if row is not None:
                    self._log(conn, str(row.store_id), args)
            elif kind == "change":
                _kind, k, outcome, reason, s, shift = op
                row = self._pick(conn, k)
                if row is not None:
                    moved = datetime.fromisoformat(row.at) + timedelta(seconds=shift)
                    visit_rollup.update_visits(
                        conn,
                        [row.id],
                        {
                            "outcome": outcome,
                            "reason": None if outcome == "bought_here" else reason,
                            "store_id": self.hub.stores[s],
                            "at": iso(moved),
                        },
                    )
            elif kind == "delete":
                row = self._pick(conn, op[1])
                if row is not None:
                    assert visit_rollup.delete_visits(conn, [row.id]) == 1
            elif kind == "erase":
                row = self._pick(conn, op[1])
                if row is not None and row.customer_id is not None:
                    erase_customer(conn, str(row.customer_id), erased_by=None)
            elif kind == "timezone":
                store = self.hub.stores[op[1]]
                conn.execute(
                    sa.update(locations).where(locations.c.id == store).values(timezone=op[2])
                )
                visit_rollup.rebuild_store(conn, store)

    def _log(self, conn: Connection, store: str, args: dict[str, Any]) -> None:
        try:
            with conn.begin_nested():  # as a push runs each mutation
                log_visit(conn, self._actor(store), args)
        except MutationRejectedError:
            return  # e.g. the customer was erased meanwhile
        self.hub.logged.append(args)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(_OPS, min_size=1, max_size=12))
def test_the_rollup_equals_a_recomputation_after_every_write(
    rollup_hub: RollupHub, ops: list[tuple[Any, ...]]
) -> None:
    run = _Run(rollup_hub)
    for op in ops:
        run.apply(op)
        with read_tx(rollup_hub.engine) as conn:
            assert _differences(conn) == [], op
    _check_figures(rollup_hub)


# --- the figures counted the slow way, from every visit ------------------------------------


def _raw(conn: Connection, store: str, start: str, end: str) -> tuple[VisitTally, list[Any]]:
    """The tally of [start, end) from the visits (text comparison, as SQL does), and the
    visits."""
    rows = [
        r
        for r in conn.execute(
            sa.select(visits.c.at, visits.c.outcome, visits.c.reason).where(
                visits.c.store_id == store
            )
        )
        if start <= r.at < end
    ]
    reasons: dict[str, int] = {}
    for r in rows:
        if r.outcome != "bought_here":
            reasons[r.reason or "other"] = reasons.get(r.reason or "other", 0) + 1
    bought = sum(1 for r in rows if r.outcome == "bought_here")
    return VisitTally(visits=len(rows), bought_here=bought, reasons=reasons), rows


def _check_figures(hub: RollupHub) -> None:
    now = datetime.now(UTC)
    with read_tx(hub.engine) as conn:
        for store in hub.stores:
            zone = _zone(conn, store)
            periods = [Period(day, day + timedelta(days=1)) for day in DAYS]
            periods += [Period(DAYS[0], DAYS[-1] + timedelta(days=1))]
            for period in periods:
                start, end = (iso(t) for t in period.utc_bounds(zone))
                expected, rows = _raw(conn, store, start, end)
                (found,) = visit_tallies(conn, store_id=store, periods=[(start, end)])
                assert found == expected, (store, zone, period)
                assert (found.rollup_rows > 0) == bool(rows)  # read from the rollup
                for figure, key, wanted in (
                    ("funnel", "visits", expected.visits),
                    ("funnel", "bought_here", expected.bought_here),
                    *(("reason", r, n) for r, n in expected.reasons.items()),
                    ("reason", "price", expected.reasons.get("price", 0)),
                ):
                    listed = drilldown(
                        conn,
                        store_id=store,
                        period=period,
                        figure=figure,
                        key=key,
                        now=now,
                        limit=500,
                    )
                    assert listed.total == wanted, (figure, key, period)
                    assert len(listed.rows) == min(wanted, 500)
            # Several disjoint periods in one read, whole days or not (the latter counted
            # from the visits): each as counted alone.
            days = [iso(t) for t in Period(DAYS[4], DAYS[8]).utc_bounds(zone)]
            middle = iso(datetime.combine(DAYS[6], time(12), tzinfo=UTC))
            mixed = [
                (days[0], middle),  # ends at noon UTC: not whole days
                (middle, days[1]),
                tuple(iso(t) for t in Period(DAYS[8], DAYS[9]).utc_bounds(zone)),
                tuple(iso(t) for t in Period(DAYS[0], DAYS[4]).utc_bounds(zone)),
            ]
            found_all = visit_tallies(conn, store_id=store, periods=mixed, timezone=zone)
            assert found_all == [_raw(conn, store, a, b)[0] for a, b in mixed]
            assert found_all[0].rollup_rows == 0  # counted from the visits
            # The dashboard itself: the funnel's visits and the reasons.
            period = Period(DAYS[0], DAYS[-1] + timedelta(days=1))
            board = store_dashboard(conn, store_id=store, period=period, now=now)
            start, end = (iso(t) for t in period.utc_bounds(zone))
            expected, _rows = _raw(conn, store, start, end)
            steps = {s.step: s.count for s in board.funnel}
            assert (steps["visits"], steps["bought_here"]) == (
                expected.visits,
                expected.bought_here,
            )
            assert {r.reason: r.visits for r in board.no_purchase_reasons if r.visits} == (
                expected.reasons
            )
