"""The cache encrypted at rest: unreadable without its key (also byte for byte), a wrong
key refused with the file untouched, and a plaintext cache converted keeping every row
and the outbox, also when the conversion is killed at any step."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from clienteling.domain.errors import CacheInUseError, CacheKeyError
from clienteling.store import outbox
from clienteling.store.apply import apply_page
from clienteling.store.cache import connect_cache, open_cache
from clienteling.store.encryption import connect_encrypted, file_kind, new_cache_key
from clienteling.store.search import search_customers
from tests.store.conftest import SCOPE, customer

FAMILY = "Nguyễn-Thịnh"  # a name whose bytes must never appear in an encrypted file
CUSTOMERS = 400


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(db: Database, *, customers: int = CUSTOMERS) -> None:
    """Customers (one with FAMILY) and three pending outbox mutations, the WAL not yet
    checkpointed (as a running app leaves it)."""
    changes = [
        customer(f"c-{i:05d}", given=f"Lan{i}", family=FAMILY if i == 7 else f"Tran{i}")
        for i in range(customers)
    ]
    apply_page(
        db, scope=SCOPE, changes=changes, cursor="c1", last_mutation_id=0, snapshot_done=True
    )
    with db.atomic():
        for n in range(3):
            outbox.enqueue(db, "note.add", {"customer_id": "c-00007", "text": f"{FAMILY} {n}"})


def contents(db: Database) -> tuple[int, list[tuple[int, str, object]], list[str]]:
    customers = db.execute("SELECT count(*) FROM customers").fetchone()[0]
    pending = [(m.mutation_id, m.name, m.args) for m in outbox.pending(db)]
    found = [hit.id for hit in search_customers(db, "nguyen thinh")]
    return customers, pending, found


def raw_bytes(path: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
    )


def test_encrypted_cache_is_unreadable_without_its_key(tmp_path: Path) -> None:
    plain_path, secret_path = tmp_path / "plain.sqlite3", tmp_path / "secret.sqlite3"
    key = new_cache_key()
    plain, secret = open_cache(plain_path), open_cache(secret_path, key=key)
    try:
        fill(plain)
        fill(secret)
        # While the app runs, the fresh rows sit in the -wal file: check both files.
        assert secret_path.with_name(secret_path.name + "-wal").stat().st_size > 0
        assert FAMILY.encode() in raw_bytes(plain_path)  # the grep would find it
        assert FAMILY.encode() not in raw_bytes(secret_path)
        assert b"SQLite format 3" not in raw_bytes(secret_path)[:100]
        assert file_kind(secret_path) == "encrypted"
        assert contents(secret) == contents(plain)  # FTS5 search works encrypted
        conn = sqlite3.connect(secret_path)
        try:
            with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
                conn.execute("SELECT count(*) FROM customers")
        finally:
            conn.close()
    finally:
        plain.close()
        secret.close()


def test_wrong_key_is_a_clear_error_and_leaves_the_file_untouched(cache_path: Path) -> None:
    db = open_cache(cache_path, key=new_cache_key())
    fill(db, customers=20)
    db.close()
    before = digest(cache_path)
    with pytest.raises(CacheKeyError) as raised:
        open_cache(cache_path, key=new_cache_key())
    assert raised.value.code == "cache_key"
    with pytest.raises(CacheKeyError):
        connect_cache(cache_path, key=new_cache_key())
    assert digest(cache_path) == before
    assert not cache_path.with_name(cache_path.name + "-wal").exists()


def test_plaintext_cache_is_converted_keeping_data_and_outbox(cache_path: Path) -> None:
    db = open_cache(cache_path)
    fill(db)
    before = contents(db)
    assert len(before[1]) == 3 and before[2] == ["c-00007"]
    db.close()
    assert file_kind(cache_path) == "plaintext"

    key = new_cache_key()
    db = open_cache(cache_path, key=key)
    try:
        assert contents(db) == before
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with db.atomic():  # it goes on from where it was
            assert outbox.enqueue(db, "note.add", {"n": 4}) == 4
    finally:
        db.close()
    assert file_kind(cache_path) == "encrypted"
    assert FAMILY.encode() not in raw_bytes(cache_path)
    assert sorted(p.name for p in cache_path.parent.iterdir()) == [cache_path.name]
    reopened = open_cache(cache_path, key=key)  # no second conversion: same key opens it
    try:
        assert len(contents(reopened)[1]) == 4
    finally:
        reopened.close()


_DIE_POINTS = ["export", "link", "replace", "wipe"]


@pytest.mark.parametrize("die_at", _DIE_POINTS)
def test_conversion_killed_at_any_step_loses_nothing(cache_path: Path, die_at: str) -> None:
    """A process converting the cache is SIGKILLed at a step; the next start finds either
    the old plaintext cache, complete and usable, or the encrypted one, and ends encrypted
    with every row and the outbox, with no plaintext left beside it."""
    db = open_cache(cache_path)
    fill(db, customers=1500)  # enough pages that the export is killed half way
    before = contents(db)
    db.close()
    key = new_cache_key()

    child = subprocess.run(
        [sys.executable, "-m", "tests.support.encrypt_process", str(cache_path), key.hex(), die_at],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert f"dying at {die_at}" in child.stdout

    if die_at == "wipe":  # the rename happened: encrypted, the old file still beside it
        assert file_kind(cache_path) == "encrypted"
        assert cache_path.with_name(cache_path.name + ".plaintext").exists()
    else:  # the old file is as it was and opens as before
        assert file_kind(cache_path) == "plaintext"
        old = open_cache(cache_path)
        try:
            assert contents(old) == before
        finally:
            old.close()

    db = open_cache(cache_path, key=key)
    try:
        assert contents(db) == before
    finally:
        db.close()
    assert file_kind(cache_path) == "encrypted"
    assert sorted(p.name for p in cache_path.parent.iterdir()) == [cache_path.name]


@pytest.mark.skipif(os.name != "posix", reason="the -wal is overwritten through a POSIX fd")
def test_conversion_overwrites_the_plaintext_wal(tmp_path: Path, cache_path: Path) -> None:
    """The old -wal's bytes are zeroed before the file goes (checked through a descriptor
    held across the conversion, as someone reading the freed blocks would see them)."""
    db = open_cache(cache_path)
    fill(db, customers=50)
    crashed = tmp_path / "crashed" / cache_path.name  # the files as a crash leaves them
    crashed.parent.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{cache_path}{suffix}", f"{crashed}{suffix}")
    db.close()
    wal = crashed.with_name(crashed.name + "-wal")
    held = os.open(wal, os.O_RDONLY)
    try:
        size = os.fstat(held).st_size
        assert FAMILY.encode() in os.pread(held, size, 0)
        converted = open_cache(crashed, key=new_cache_key())
        try:
            assert contents(converted)[2] == ["c-00007"]  # the rows of the -wal were kept
        finally:
            converted.close()
        assert FAMILY.encode() not in os.pread(held, size, 0)
        assert not wal.exists() or FAMILY.encode() not in wal.read_bytes()
    finally:
        os.close(held)


def test_a_locked_cache_is_reported_in_use_not_as_a_wrong_key(cache_path: Path) -> None:
    key = new_cache_key()
    holder = open_cache(cache_path, key=key)
    try:
        holder.conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # keeps its lock after COMMIT
        with holder.atomic():
            holder.conn.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        with pytest.raises(CacheInUseError):
            connect_encrypted(str(cache_path), key, timeout=0.05)
    finally:
        holder.close()
    connect_encrypted(str(cache_path), key).close()  # free again: the same key opens it
