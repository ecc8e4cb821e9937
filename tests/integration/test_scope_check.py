"""The scope check after a pull (DESIGN.md Sync 9) against a real hub: a cache that lost
a row or missed an update resyncs the scope; a cache after ordinary work does not."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from clienteling.store import scope_check
from clienteling.store.cache import connect_cache
from clienteling.terminal.facade import Terminal


@contextmanager
def cache(terminal: Terminal) -> Iterator[Database]:
    db = connect_cache(terminal.cache_path)
    try:
        yield db
        db.conn.commit()
    finally:
        db.close()


def store_scope(db: Database) -> str:
    row = db.conn.execute("SELECT scope FROM sync_state WHERE scope LIKE 'store:%'").fetchone()
    return str(row[0])


def make_due(db: Database, scope: str) -> None:
    db.conn.execute("DELETE FROM meta WHERE key = ?", (f"scope_checked:{scope}",))


def test_the_first_sync_checks_and_finds_nothing(
    synced: Terminal, caplog: pytest.LogCaptureFixture
) -> None:
    with cache(synced) as db:
        scope = store_scope(db)
        assert not scope_check.check_due(db, scope)  # checked right after the snapshot
        assert scope_check.may_resync(db, scope)  # and no resync was needed


def test_a_lost_row_and_a_missed_update_resync_the_scope(
    synced: Terminal, caplog: pytest.LogCaptureFixture
) -> None:
    with cache(synced) as db:
        scope = store_scope(db)
        lost_id, lost_version = db.conn.execute(
            "SELECT id, version FROM customers WHERE scope = ? ORDER BY id LIMIT 1", (scope,)
        ).fetchone()
        db.conn.execute("DELETE FROM customers WHERE id = ?", (lost_id,))
        stale_id, stale_version = db.conn.execute(
            "SELECT id, version FROM consents WHERE scope = ? ORDER BY id LIMIT 1", (scope,)
        ).fetchone()
        db.conn.execute("UPDATE consents SET version = version - 1 WHERE id = ?", (stale_id,))
        make_due(db, scope)

    with caplog.at_level(logging.WARNING, logger="clienteling.sync.engine"):
        synced.sync_once()

    assert any("differs from the hub" in r.getMessage() for r in caplog.records)
    with cache(synced) as db:
        assert db.conn.execute(
            "SELECT version FROM customers WHERE id = ?", (lost_id,)
        ).fetchone() == (lost_version,)
        assert db.conn.execute(
            "SELECT version FROM consents WHERE id = ?", (stale_id,)
        ).fetchone() == (stale_version,)
        assert not scope_check.may_resync(db, scope)  # the resync is remembered
        assert scope_check.check_due(db, scope)  # and checked again right after
    synced.sync_once()
    with cache(synced) as db:
        assert not scope_check.check_due(db, scope)  # the resynced cache passed


def test_ordinary_offline_work_is_no_difference(
    synced: Terminal, caplog: pytest.LogCaptureFixture
) -> None:
    """Rows written here (notes, visits, a new customer, a consent flip) and then synced
    must never look like a difference: a false alarm would resync a store every hour."""
    customer_id = synced.search("a", limit=1)[0].id
    synced.add_note(customer_id, "checked")
    synced.log_visit(customer_id=None, outcome="left_without_buying", reason="price")
    synced.set_consent(customer_id, "email", False)
    synced.create_customer(given_name="Chloé", family_name="Vérifiée", email="chloe@example.org")
    synced.sync_once()
    with cache(synced) as db:
        scope = store_scope(db)
        make_due(db, scope)
    with caplog.at_level(logging.WARNING, logger="clienteling.sync.engine"):
        synced.sync_once()
    assert not [r for r in caplog.records if "differs from the hub" in r.getMessage()]
    with cache(synced) as db:
        assert not scope_check.check_due(db, scope)


def test_a_difference_resyncs_at_most_once_a_day() -> None:
    now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    db = Database(memory=True)
    db.conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    assert scope_check.check_due(db, "store:1", now=now)
    scope_check.mark_checked(db, "store:1", now=now)
    assert not scope_check.check_due(db, "store:1", now=now + timedelta(minutes=59))
    assert scope_check.check_due(db, "store:1", now=now + timedelta(hours=1))
    scope_check.mark_resync(db, "store:1", now=now)
    assert scope_check.check_due(db, "store:1", now=now)  # right after the resync
    assert not scope_check.may_resync(db, "store:1", now=now + timedelta(hours=23))
    assert scope_check.may_resync(db, "store:1", now=now + timedelta(hours=24))
