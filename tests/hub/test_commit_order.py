"""Version order is commit order: writers committing "out of order" never make a pull skip.

DESIGN.md, Sync §3. Writer A takes a version in scope S and keeps its transaction open;
writer B, writing in S too, must wait for A (BEGIN IMMEDIATE on SQLite, the counter row's
lock on PostgreSQL), so B can neither take a lower version than A nor commit before it.
Meanwhile a puller must not move its cursor past A's uncommitted row, and after both
commit, pulling on from its cursor returns every row exactly once. Threads and events, no
sleeps for ordering; every wait is bounded.
"""

from __future__ import annotations

import functools
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, read_epoch, read_tx, write_tx
from clienteling.hub.feed import Cursor, read_page
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import customers, notes, scope_versions, tombstones

from .blocking import Worker, blocked_or_done, wait


@dataclass
class Feed:
    engine: Engine
    epoch: str
    scope: str
    customer_id: str

    def pull(self, cursor: str | None, *, limit: int = 2) -> tuple[list[tuple[str, int]], str]:
        """Every page from `cursor` on, as the terminal would: ([(id, version)], cursor)."""
        seen: list[tuple[str, int]] = []
        while True:
            with read_tx(self.engine) as conn:
                page = read_page(
                    conn, epoch=self.epoch, scope=self.scope, cursor=cursor, limit=limit
                )
            seen += [(c.id, c.version) for c in page.changes]
            cursor = page.cursor
            if not page.has_more:
                return seen, cursor


def add_note(conn: Connection, feed: Feed, text: str) -> tuple[str, int]:
    note_id = uuid7()
    version = versions.allocate(conn, feed.scope)
    conn.execute(
        sa.insert(notes).values(
            id=note_id,
            customer_id=feed.customer_id,
            associate_id="test",
            author_name="Test",
            store_id=None,
            text=text,
            created_at="2025-06-01T10:00:00+00:00",
            scope=feed.scope,
            version=version,
        )
    )
    return note_id, version


@pytest.fixture
def feed(db_url: str) -> Iterator[Feed]:
    engine = make_engine(db_url)
    migrate(engine)
    seed_demo_data(engine, customers=4, seed=3)
    with engine.connect() as conn:
        epoch = read_epoch(conn)
        customer = conn.execute(
            sa.select(customers.c.id, customers.c.scope).order_by(customers.c.id).limit(1)
        ).one()
    yield Feed(engine=engine, epoch=epoch, scope=customer.scope, customer_id=customer.id)
    engine.dispose()


def position(cursor: str) -> int:
    decoded = Cursor.decode(cursor)
    assert not decoded.snapshot
    return decoded.version


def test_a_late_commit_is_never_skipped(feed: Feed) -> None:
    snapshot, start = feed.pull(None, limit=50)
    assert snapshot  # the scope holds seeded rows; the cursor is now incremental
    start_version = position(start)
    a_allocated, a_release, b_begins = threading.Event(), threading.Event(), threading.Event()

    def writer_a() -> tuple[str, int]:
        with write_tx(feed.engine) as conn:
            written = add_note(conn, feed, "A: takes a version first, commits late")
            a_allocated.set()
            wait(a_release, "the test to release A")
        return written

    def writer_b() -> tuple[str, int]:
        b_begins.set()
        with write_tx(feed.engine) as conn:  # commits as soon as it may
            return add_note(conn, feed, "B: asks second, would commit first")

    a = Worker(writer_a, "writer A")
    b = Worker(writer_b, "writer B")
    a.start()
    wait(a_allocated, "A to take its version")
    b.start()
    wait(b_begins, "B to begin")
    try:
        blocked_or_done(feed.engine, b)
        # Whatever B did, a puller now sees neither row and keeps its cursor where it was
        # (were B committed with a later version, the cursor would pass A's for good).
        during, cursor = feed.pull(start)
        assert during == [], "a pull saw a row while an earlier version was uncommitted"
        assert position(cursor) == start_version
        # And the reason: B waits for A (BEGIN IMMEDIATE / the counter row's lock).
        assert not b.done.is_set(), f"B did not wait for A: {b.error}"
    finally:
        a_release.set()
    a_note = a.finish()
    b_note = b.finish()
    assert (a_note[1], b_note[1]) == (start_version + 1, start_version + 2)

    after, cursor = feed.pull(cursor)
    assert after == [a_note, b_note]
    assert feed.pull(cursor)[0] == []
    replay, _ = feed.pull(start)
    assert replay == [a_note, b_note]


