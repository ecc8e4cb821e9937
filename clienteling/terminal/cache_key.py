"""The cache's encryption key: made on first use, kept only in the OS keyring.

One keyring entry per cache file (service `clienteling`, user name
`cache-key:<absolute path of the cache>`), holding the 256-bit key in hex. The key never
touches a file: a copied cache, or a stolen disk, is unreadable without this computer's
keyring. A keyring without a backend raises SecretStoreUnavailableError (never a fallback
to a plaintext cache).
"""

from __future__ import annotations

import logging
from pathlib import Path

from clienteling.domain.errors import CacheKeyError
from clienteling.store.encryption import KEY_BYTES, file_kind, new_cache_key
from clienteling.terminal.secrets import SecretStore

log = logging.getLogger(__name__)

_ENTRY_PREFIX = "cache-key:"


def cache_key_entry(cache_path: Path) -> str:
    """The keyring user name under which the key of `cache_path` is kept."""
    return _ENTRY_PREFIX + str(cache_path.resolve())


def cache_key(secrets: SecretStore, cache_path: Path) -> bytes:
    """The key of the cache at `cache_path`, created (and stored) when the cache has none
    yet: a new cache, or a plaintext one about to be converted.

    CacheKeyError when the file is already encrypted but the keyring has no key for it.
    """
    entry = cache_key_entry(cache_path)
    stored = secrets.get(entry)
    if stored is not None:
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise CacheKeyError("the cache key in the keyring is not a valid key")
        return key
    if file_kind(cache_path) == "encrypted":
        raise CacheKeyError("the cache is encrypted and its key is not in the keyring")
    key = new_cache_key()
    secrets.set(entry, key.hex())
    if secrets.get(entry) != key.hex():  # a keyring that drops what it is given
        raise CacheKeyError("the keyring did not keep the cache key")
    log.info("new cache key kept in the keyring")
    return key


def forget_cache_key(secrets: SecretStore, cache_path: Path) -> None:
    """Drop the key (after the cache file itself was removed: a wipe)."""
    secrets.delete(cache_key_entry(cache_path))
