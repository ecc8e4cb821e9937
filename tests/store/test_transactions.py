"""Two writers on one cache file (the app's sync thread and `clienteling sync`, or two
sync processes): a transaction that reads before it writes must wait its turn, never fail
with "database is locked"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from clienteling.store.cache import connect_cache
from clienteling.store.meta import get_meta, set_meta
from clienteling.store.transactions import write_transaction


def _read_then_write(first: Database, second: Database) -> None:
    """`first` reads in a deferred transaction (what sqlite-utils' `atomic()` begins),
    `second` commits a write meanwhile, then `first` writes."""
    first.conn.execute("BEGIN")
    get_meta(first, "counter")  # the read: a snapshot in WAL mode
    set_meta(second, "other", "1")
    second.conn.commit()
    set_meta(first, "counter", "1")
    first.conn.execute("COMMIT")


def test_a_deferred_read_then_write_fails_when_another_writer_committed(
    db: Database, cache_path: Path
) -> None:
    """The trap itself, so the test below means something."""
    second = connect_cache(cache_path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            _read_then_write(db, second)
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        second.close()


def test_write_transactions_take_the_lock_first_and_nest(db: Database, cache_path: Path) -> None:
    second = connect_cache(cache_path)
    try:
        with write_transaction(db):
            get_meta(db, "counter")
            # Another writer cannot slip in between the read and the write now.
            second.conn.execute("PRAGMA busy_timeout=50")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                second.conn.execute("BEGIN IMMEDIATE")
            with write_transaction(db):  # nested: a savepoint
                set_meta(db, "counter", "1")
        assert not db.conn.in_transaction
        assert get_meta(second, "counter") == "1"
        with pytest.raises(RuntimeError), write_transaction(db):
            set_meta(db, "counter", "2")
            raise RuntimeError("boom")
        assert get_meta(db, "counter") == "1"  # rolled back
    finally:
        second.close()
