"""Customers pulled in from the hub (found there, not in this terminal's scopes).

A pulled-in customer's rows are written as a pulled page writes them (`apply.write_changes`)
in the customer's own scope, in one transaction with the `lookups` row that marks them.
This terminal's pulls never carry that scope, so such a customer stays current another
way: the profile is refreshed from the hub each time it is opened online (`save_bundle`
again, which also drops the rows the hub no longer has). Changes made here go through the
outbox as for any customer; the hub accepts them while the store's lookup is valid.
Looked-up customers not opened for `KEEP_DAYS` are forgotten (data minimisation), except
while something written about them still waits in the outbox.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from clienteling.protocol.lookups import CustomerBundle
from clienteling.store.apply import remove_customers, write_changes
from clienteling.store.erased import forget_deleted_customers
from clienteling.store.tables import ENTITY_TABLES
from clienteling.store.transactions import write_transaction

KEEP_DAYS = 30
# Rows of a looked-up customer that the bundle carries (tasks are their home store's).
_BUNDLE_TABLES = [
    spec
    for spec in ENTITY_TABLES.values()
    if "customer_id" in spec.columns and spec.entity not in ("task", "customer_merge")
]


@dataclass(frozen=True, slots=True)
class Lookup:
    customer_id: str
    home_store_id: str
    refreshed_at: datetime
    expires_at: datetime | None


def _now() -> str:
    return datetime.now(UTC).isoformat()


def save_bundle(db: Database, bundle: CustomerBundle, *, lookup: bool) -> None:
    """Write the customer's rows (one transaction). `lookup`: another store's customer,
    marked as looked up, and rows the hub no longer has are dropped (except what was
    written here and still waits to be sent)."""
    from clienteling.store.profile import settle  # profile writes customers through apply

    customer_id = bundle.customer_id
    with write_transaction(db):
        if lookup:
            for spec in _BUNDLE_TABLES:
                keep = json.dumps([c.id for c in bundle.changes if c.entity == spec.entity])
                local = ""
                if spec.has_pending:
                    local = " AND pending = 0"
                elif spec.table == "followups":
                    local = " AND version > 0"  # queued here, still in the outbox
                db.conn.execute(
                    f"DELETE FROM {spec.table} WHERE customer_id = ? "
                    f"AND id NOT IN (SELECT value FROM json_each(?)){local}",
                    (customer_id, keep),
                )
        latest = write_changes(db, bundle.changes, scope=bundle.scope)
        settle(db, pulled=[customer_id], merges=list(latest.get("customer_merge", {}).values()))
        if lookup:
            now = _now()
            db.conn.execute(
                "INSERT INTO lookups (customer_id, home_store_id, scope, looked_up_at, "
                "refreshed_at, opened_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(customer_id) DO UPDATE SET home_store_id = excluded.home_store_id, "
                "scope = excluded.scope, refreshed_at = excluded.refreshed_at, "
                "opened_at = excluded.opened_at, expires_at = excluded.expires_at",
                (
                    customer_id,
                    bundle.home_store_id,
                    bundle.scope,
                    now,
                    now,
                    now,
                    bundle.lookup_expires_at,
                ),
            )
            merged = [c.id for c in latest.get("customer_merge", {}).values()]
            if merged:
                db.conn.execute(
                    "DELETE FROM lookups WHERE customer_id IN (SELECT value FROM json_each(?))",
                    (json.dumps(merged),),
                )


def lookup_of(db: Database, customer_id: str) -> Lookup | None:
    """The lookup of a pulled-in customer of another store; None for other customers."""
    row = db.conn.execute(
        "SELECT customer_id, home_store_id, refreshed_at, expires_at FROM lookups "
        "WHERE customer_id = ?",
        (customer_id,),
    ).fetchone()
    if row is None:
        return None
    return Lookup(
        customer_id=row[0],
        home_store_id=row[1],
        refreshed_at=datetime.fromisoformat(row[2]),
        expires_at=datetime.fromisoformat(row[3]) if row[3] else None,
    )


def forget(db: Database, customer_ids: list[str]) -> None:
    """Drop looked-up customers and their rows (the hub no longer lets this store see
    them, or nobody opened them for `KEEP_DAYS`); what still waits to be sent stays."""
    if not customer_ids:
        return
    with write_transaction(db):
        forget_deleted_customers(db, customer_ids)
        waiting = (
            "SELECT json_extract(args, '$.id') FROM outbox WHERE status = 'pending' "
            "AND json_extract(args, '$.id') IS NOT NULL"
        )
        for spec in _BUNDLE_TABLES:
            db.conn.execute(
                f"DELETE FROM {spec.table} WHERE customer_id IN "
                f"(SELECT value FROM json_each(?)) AND id NOT IN ({waiting})",
                (json.dumps(customer_ids),),
            )
        remove_customers(db, customer_ids)
        db.conn.execute(
            "DELETE FROM lookups WHERE customer_id IN (SELECT value FROM json_each(?))",
            (json.dumps(customer_ids),),
        )


def forget_unused(db: Database, *, now: datetime | None = None) -> list[str]:
    """Forget looked-up customers not opened for `KEEP_DAYS` and with nothing waiting in
    the outbox; returns their ids."""
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=KEEP_DAYS)).isoformat()
    stale = [
        str(r[0])
        for r in db.conn.execute(
            "SELECT customer_id FROM lookups WHERE opened_at < ? AND customer_id NOT IN "
            "(SELECT json_extract(args, '$.customer_id') FROM outbox WHERE status = 'pending' "
            "AND json_extract(args, '$.customer_id') IS NOT NULL)",
            (cutoff,),
        )
    ]
    forget(db, stale)
    return stale


def cached_ids(db: Database, customer_ids: list[str]) -> set[str]:
    """Which of `customer_ids` this terminal holds (as customers or merged ids)."""
    ids = json.dumps(customer_ids)
    return {
        str(r[0])
        for r in db.conn.execute(
            "SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?)) "
            "UNION SELECT id FROM customer_merges WHERE id IN (SELECT value FROM json_each(?))",
            (ids, ids),
        )
    }
