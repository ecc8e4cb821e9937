"""What is left of a customer here after the hub deleted them (an erasure, `hub.erasure`).

The hub's tombstones remove every row it sent. Left are what only this terminal holds:
rows it wrote whose mutation the hub refused, their refused outbox entries (their
arguments carry the person's data), the note and visit drafts, the profile shadow. A
change still waiting to be sent stays: the hub decides about it (and refuses it).
A customer deleted by a merge is not forgotten here: its survivor's rows come anew.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from clienteling.store import note_drafts
from clienteling.store import visits as store_visits

_TABLES = (
    "consents",
    "orders",
    "carts",
    "recent_views",
    "notes",
    "visits",
    "followups",
    "appointments",
)


def forget_deleted_customers(db: Database, customer_ids: list[str]) -> None:
    """Drop the local leftovers of customers the hub deleted (in the caller's transaction)."""
    if not customer_ids:
        return
    merged = {
        str(r[0])
        for r in db.conn.execute(
            "SELECT id FROM customer_merges WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(customer_ids),),
        )
    }
    gone = [c for c in customer_ids if c not in merged]
    if not gone:
        return
    ids = json.dumps(gone)
    waiting = (
        "SELECT json_extract(args, '$.id') FROM outbox WHERE status = 'pending' "
        "AND json_extract(args, '$.id') IS NOT NULL"
    )
    for table in _TABLES:
        db.conn.execute(
            f"DELETE FROM {table} WHERE customer_id IN (SELECT value FROM json_each(?)) "
            f"AND id NOT IN ({waiting})",
            (ids,),
        )
    db.conn.execute(
        "DELETE FROM outbox WHERE status = 'rejected' AND (json_extract(args, '$.customer_id') "
        "IN (SELECT value FROM json_each(?)) OR json_extract(args, '$.id') IN "
        "(SELECT value FROM json_each(?)))",
        (ids, ids),
    )
    db.conn.execute(
        "DELETE FROM customer_shadow WHERE customer_id IN (SELECT value FROM json_each(?))",
        (ids,),
    )
    for customer_id in gone:
        note_drafts.save_note_draft(db, customer_id, "")
        store_visits.discard_draft(db, customer_id)
