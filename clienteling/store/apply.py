"""Applying one pulled page: rows, cursor and outbox trimming in ONE transaction, so a
crash leaves either all of the page or none of it (and the cursor never runs ahead)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import cache
from operator import itemgetter
from typing import Any

import orjson
from pydantic_core import to_json
from sqlite_utils import Database

from clienteling.protocol.pull_page import AnyChange
from clienteling.store import outbox
from clienteling.store.erased import forget_deleted_customers
from clienteling.store.search import (
    defer_merges,
    index_rows,
    place,
    settle_merges,
    sorted_and_searched,
    unindex_rows,
)
from clienteling.store.state import ScopeState, save_scope_state
from clienteling.store.tables import ENTITY_TABLES, EntityTable
from clienteling.store.transactions import write_transaction

log = logging.getLogger(__name__)


def apply_page(
    db: Database,
    *,
    scope: str,
    changes: Sequence[AnyChange],
    cursor: str,
    last_mutation_id: int,
    snapshot_done: bool,
    reset: bool = False,
) -> set[str]:
    """Apply a page; returns the entity kinds it touched.

    `reset` first drops the scope's rows (the hub has a new epoch) but keeps the outbox
    and the rows still waiting to be sent (notes, visits).

    Only the last change of each row in the page counts (an upsert replaces the whole
    row, a delete removes it), so rows are written per entity kind in a few
    `executemany` calls rather than one statement per change.
    """
    kinds = {c.entity for c in changes if c.entity in ENTITY_TABLES}
    with write_transaction(db):
        if reset:
            reset_scope(db, scope)
        if not snapshot_done:
            defer_merges(db)
        latest = write_changes(db, changes, scope=scope)
        if snapshot_done:
            settle_merges(db)
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
        # Pending profile changes go back on top of what was pulled (imported here:
        # store.profile writes customers through this module).
        from clienteling.store.profile import settle

        settle(
            db,
            pulled=[c.id for c in latest.get("customer", {}).values() if c.op != "delete"],
            merges=[c for c in latest.get("customer_merge", {}).values() if c.op != "delete"],
        )
        forget_deleted_customers(
            db, [c.id for c in latest.get("customer", {}).values() if c.op == "delete"]
        )
    return kinds


def write_changes(
    db: Database, changes: Sequence[AnyChange], *, scope: str
) -> dict[str, dict[str, AnyChange]]:
    """Write the rows of `changes` into `scope` (the caller holds the transaction); returns
    the last change of each row, by entity kind. Also used for a looked-up customer's
    bundle (store.lookups), so both write rows the same way."""
    latest: dict[str, dict[str, AnyChange]] = {}
    for change in changes:
        if change.entity not in ENTITY_TABLES:
            log.debug("skipping unknown entity kind %s", change.entity)
            continue
        if change.op != "delete" and change.data is None:
            continue  # nothing to write (as before: such a change is a no-op)
        rows = latest.setdefault(change.entity, {})
        rows.pop(change.id, None)
        rows[change.id] = change
    for entity, rows in latest.items():
        spec = ENTITY_TABLES[entity]
        deletes = [c.id for c in rows.values() if c.op == "delete"]
        upserts = [c for c in rows.values() if c.op != "delete"]
        if spec.entity == "customer":
            _apply_customers(db, spec, deletes, upserts, scope=scope)
            continue
        if deletes:
            db.conn.executemany(f"DELETE FROM {spec.table} WHERE id = ?", _one(deletes))
        if upserts:
            extra: dict[str, Any] = {"pending": 0} if spec.has_pending else {}
            sql = _upsert_sql(spec, ("scope", "version", *extra))
            values = _row_values(spec)
            tail = list(extra.values())
            db.conn.executemany(sql, [[*values(c), scope, c.version, *tail] for c in upserts])
    return latest


def reset_scope(db: Database, scope: str) -> None:
    """Forget everything pulled for `scope` (rows and cursor); unsent work stays."""
    with write_transaction(db):
        db.conn.execute(
            "INSERT INTO customer_fts "
            "(customer_fts, rowid, search_name, search_other, search_digits) "
            "SELECT 'delete', search_key, search_name, search_other, search_digits "
            "FROM customers WHERE scope = ? AND search_key IS NOT NULL",
            (scope,),
        )
        for spec in ENTITY_TABLES.values():
            if spec.has_pending:
                db.conn.execute(
                    f"DELETE FROM {spec.table} WHERE scope = ? AND pending = 0", (scope,)
                )
            elif spec.table == "followups":  # version 0: queued here, still in the outbox
                db.conn.execute("DELETE FROM followups WHERE scope = ? AND version > 0", (scope,))
            else:
                db.conn.execute(f"DELETE FROM {spec.table} WHERE scope = ?", (scope,))
        db.conn.execute("DELETE FROM sync_state WHERE scope = ?", (scope,))


def upsert_customers(db: Database, changes: Sequence[AnyChange], *, scope: str) -> None:
    """Write customers exactly as a pulled page does, search index included (the caller
    holds the transaction). Used for customers created on this terminal."""
    _apply_customers(db, ENTITY_TABLES["customer"], [], list(changes), scope=scope)


def remove_customers(db: Database, customer_ids: Sequence[str]) -> None:
    """Delete customers and their index rows (the caller holds the transaction)."""
    _apply_customers(db, ENTITY_TABLES["customer"], list(customer_ids), [], scope="")


def _dumps(value: Any) -> str:
    """JSON text of a pulled value (UTF-8 as is, like json.dumps(…, ensure_ascii=False),
    compact). orjson is the fastest here; pydantic-core's encoder takes what it refuses
    (integers beyond 64 bits)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError
        return to_json(value).decode()


