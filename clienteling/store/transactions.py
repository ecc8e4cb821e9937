"""Write transactions that take the write lock first (`BEGIN IMMEDIATE`).

sqlite-utils' `db.atomic()` starts with a plain (deferred) `BEGIN`: a transaction that
reads before it writes then holds a read snapshot, and in WAL mode upgrading it to a write
after another process (a second `clienteling sync`, the app's own sync thread) committed
fails at once with "database is locked", busy timeout or not. Taking the write lock at
`BEGIN` makes such writers wait their turn (up to the busy timeout) instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """Like `db.atomic()`, but the outermost level begins IMMEDIATE (inner levels nest as
    savepoints)."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
