"""Applying one pulled page: rows, cursor and outbox trimming in ONE transaction, so a
crash leaves either all of the page or none of it (and the cursor never runs ahead)."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from clienteling.protocol.models import Change
from clienteling.store import outbox
from clienteling.store.search import index_customer, sort_name, unindex_customer
from clienteling.store.state import ScopeState, save_scope_state
from clienteling.store.tables import ENTITY_TABLES, EntityTable

log = logging.getLogger(__name__)


def apply_page(
    db: Database,
    *,
    scope: str,
    changes: Sequence[Change],
    cursor: str,
    last_mutation_id: int,
    snapshot_done: bool,
    reset: bool = False,
) -> set[str]:
    """Apply a page; returns the entity kinds it touched.

    `reset` first drops the scope's rows (the hub has a new epoch) but keeps the outbox
    and the notes still waiting to be sent.
    """
    kinds: set[str] = set()
    with db.atomic():
        if reset:
            reset_scope(db, scope)
        for change in changes:
            spec = ENTITY_TABLES.get(change.entity)
            if spec is None:
                log.debug("skipping unknown entity kind %s", change.entity)
                continue
            if change.op == "delete":
                _delete(db, spec, change.id)
            elif change.data is not None:
                _upsert(db, spec, change, scope=scope)
            kinds.add(change.entity)
        save_scope_state(
            db,
            ScopeState(
                scope=scope,
                cursor=cursor,
                snapshot_done=snapshot_done,
                last_sync_at=datetime.now(UTC).isoformat(),
            ),
        )
        outbox.acknowledge(db, last_mutation_id)
    return kinds


def reset_scope(db: Database, scope: str) -> None:
    """Forget everything pulled for `scope` (rows and cursor); unsent work stays."""
    with db.atomic():
        for row in db.conn.execute("SELECT rowid FROM customers WHERE scope = ?", (scope,)):
            unindex_customer(db, rowid=int(row[0]))
        for spec in ENTITY_TABLES.values():
            if spec.table == "notes":
                db.conn.execute("DELETE FROM notes WHERE scope = ? AND pending = 0", (scope,))
            else:
                db.conn.execute(f"DELETE FROM {spec.table} WHERE scope = ?", (scope,))
        db.conn.execute("DELETE FROM sync_state WHERE scope = ?", (scope,))


def _values(spec: EntityTable, data: dict[str, Any]) -> list[Any]:
    values = []
    for column in spec.columns:
        value = data.get(column)
        if column in spec.json_columns:
            value = json.dumps(value if value is not None else [], ensure_ascii=False)
        elif column in spec.bool_columns:
            value = int(bool(value))
        values.append(value)
    return values


def _upsert(db: Database, spec: EntityTable, change: Change, *, scope: str) -> None:
    data = dict(change.data or {})
    data["id"] = change.id
    columns = list(spec.columns)
    values = _values(spec, data)
    extra: dict[str, Any] = {"scope": scope, "version": change.version}
    if spec.entity == "customer":
        extra["sort_name"] = sort_name(str(data.get("display_name", "")))
    if spec.entity == "note":
        extra["pending"] = 0  # the hub has it: no longer waiting
    columns += list(extra)
    values += list(extra.values())
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    sql = (
        f"INSERT INTO {spec.table} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates} RETURNING rowid"
    )
    rowid = int(db.conn.execute(sql, values).fetchone()[0])
    if spec.entity == "customer":
        index_customer(db, rowid=rowid, customer=data)


def _delete(db: Database, spec: EntityTable, entity_id: str) -> None:
    if spec.entity == "customer":
        row = db.conn.execute("SELECT rowid FROM customers WHERE id = ?", (entity_id,)).fetchone()
        if row is not None:
            unindex_customer(db, rowid=int(row[0]))
    db.conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (entity_id,))
