"""A cache whose last pages are scribbled over: its schema, migrations and meta rows (near
the start of the file) still read, so it opens without the full check, and only the
integrity check finds the damage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clienteling.store.encryption import connect_encrypted

PAGE = 4096  # SQLite's default page size and SQLCipher 4's


def damage_tail(path: Path, *, key: bytes | None = None, pages: int = 3) -> None:
    """Append a filler table to the (closed) cache at `path`, fold the WAL in, then
    overwrite the middle of its last `pages` pages, and leave the file in WAL mode as the
    app keeps it (switching writes only the header page)."""
    conn = sqlite3.connect(path) if key is None else connect_encrypted(str(path), key)
    try:
        conn.execute("CREATE TABLE zz_filler (x TEXT)")
        conn.executemany("INSERT INTO zz_filler VALUES (?)", [("x" * 500,)] * 200)
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    raw = bytearray(path.read_bytes())
    assert len(raw) > PAGE * (pages + 8), "too small a cache to damage only its tail"
    for n in range(1, pages + 1):
        start = len(raw) - n * PAGE + 512
        raw[start : start + 2048] = b"\xa5" * 2048
    path.write_bytes(bytes(raw))
    conn = sqlite3.connect(path) if key is None else connect_encrypted(str(path), key)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
