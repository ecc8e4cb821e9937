"""The outbox: local changes waiting for the hub, as intents with gapless ids per device.

Ids are 1, 2, 3, ... with no gaps (the hub refuses a gap), so the next id continues after
both the rows still here and the last id the hub acknowledged (kept in meta, because
acknowledged rows are trimmed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from clienteling.store.meta import get_meta, set_meta
from clienteling.store.transactions import write_transaction

LAST_ACK_KEY = "last_mutation_id"
AUTHOR_KEY = "outbox_author"
"""Meta key: the associate who authors new mutations (the active session; store.pins)."""


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    mutation_id: int
    name: str
    args: dict[str, Any]
    created_at: str
    author_id: str | None = None  # the associate whose token pushes it (None: the active one)


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    pending: int
    rejected: int


def last_acknowledged(db: Database) -> int:
    return int(get_meta(db, LAST_ACK_KEY) or 0)


def enqueue(db: Database, name: str, args: dict[str, Any]) -> int:
    """Add a mutation; call inside the transaction that writes the local change.

    Its author is the associate active on the terminal now (`store.pins.set_author`), read
    in the same transaction, so a quick switch later does not change whose it is."""
    if not db.conn.in_transaction:
        raise RuntimeError("enqueue() must run inside the caller's transaction")
    row = db.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()
    next_id = max(last_acknowledged(db), int(row[0] or 0)) + 1
    db.conn.execute(
        "INSERT INTO outbox (mutation_id, name, args, created_at, status, author_id) "
        "VALUES (?, ?, ?, ?, 'pending', (SELECT value FROM meta WHERE key = ?))",
        (
            next_id,
            name,
            json.dumps(args, ensure_ascii=False),
            datetime.now(UTC).isoformat(),
            AUTHOR_KEY,
        ),
    )
    return next_id


def pending(db: Database, limit: int = 100) -> list[OutboxEntry]:
    """The oldest mutations not yet acknowledged, in id order."""
    rows = db.conn.execute(
        "SELECT mutation_id, name, args, created_at, author_id FROM outbox "
        "WHERE status = 'pending' ORDER BY mutation_id LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        OutboxEntry(
            mutation_id=r[0], name=r[1], args=json.loads(r[2]), created_at=r[3], author_id=r[4]
        )
        for r in rows
    ]


def mark_rejected(db: Database, mutation_id: int, reason: str) -> None:
    """Keep a refused mutation (and why) for the associate to see; it no longer blocks."""
    db.execute(
        "UPDATE outbox SET status = 'rejected', reason = ? WHERE mutation_id = ?",
        (reason, mutation_id),
    )


def acknowledge(db: Database, last_mutation_id: int) -> None:
    """The hub has everything up to `last_mutation_id`: trim those pending rows."""
    # Imported here: store.profile queues its mutations through this module.
    from clienteling.store.profile import fold_acknowledged

    with write_transaction(db):
        fold_acknowledged(db, last_mutation_id)
        _clear_acknowledged_rows(db, last_mutation_id)
        if last_mutation_id > last_acknowledged(db):
            set_meta(db, LAST_ACK_KEY, str(last_mutation_id))
        db.execute(
            "DELETE FROM outbox WHERE status = 'pending' AND mutation_id <= ?",
            (last_mutation_id,),
        )


# Rows written here as `pending` whose mutation, once acknowledged, means the hub has them.
# Holds and appointments stay pending after the acknowledgement: the hub's decision on
# them (confirmed, refused, booked) arrives with the pull.
_ADDED_BY = (("visits", "visit.log"), ("notes", "note.add"))


def _clear_acknowledged_rows(db: Database, last_mutation_id: int) -> None:
    """A visit or note the hub has acknowledged is no longer pending, even before the pull
    brings its copy back, so the profile agrees with the status bar's pending count.
    Refused ones (status 'rejected') keep their mark: they show with the hub's reason."""
    for table, name in _ADDED_BY:
        db.execute(
            f"UPDATE {table} SET pending = 0 WHERE pending = 1 AND id IN ("
            "SELECT json_extract(args, '$.id') FROM outbox "
            "WHERE status = 'pending' AND name = ? AND mutation_id <= ?)",
            (name, last_mutation_id),
        )


def realign(db: Database, hub_last: int) -> None:
    """The hub reports a gap: it has only up to `hub_last` (e.g. restored from a backup).

    Rows the hub has are trimmed; every row after `hub_last` (refused ones too: the hub
    no longer knows them) is queued again and renumbered from `hub_last + 1`, in order.
    """
    with write_transaction(db):
        set_meta(db, LAST_ACK_KEY, str(hub_last))
        db.execute("DELETE FROM outbox WHERE status = 'pending' AND mutation_id <= ?", (hub_last,))
        later = [
            r[0]
            for r in db.conn.execute(
                "SELECT mutation_id FROM outbox WHERE mutation_id > ? ORDER BY mutation_id",
                (hub_last,),
            )
        ]
        # New ids are never above old ones and rows move in ascending order: no clashes.
        for new_id, old_id in enumerate(later, start=hub_last + 1):
            db.conn.execute(
                "UPDATE outbox SET mutation_id = ?, status = 'pending', reason = NULL "
                "WHERE mutation_id = ?",
                (new_id, old_id),
            )


def counts(db: Database) -> OutboxCounts:
    row = db.conn.execute(
        "SELECT count(*) FILTER (WHERE status = 'pending'), "
        "count(*) FILTER (WHERE status = 'rejected') FROM outbox"
    ).fetchone()
    return OutboxCounts(pending=int(row[0]), rejected=int(row[1]))


def rejected(db: Database) -> list[tuple[int, str]]:
    """Refused mutations and the hub's reasons, oldest first."""
    return [
        (int(r[0]), str(r[1] or ""))
        for r in db.conn.execute(
            "SELECT mutation_id, reason FROM outbox WHERE status = 'rejected' ORDER BY mutation_id"
        )
    ]