def _one(ids: Sequence[str]) -> list[tuple[str]]:
    return [(i,) for i in ids]


@cache
def _row_values(spec: EntityTable) -> Callable[[AnyChange], list[Any]]:
    """A function giving a change's column values in `spec.columns` order: made once per
    entity kind (it runs once per pulled row, so the layout is worked out here)."""
    columns = spec.columns
    if len(columns) < 2:
        raise ValueError("itemgetter of one column gives no tuple")
    getter = itemgetter(*columns)
    at_id = columns.index("id")
    json_at = tuple(i for i, c in enumerate(columns) if c in spec.json_columns)
    bool_at = tuple(i for i, c in enumerate(columns) if c in spec.bool_columns)
    dumps = orjson.dumps

    def values_of(change: AnyChange) -> list[Any]:
        data = change.data or {}
        try:
            values = list(getter(data))
        except KeyError:  # a field this hub does not send (an older hub): NULL
            get = data.get
            values = [get(column) for column in columns]
        values[at_id] = change.id
        for i in json_at:  # `_dumps`, inlined: it runs for every JSON column of every row
            value = values[i]
            if value is None:
                values[i] = "[]"
                continue
            try:
                values[i] = dumps(value).decode()
            except TypeError:  # orjson.JSONEncodeError
                values[i] = to_json(value).decode()
        for i in bool_at:
            values[i] = int(bool(values[i]))
        return values

    return values_of


@cache
def _upsert_sql(spec: EntityTable, extra: tuple[str, ...]) -> str:
    columns = [*spec.columns, *extra]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    return (
        f"INSERT INTO {spec.table} ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


_CUSTOMER_EXTRA = (
    "scope",
    "version",
    "sort_name",
    "search_key",
    "search_name",
    "search_other",
    "search_digits",
)


def _apply_customers(
    db: Database,
    spec: EntityTable,
    deletes: list[str],
    upserts: list[AnyChange],
    *,
    scope: str,
) -> None:
    """Customers also keep their search key and index row in step (see store.search).
    New keys are found before the rows are written, so each row is written once."""
    ids = deletes + [c.id for c in upserts]
    old: dict[str, tuple[Any, ...]] = {
        row[0]: tuple(row[1:])
        for row in db.conn.execute(
            "SELECT id, search_key, sort_name, search_name, search_other, search_digits "
            "FROM customers WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    unindex: list[tuple[int, str, str, str]] = []
    for customer_id in deletes:
        before = old.get(customer_id)
        if before is not None and before[0] is not None:
            unindex.append((before[0], before[2], before[3], before[4]))
    kept: dict[str, int] = {}  # same name as before: keeps its key
    reindex: set[str] = set()  # index rows taken out here, to go in again
    unplaced: list[str] = []  # placed before under another name
    to_place: list[tuple[str, str]] = []
    built = []
    for change in upserts:
        data = change.data or {}
        name, text = sorted_and_searched(data)
        before = old.get(change.id)
        if before is not None and before[0] is not None:
            if before[1] == name:
                kept[change.id] = before[0]
                if tuple(before[2:]) != text:
                    unindex.append((before[0], before[2], before[3], before[4]))
                    reindex.add(change.id)
                built.append((change, name, text))
                continue
            unindex.append((before[0], before[2], before[3], before[4]))
            unplaced.append(change.id)
        reindex.add(change.id)
        to_place.append((name, change.id))
        built.append((change, name, text))
    if unindex:
        unindex_rows(db, unindex)
    if deletes:
        db.conn.executemany("DELETE FROM customers WHERE id = ?", _one(deletes))
    if unplaced:
        db.conn.executemany("UPDATE customers SET search_key = NULL WHERE id = ?", _one(unplaced))
    keys: dict[str, int] = {}
    if to_place:
        keys, moved = place(db, to_place, unindexed=reindex)
        kept.update((cid, moved[cid]) for cid in kept.keys() & moved.keys())
    keys.update(kept)
    rows = []
    index: list[tuple[int, str, str, str]] = []
    values = _row_values(spec)
    for change, name, text in built:
        key = keys[change.id]
        rows.append([*values(change), scope, change.version, name, key, *text])
        if change.id in reindex:
            index.append((key, *text))
    if rows:
        db.conn.executemany(_upsert_sql(spec, _CUSTOMER_EXTRA), rows)
    if index:
        index_rows(db, index)
