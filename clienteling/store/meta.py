"""Small key/value facts about this terminal (device id, session, sync bookkeeping)."""

from __future__ import annotations

from sqlite_utils import Database


def get_meta(db: Database, key: str) -> str | None:
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: Database, key: str, value: str) -> None:
    """Write one value; joins the caller's transaction when one is open."""
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete_meta(db: Database, key: str) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", (key,))
