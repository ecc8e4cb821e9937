"""Opening the cache file: refuse what we cannot read, migrate what we can.

A cache that is damaged or was written by a newer app is reported and left exactly as it
is (opened read-only for the check): the associate's unsent work may still be in it.

With a `key` the cache is encrypted at rest (`store.encryption`); a plaintext cache found
there is converted first. Without one it is a plain SQLite file (tests that read the file
with `sqlite3` use that).

The integrity check (`PRAGMA quick_check`) reads every page, and decrypting them all costs
an encrypted cache of 50k customers more than a second. The desktop app therefore opens
with `integrity_check=False` (the key, the schema and the migrations are still checked:
they are read from the file) and runs `check_integrity` on a worker; a failure there is
reported like one at open. Until that check passes a `WriteGate` (`store.write_gate`) on
the connections holds every write. A cache that needs migrating is checked in full at open
all the same (once, after an update that changes the schema): migrating writes to it.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from clienteling.domain.errors import CacheCorruptError, CacheKeyError, CacheNewerError
from clienteling.store import encryption
from clienteling.store.schema import KNOWN, MIGRATION_SET, migrations
from clienteling.store.write_gate import GateState, WriteGate

log = logging.getLogger(__name__)

_BUSY_TIMEOUT_MS = 10_000


def open_cache(
    path: Path,
    *,
    key: bytes | None = None,
    integrity_check: bool = True,
    gate: WriteGate | None = None,
) -> Database:
    """Check, open and migrate the cache at `path` (created when absent), encrypted with
    `key` when given (a plaintext cache there is converted, its outbox and all).
    `integrity_check=False` skips the full page check here (the caller runs
    `check_integrity` later, off the GUI thread); a conversion, a migration and a new
    file are checked (or need none) all the same. `gate` then goes on the connection,
    opened here when the file needs no later check.

    Raises CacheCorruptError, CacheNewerError, CacheKeyError (the key does not open it) or
    CacheInUseError (conversion needs it alone) without touching the file.
    """
    if key is not None:
        encryption.settle_leftovers(path)
        if encryption.file_kind(path) == "plaintext":
            _inspect(path)  # never convert a damaged or newer cache
            encryption.encrypt_plaintext_cache(path, key)
    if _inspect(path, key=key, integrity_check=integrity_check) and gate is not None:
        gate.open()
    # Held from here on: a file still to check has no migration due (see `_inspect`).
    db = connect_cache(path, key=key, gate=gate)
    try:
        with db.ensure_autocommit_on():
            if db.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.conn.execute("PRAGMA journal_mode=WAL")
        migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def connect_cache(
    path: Path, *, key: bytes | None = None, gate: WriteGate | None = None
) -> Database:
    """Another connection to a cache `open_cache` has already opened (one per thread),
    with the same `key` (None: a plaintext cache), its writes held by `gate` if given.

    `check_same_thread=False` only so the owner can close it from another thread at
    shutdown; each connection is still used by one thread.
    """
    if gate is not None and gate.state is GateState.OPEN:
        gate = None  # it never shuts again: nothing to hold, no callback per statement
    options: dict[str, Any] = {"check_same_thread": False, "timeout": _BUSY_TIMEOUT_MS / 1000}
    if gate is not None:
        options["factory"] = _GatedPlain if key is None else _GatedEncrypted
    if key is None:
        conn = sqlite3.connect(str(path), **options)
    else:
        conn = encryption.connect_encrypted(str(path), key, **options)
    db = Database(conn, execute_plugins=False)
    with db.ensure_autocommit_on():
        conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous=NORMAL")
    if gate is not None:
        install_gate(db, gate)
    return db


def install_gate(db: Database, gate: WriteGate) -> None:
    """Hold `db`'s writes until `gate` opens (`store.write_gate`). On a connection made
    by `connect_cache(gate=…)` its refusals raise CacheCheckingError / CacheCorruptError
    (elsewhere sqlite's bare "not authorized")."""
    db.conn.set_authorizer(gate.authorize)
    if isinstance(db.conn, _Gated):
        db.conn.gate = gate


class _Gated:
    """`execute` / `executemany` that turn a `WriteGate` refusal into our error (mixed into
    the driver's Connection: sqlite3's or sqlcipher3's)."""

    gate: WriteGate | None = None

    def execute(self, *args: Any) -> Any:
        try:
            return super().execute(*args)  # type: ignore[misc]
        except (sqlite3.DatabaseError, encryption.DatabaseError) as exc:
            self._raise_refusal(exc)
            raise

    def executemany(self, *args: Any) -> Any:
        try:
            return super().executemany(*args)  # type: ignore[misc]
        except (sqlite3.DatabaseError, encryption.DatabaseError) as exc:
            self._raise_refusal(exc)
            raise

    def _raise_refusal(self, exc: BaseException) -> None:
        error = self.gate.refusal_error(exc) if self.gate is not None else None
        if error is not None:
            raise error from exc


class _GatedPlain(_Gated, sqlite3.Connection):
    pass


class _GatedEncrypted(_Gated, encryption.Connection):
    pass


def check_integrity(db: Database, *, name: str) -> None:
    """`PRAGMA quick_check` on `db` (a cache opened with `integrity_check=False`), on the
    calling thread's own connection. Raises CacheCorruptError when it fails (`name`, the
    file's name, is for the message and the log)."""
    try:
        verdict = db.conn.execute("PRAGMA quick_check").fetchone()
    except (sqlite3.DatabaseError, encryption.DatabaseError) as exc:
        # SQLCipher reports a page whose HMAC does not match as an error, not a verdict.
        log.warning("cache %s cannot be read in full: %s", name, exc)
        raise CacheCorruptError(f"the cache {name} fails its integrity check") from exc
    if verdict is None or verdict[0] != "ok":
        log.warning("cache %s fails its integrity check", name)
        raise CacheCorruptError(f"the cache {name} fails its integrity check")


def _inspect(path: Path, *, key: bytes | None = None, integrity_check: bool = True) -> bool:
    """Refuse what cannot be opened; True when the file needs no later check (checked in
    full here, or new)."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        if key is None:
            conn = sqlite3.connect(uri, uri=True)
        else:
            conn = encryption.connect_encrypted(uri, key, uri=True)
        try:
            applied = _applied_migrations(conn)
            # Migrating, or turning on WAL (a file just converted), writes: check the
            # file in full first, deferred check or not.
            journal = str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()
            integrity_check = integrity_check or not applied >= KNOWN or journal != "wal"
            if integrity_check:
                verdict = conn.execute("PRAGMA quick_check").fetchone()
                ok = verdict is not None and verdict[0] == "ok"
            else:
                ok = True
        finally:
            conn.close()
    except (sqlite3.DatabaseError, encryption.DatabaseError) as exc:
        if key is not None:
            log.warning("encrypted cache %s cannot be read: %s", path.name, exc)
            raise CacheKeyError(f"the cache {path.name} cannot be decrypted") from exc
        log.warning("cache %s cannot be read: %s", path.name, exc)
        raise CacheCorruptError(f"the cache {path.name} is not a readable database") from exc
    if not ok:
        log.warning("cache %s fails its integrity check", path.name)
        raise CacheCorruptError(f"the cache {path.name} fails its integrity check")
    unknown = applied - KNOWN
    if unknown:
        log.warning("cache %s has newer migrations: %s", path.name, sorted(unknown))
        raise CacheNewerError(f"the cache {path.name} was written by a newer version")
    return integrity_check


def _applied_migrations(conn: Any) -> set[str]:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        ("_sqlite_migrations",),
    ).fetchone()
    if not has_table:
        return set()
    return {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        )
    }