def test_first_write_in_a_new_scope_from_two_transactions(feed: Feed) -> None:
    """Both writers find no counter row for the scope; neither fails, versions are 1 and 2."""
    scope = "store:brand-new"
    a_allocated, a_release, b_begins = threading.Event(), threading.Event(), threading.Event()

    def writer_a() -> int:
        with write_tx(feed.engine) as conn:
            first = versions.allocate(conn, scope)
            a_allocated.set()
            wait(a_release, "the test to release A")
        return first

    def writer_b() -> int:
        b_begins.set()
        with write_tx(feed.engine) as conn:
            return versions.allocate(conn, scope)

    a = Worker(writer_a, "writer A")
    b = Worker(writer_b, "writer B")
    a.start()
    wait(a_allocated, "A to create the counter row")
    b.start()
    wait(b_begins, "B to begin")
    try:
        # PostgreSQL: B's INSERT ... ON CONFLICT waits on A's uncommitted row.
        blocked_or_done(feed.engine, b)
        assert not b.done.is_set(), f"B did not wait for A: {b.error}"
    finally:
        a_release.set()
    assert (a.finish(), b.finish()) == (1, 2)
    with feed.engine.connect() as conn:
        rows = conn.execute(
            sa.select(scope_versions.c.version).where(scope_versions.c.scope == scope)
        ).all()
    assert [r.version for r in rows] == [2]


def test_many_writers_and_a_puller_lose_and_repeat_nothing(feed: Feed) -> None:
    """Writers hold their transactions open for random moments while a puller keeps pulling;
    the puller ends with every row exactly once, in increasing version order."""
    _, cursor = feed.pull(None, limit=500)
    writers, per_writer = 4, 12
    written: list[tuple[str, int]] = []
    lock = threading.Lock()
    rng = random.Random(11)
    holds = [[rng.uniform(0, 0.004) for _ in range(per_writer)] for _ in range(writers)]
    start = threading.Barrier(writers + 1, timeout=15)

    def writer(index: int) -> None:
        start.wait()
        for i, hold in enumerate(holds[index]):
            with write_tx(feed.engine) as conn:
                note = add_note(conn, feed, f"writer {index} note {i}")
                time.sleep(hold)  # widens the window between taking a version and commit
            with lock:
                written.append(note)

    workers = [Worker(functools.partial(writer, n), f"writer {n}") for n in range(writers)]
    for worker in workers:
        worker.start()
    start.wait()
    pulled: list[tuple[str, int]] = []
    while not all(w.done.is_set() for w in workers):
        page, cursor = feed.pull(cursor, limit=3)
        pulled += page
    for worker in workers:
        worker.finish()
    page, cursor = feed.pull(cursor, limit=3)
    pulled += page

    assert len(written) == writers * per_writer
    assert Counter(pulled) == Counter(written)
    assert max(Counter(pulled).values()) == 1
    assert [v for _, v in pulled] == sorted(v for _, v in pulled)


@pytest.mark.parametrize("at", [2, 3, 4], ids=["before-probe", "before-notes", "before-tombstones"])
def test_one_pull_reads_one_snapshot_across_entity_kinds(feed: Feed, db_url: str, at: int) -> None:
    """A page runs several queries: the scope's heads, which kinds changed, then each
    changed kind's rows (notes, then tombstones, ...). A commit landing between those
    queries must be invisible to the whole page (REPEATABLE READ on PostgreSQL, the WAL
    snapshot on SQLite); otherwise the page would carry the later row without the earlier
    one and its cursor would step over the earlier one for good. The commit lands before
    the `at`-th query of the page."""
    _, start = feed.pull(None, limit=500)
    with write_tx(feed.engine) as conn:  # before the pull: a note and a tombstone to read
        before = [add_note(conn, feed, "there before the pull"), _tombstone(conn, feed)]
    written: list[tuple[str, int]] = []
    statements: list[str] = []

    def commit_between_queries(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):  # not SQLite's BEGIN
            statements.append(statement)
        if written or len(statements) < at:  # the first query has begun the snapshot
            return
        with write_tx(feed.engine) as conn:  # another connection, committed right now
            written.extend([add_note(conn, feed, "committed while a pull was half done")])
            written.append(_tombstone(conn, feed))

    puller = Feed(make_engine(db_url), feed.epoch, feed.scope, feed.customer_id)
    event.listen(puller.engine, "before_cursor_execute", commit_between_queries)
    try:
        during, cursor = puller.pull(start, limit=500)
    finally:
        event.remove(puller.engine, "before_cursor_execute", commit_between_queries)
        puller.engine.dispose()
    assert written, "the pull ran a single query"
    assert len(statements) >= 4 and "FROM tombstones" in statements[-1], statements
    assert during == before
    assert position(cursor) == position(start) + 2
    after, _ = feed.pull(cursor)
    assert [v for _, v in after] == [position(start) + 3, position(start) + 4]


def _tombstone(conn: Connection, feed: Feed) -> tuple[str, int]:
    entity_id, version = uuid7(), versions.allocate(conn, feed.scope)
    conn.execute(
        sa.insert(tombstones).values(
            entity="note", entity_id=entity_id, scope=feed.scope, version=version
        )
    )
    return entity_id, version
