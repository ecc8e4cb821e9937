"""The production default: a terminal whose cache is encrypted at rest, against a real hub.

Sync, search and notes work as on a plaintext cache; the file (and its -wal) hold no
customer name in the clear and plain `sqlite3` cannot read them; without the key from the
keyring the terminal refuses to start with a clear error and leaves the file alone; a
plaintext cache with unsent notes becomes encrypted and still sends them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from clienteling.domain.errors import CacheKeyError
from clienteling.store.encryption import file_kind
from clienteling.terminal.cache_key import cache_key_entry
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER


def raw_cache_bytes(path: Path) -> bytes:
    files = [path, path.with_name(path.name + "-wal")]
    return b"".join(p.read_bytes() for p in files if p.exists())


def test_sync_search_and_note_round_trip_on_an_encrypted_cache(
    tmp_path: Path, hub_url: str
) -> None:
    secrets = MemorySecretStore()
    data_dir = tmp_path / "terminal"
    terminal = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=secrets, encrypt_cache=True)
    try:
        terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
        hit = terminal.search("a", limit=1)[0]
        family = hit.display_name.split()[-1]
        assert any(h.id == hit.id for h in terminal.search(hit.display_name, limit=50))
        terminal.add_note(hit.id, "Wants the blue scarf in cashmere")
        assert terminal.sync_once().pushed == 1

        # While the terminal runs, recent pages sit in the -wal: neither file shows them.
        raw = raw_cache_bytes(terminal.cache_path)
        assert terminal.cache_path.with_name(terminal.cache_path.name + "-wal").exists()
        assert family.encode() not in raw
        assert b"cashmere" not in raw
        assert file_kind(terminal.cache_path) == "encrypted"
        conn = sqlite3.connect(terminal.cache_path)
        try:
            with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
                conn.execute("SELECT count(*) FROM customers")
        finally:
            conn.close()
    finally:
        terminal.close()
    assert secrets.get(cache_key_entry(data_dir / "cache.sqlite3")) is not None

    again = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=secrets, encrypt_cache=True)
    try:
        assert again.restore_session() is not None
        profile = again.customer(hit.id)
        assert profile is not None
        assert "Wants the blue scarf in cashmere" in [n.text for n in profile.notes]
        assert again.sync_once().pushed == 0
    finally:
        again.close()


def test_without_its_key_the_terminal_refuses_clearly_and_leaves_the_file(
    tmp_path: Path, hub_url: str
) -> None:
    data_dir = tmp_path / "terminal"
    first = Terminal(
        data_dir=data_dir, hub_url=hub_url, secrets=MemorySecretStore(), encrypt_cache=True
    )
    first.sign_in(USER, PASSWORD)
    first.close()
    cache = data_dir / "cache.sqlite3"
    before = hashlib.sha256(cache.read_bytes()).hexdigest()

    other_keyring = MemorySecretStore()  # another computer's, or a reset keyring
    with pytest.raises(CacheKeyError) as missing:
        Terminal(data_dir=data_dir, hub_url=hub_url, secrets=other_keyring, encrypt_cache=True)
    assert missing.value.code == "cache_key"
    assert other_keyring.get(cache_key_entry(cache)) is None  # no new key was made up

    wrong = MemorySecretStore()
    wrong.set(cache_key_entry(cache), "11" * 32)
    with pytest.raises(CacheKeyError):
        Terminal(data_dir=data_dir, hub_url=hub_url, secrets=wrong, encrypt_cache=True)
    assert hashlib.sha256(cache.read_bytes()).hexdigest() == before


def test_plaintext_cache_with_unsent_notes_is_encrypted_and_still_sends_them(
    tmp_path: Path, hub_url: str
) -> None:
    secrets = MemorySecretStore()
    data_dir = tmp_path / "terminal"
    old = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=secrets)  # an older app
    try:
        old.sign_in(USER, PASSWORD)
        old.sync_once()
        hit = old.search("e", limit=1)[0]
        old.add_note(hit.id, "Offline note one")
        old.add_note(hit.id, "Offline note two")
        assert old.status().pending == 2
        hits_before = [h.id for h in old.search("e", limit=20)]
    finally:
        old.close()
    assert file_kind(data_dir / "cache.sqlite3") == "plaintext"

    new = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=secrets, encrypt_cache=True)
    try:
        assert file_kind(new.cache_path) == "encrypted"
        leftovers = [p.name for p in data_dir.iterdir() if ".plaintext" in p.name]
        assert leftovers + [p.name for p in data_dir.iterdir() if ".encrypting" in p.name] == []
        assert new.restore_session() is not None
        assert new.status().pending == 2
        assert [h.id for h in new.search("e", limit=20)] == hits_before
        report = new.sync_once()
        assert report.pushed == 2
        assert report.pending == 0
    finally:
        new.close()
