"""The cache encrypted at rest with SQLCipher, and turning a plaintext cache into one.

Settings: SQLCipher 4 as bundled in the `sqlcipher3` wheel (AES-256-CBC per 4 KiB page,
HMAC-SHA512 per page, a random IV per page write), pinned with `cipher_compatibility = 4`
so a later SQLCipher with other defaults still opens the file. The key is a random
256-bit raw key (`PRAGMA key = "x'…'"`), never a passphrase: there is nothing to stretch,
so opening skips PBKDF2 (SQLCipher's 256,000 iterations would cost every connection
about a fifth of a second). Temporary tables and sort spills stay in memory (the build
has `SQLITE_TEMP_STORE=2`), so no unencrypted temp file is written.

This layer gets the key as bytes and never sees where it is kept (the terminal keeps it
in the OS keyring).

A plaintext cache from an older version is converted once, at the first encrypted open:
`sqlcipher_export` into a sibling file, fsync, atomic rename over the old name, then the
old bytes are overwritten and removed. Until the rename the old file is complete and
usable (a crash leaves it as it was, and the next start converts again); after it the
encrypted file is. Overwriting is best effort: SSDs and copy-on-write file systems may
keep old blocks elsewhere, which only full-disk encryption covers.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any, Literal

import sqlcipher3

from clienteling.domain.errors import CacheCorruptError, CacheInUseError, CacheKeyError

log = logging.getLogger(__name__)

KEY_BYTES = 32
_PLAINTEXT_HEADER = b"SQLite format 3\x00"
_ENCRYPTING = ".encrypting"  # the encrypted copy being written
_PLAINTEXT = ".plaintext"  # a second name of the old file, kept until it is overwritten
_WIPE_CHUNK = 1 << 20

DatabaseError = sqlcipher3.DatabaseError
InterfaceError = sqlcipher3.InterfaceError
OperationalError = sqlcipher3.OperationalError
ProgrammingError = sqlcipher3.ProgrammingError
Connection = sqlcipher3.Connection

CacheFileKind = Literal["absent", "plaintext", "encrypted"]


def new_cache_key() -> bytes:
    """A fresh random 256-bit key."""
    return secrets.token_bytes(KEY_BYTES)


def file_kind(path: Path) -> CacheFileKind:
    """What is at `path`: nothing yet (absent or empty), a plain SQLite file, or something
    else (an encrypted cache, or garbage, which no key opens)."""
    try:
        with path.open("rb") as file:
            head = file.read(len(_PLAINTEXT_HEADER))
    except FileNotFoundError:
        return "absent"
    if not head:
        return "absent"
    return "plaintext" if head == _PLAINTEXT_HEADER else "encrypted"


def connect_encrypted(target: str, key: bytes, *, uri: bool = False, **options: Any) -> Any:
    """A sqlcipher3 connection keyed with `key` (before any other statement) and checked:
    raises CacheKeyError when the key does not open the file, CacheInUseError when another
    process holds it locked past the busy timeout. `options` go to `connect`."""
    if len(key) != KEY_BYTES:
        raise ValueError("a cache key has 32 bytes")
    conn = sqlcipher3.connect(target, uri=uri, **options)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.OperationalError as exc:  # locked or busy: not a key problem
        conn.close()
        raise CacheInUseError(f"the cache is in use: {exc}") from exc
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise CacheKeyError(
            "the cache cannot be decrypted with the key in the keyring "
            "(another key, or a damaged file)"
        ) from exc
    return conn


def settle_leftovers(path: Path) -> None:
    """Remove what an interrupted conversion left beside `path`: a partial encrypted copy
    (plain delete: it is encrypted) and a second name of the old plaintext file (overwritten
    first, unless it is still the very file at `path`)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        partial = _sibling(path, _ENCRYPTING + suffix)
        if partial.exists():
            log.info("removing the partial encrypted copy %s", partial.name)
            partial.unlink()
    old = _sibling(path, _PLAINTEXT)
    if old.exists():
        if path.exists() and os.path.samefile(path, old):
            old.unlink()  # the crash came before the rename: the file at `path` is the cache
        else:
            log.info("overwriting the old plaintext copy of %s", path.name)
            _wipe(old)


def encrypt_plaintext_cache(path: Path, key: bytes) -> None:
    """Turn the plaintext cache at `path` into an encrypted one with `key`, keeping every
    row (the outbox included). CacheInUseError when another process has it open; then
    nothing changed."""
    settle_leftovers(path)
    target = _sibling(path, _ENCRYPTING)
    wal = _sibling(path, "-wal")
    # POSIX keeps an unlinked file alive while it is open: holding the -wal open lets us
    # overwrite its bytes after SQLite folded it into the file and deleted it. (Windows
    # refuses to delete an open file; there SQLite just deletes it.)
    wal_fd = _open_for_wipe(wal)
    conn = sqlcipher3.connect(str(path), timeout=10)  # no key: plain SQLite
    try:
        try:  # only the sole user may leave WAL mode: also our check that we are alone
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlcipher3.OperationalError as exc:
            raise CacheInUseError(f"the cache {path.name} is in use") from exc
        if str(mode).lower() != "delete":
            raise CacheInUseError(f"the cache {path.name} is in use")
        if wal_fd is not None and not wal.exists():
            _overwrite(wal_fd)
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{key.hex()}'"))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        user_version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
        conn.execute(f"PRAGMA encrypted.user_version = {user_version}")
        conn.execute("DETACH DATABASE encrypted")
    except BaseException:
        conn.close()
        target.unlink(missing_ok=True)
        raise
    finally:
        if wal_fd is not None:
            os.close(wal_fd)
    conn.close()
    _fsync(target)
    _check(target, key)
    old = _sibling(path, _PLAINTEXT)
    try:
        os.link(path, old)  # a second name, so the old bytes can be overwritten after
        linked = True
    except OSError:
        log.warning("no hard link beside %s: its old blocks are freed unwiped", path.name)
        linked = False
    os.replace(target, path)
    _fsync_dir(path.parent)
    if linked:
        _wipe(old)
    for suffix in ("-wal", "-shm", "-journal"):
        stale = _sibling(path, suffix)
        if stale.exists():
            _wipe(stale)
    log.info("cache %s is now encrypted", path.name)


def _open_for_wipe(path: Path) -> int | None:
    if os.name != "posix":
        return None
    try:
        return os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None


def _check(path: Path, key: bytes) -> None:
    conn = connect_encrypted(str(path), key)
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()
    finally:
        conn.close()
    if verdict is None or verdict[0] != "ok":
        path.unlink(missing_ok=True)
        raise CacheCorruptError(f"the encrypted copy of {path.name} fails its check")


def _wipe(path: Path) -> None:
    """Overwrite `path` with zeros, flush, then remove it."""
    fd = os.open(path, os.O_RDWR)
    try:
        _overwrite(fd)
    finally:
        os.close(fd)
    path.unlink()


def _overwrite(fd: int) -> None:
    size = os.fstat(fd).st_size
    zeros = bytes(_WIPE_CHUNK)
    os.lseek(fd, 0, os.SEEK_SET)
    left = size
    while left > 0:
        left -= os.write(fd, zeros[: min(left, _WIPE_CHUNK)])
    os.fsync(fd)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
