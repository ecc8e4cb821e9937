"""Opening the cache: migrations are idempotent; a damaged or newer cache is refused and
left byte for byte as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import CacheCorruptError, CacheKeyError, CacheNewerError
from clienteling.store.cache import check_integrity, open_cache
from clienteling.store.encryption import new_cache_key
from clienteling.store.meta import get_meta, set_meta
from clienteling.store.schema import KNOWN, MIGRATION_SET, migrations
from tests.support.damaged_cache import damage_tail


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_known_names_match_the_registered_migrations() -> None:
    fresh = Database(memory=True)
    assert {m.name for m in migrations.pending(fresh)} == KNOWN


def test_migrations_are_idempotent(cache_path: Path) -> None:
    db = open_cache(cache_path)
    set_meta(db, "device_id", "d-1")
    db.close()
    db = open_cache(cache_path)
    try:
        assert get_meta(db, "device_id") == "d-1"
        assert migrations.pending(db) == []
        applied = [r["name"] for r in db.query("SELECT name FROM _sqlite_migrations")]
        assert sorted(applied) == sorted(KNOWN)
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert {"meta", "sync_state", "customers", "outbox", "customer_fts"} <= set(
            db.table_names()
        )
    finally:
        db.close()


def test_newer_cache_is_refused_untouched(cache_path: Path) -> None:
    db = open_cache(cache_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": MIGRATION_SET, "name": "9999_from_the_future", "applied_at": "x"}
    )
    db.close()
    before = digest(cache_path)
    with pytest.raises(CacheNewerError):
        open_cache(cache_path)
    assert digest(cache_path) == before


def test_file_that_is_not_a_database_is_refused_untouched(cache_path: Path) -> None:
    cache_path.write_bytes(b"this is a spreadsheet, not a cache\n" * 200)
    before = digest(cache_path)
    with pytest.raises(CacheCorruptError):
        open_cache(cache_path)
    assert digest(cache_path) == before


def test_damaged_database_is_refused_untouched(cache_path: Path) -> None:
    db = open_cache(cache_path)
    db.executescript(
        "CREATE TABLE filler (x TEXT);"
        + "".join(f"INSERT INTO filler VALUES ('{'x' * 500}');" for _ in range(200))
    )
    db.close()
    conn = sqlite3.connect(cache_path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    raw = bytearray(cache_path.read_bytes())
    page = 4096
    raw[page * 3 : page * 6] = b"\xa5" * (page * 3)  # scribble over a few pages
    cache_path.write_bytes(bytes(raw))
    before = digest(cache_path)
    with pytest.raises(CacheCorruptError):
        open_cache(cache_path)
    assert digest(cache_path) == before


def test_empty_file_becomes_a_fresh_cache(cache_path: Path) -> None:
    cache_path.touch()
    db = open_cache(cache_path)
    try:
        assert migrations.pending(db) == []
    finally:
        db.close()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plaintext", "encrypted"])
def test_deferred_check_opens_a_damaged_cache_and_check_integrity_finds_it(
    cache_path: Path, encrypted: bool
) -> None:
    """The desktop app opens without the full page check (a second and more when
    encrypted) and runs it afterwards on a worker: that later check fails like the one at
    open would, while the same file is still refused by a full open."""
    key = new_cache_key() if encrypted else None
    open_cache(cache_path, key=key).close()
    damage_tail(cache_path, key=key)
    # A full open refuses it (encrypted: as "cannot be decrypted", which at open cannot
    # be told apart from a wrong key).
    with pytest.raises(CacheKeyError if encrypted else CacheCorruptError):
        open_cache(cache_path, key=key)
    db = open_cache(cache_path, key=key, integrity_check=False)
    try:
        assert "_sqlite_migrations" in db.table_names()
        with pytest.raises(CacheCorruptError):
            check_integrity(db, name=cache_path.name)
    finally:
        db.close()


def test_check_integrity_passes_on_a_sound_cache(cache_path: Path) -> None:
    db = open_cache(cache_path, key=new_cache_key(), integrity_check=False)
    try:
        check_integrity(db, name=cache_path.name)  # no error
    finally:
        db.close()
