"""The cache key: made once per cache file, kept only in the keyring, never made up for a
cache that is already encrypted; a keyring without a backend is an error, not plaintext."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring

from clienteling.domain.errors import CacheKeyError, SecretStoreUnavailableError
from clienteling.store.cache import open_cache
from clienteling.terminal.cache_key import cache_key, cache_key_entry, forget_cache_key
from clienteling.terminal.secrets import KeyringSecretStore, MemorySecretStore
from tests.support.memory_keyring import MemoryKeyring


def test_key_is_made_once_and_kept_in_the_os_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "cache.sqlite3"
    secrets = KeyringSecretStore()
    key = cache_key(secrets, path)
    assert len(key) == 32
    assert cache_key(secrets, path) == key
    entry = ("clienteling", f"cache-key:{path.resolve()}")
    assert memory_keyring.values[entry] == key.hex()
    assert cache_key(secrets, tmp_path / "other" / "cache.sqlite3") != key  # one per cache
    assert not any(
        key.hex() in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file()
    )
    forget_cache_key(secrets, path)
    assert entry not in memory_keyring.values


def test_an_encrypted_cache_without_its_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    first = MemorySecretStore()
    open_cache(path, key=cache_key(first, path)).close()
    empty = MemorySecretStore()
    with pytest.raises(CacheKeyError):
        cache_key(empty, path)
    assert empty.get(cache_key_entry(path)) is None


def test_a_damaged_key_entry_is_refused(tmp_path: Path) -> None:
    secrets = MemorySecretStore()
    path = tmp_path / "cache.sqlite3"
    secrets.set(cache_key_entry(path), "not hex")
    with pytest.raises(CacheKeyError):
        cache_key(secrets, path)


def test_no_keyring_backend_is_an_error_never_a_plaintext_cache(tmp_path: Path) -> None:
    keyring.set_keyring(NoKeyring())
    with pytest.raises(SecretStoreUnavailableError):
        cache_key(KeyringSecretStore(), tmp_path / "cache.sqlite3")
    assert not (tmp_path / "cache.sqlite3").exists()
