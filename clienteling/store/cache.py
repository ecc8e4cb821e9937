"""Opening the cache file: refuse what we cannot read, migrate what we can.

A cache that is damaged or was written by a newer app is reported and left exactly as it
is (opened read-only for the check): the associate's unsent work may still be in it.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from clienteling.domain.errors import CacheCorruptError, CacheNewerError
from clienteling.store.schema import KNOWN, MIGRATION_SET, migrations

log = logging.getLogger(__name__)

_BUSY_TIMEOUT_MS = 10_000


def open_cache(path: Path) -> Database:
    """Check, open and migrate the cache at `path` (created when absent).

    Raises CacheCorruptError or CacheNewerError without touching the file.
    """
    _inspect(path)
    db = connect_cache(path)
    try:
        with db.ensure_autocommit_on():
            db.conn.execute("PRAGMA journal_mode=WAL")
        migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def connect_cache(path: Path) -> Database:
    """Another connection to a cache `open_cache` has already checked (one per thread).

    `check_same_thread=False` only so the owner can close it from another thread at
    shutdown; each connection is still used by one thread.
    """
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=_BUSY_TIMEOUT_MS / 1000)
    db = Database(conn, execute_plugins=False)
    with db.ensure_autocommit_on():
        conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous=NORMAL")
    return db


def _inspect(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()
            ok = verdict is not None and verdict[0] == "ok"
            applied: set[str] = set()
            if ok:
                has_table = conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                    ("_sqlite_migrations",),
                ).fetchone()
                if has_table:
                    applied = {
                        row[0]
                        for row in conn.execute(
                            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                            (MIGRATION_SET,),
                        )
                    }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        log.warning("cache %s cannot be read: %s", path.name, exc)
        raise CacheCorruptError(f"the cache {path.name} is not a readable database") from exc
    if not ok:
        log.warning("cache %s fails its integrity check", path.name)
        raise CacheCorruptError(f"the cache {path.name} fails its integrity check")
    unknown = applied - KNOWN
    if unknown:
        log.warning("cache %s has newer migrations: %s", path.name, sorted(unknown))
        raise CacheNewerError(f"the cache {path.name} was written by a newer version")
