"""Applying one pulled page: rows, cursor and outbox trimming in ONE transaction, so a
crash leaves either all of the page or none of it (and the cursor never runs ahead)."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import cache
from operator import itemgetter
from typing import Any

import orjson
from pydantic_core import to_json
from sqlite_utils import Database

from clienteling.protocol.pull_page import AnyChange, PulledTable
from clienteling.store import encryption, outbox
from clienteling.store.erased import forget_deleted_customers
from clienteling.store.search import (
    SearchText,
    defer_merges,
    index_rows,
    place,
    search_fields,
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
    tables: Sequence[PulledTable] = (),
) -> set[str]:
    """Apply a page (its `changes`, then its `tables`); returns the entity kinds it touched.

    `reset` first drops the scope's rows (the hub has a new epoch) but keeps the outbox
    and the rows still waiting to be sent (notes, visits).

    Only the last change of each row in the page counts (an upsert replaces the whole
    row, a delete removes it), so rows are written per entity kind in a few
    `executemany` calls rather than one statement per change.
    """
    kinds = {c.entity for c in changes if c.entity in ENTITY_TABLES}
    kinds |= {t.entity for t in tables if t.entity in ENTITY_TABLES and t.rows}
    with write_transaction(db):
        if reset:
            reset_scope(db, scope)
        if not snapshot_done:
            defer_merges(db)
        latest = write_changes(db, changes, scope=scope)
        tabled = write_tables(db, tables, scope=scope)
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
            pulled=[c.id for c in latest.get("customer", {}).values() if c.op != "delete"] + tabled,
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
            sql = _upsert_sql(spec, _FEED, typed=False)
            values = _row_values(spec)
            db.conn.executemany(sql, [[*values(c), c.version, scope] for c in upserts])
    return latest


def write_tables(db: Database, tables: Sequence[PulledTable], *, scope: str) -> list[str]:
    """Write the rows of a snapshot page's `tables` into `scope` (the caller holds the
    transaction); returns the ids of the customers written.

    The rows go to `executemany` as decoded, with `scope` appended: when the hub's
    columns are the cache's (the same release), nothing is rebuilt per row. JSON columns
    arrive as text and are checked and stored by SQLite (`json()`), booleans become 0/1
    there too (`_upsert_sql`); a hub column this cache does not know is left out, a cache
    column the hub did not send is NULL, as for a change."""
    customers: list[str] = []
    for table in tables:
        spec = ENTITY_TABLES.get(table.entity)
        if spec is None:
            log.debug("skipping unknown entity kind %s", table.entity)
            continue
        if not table.rows:
            continue
        rows = _table_rows(spec, table.columns)(table.rows)
        for row in rows:
            row.append(scope)
        if spec.entity == "customer":
            customers += _apply_table_customers(db, spec, rows)
            continue
        try:
            db.conn.executemany(_upsert_sql(spec, _FEED, typed=True), rows)
        except Exception as exc:
            if _bad_value(exc):
                raise ValueError(f"a {table.entity} row cannot be stored: {exc}") from exc
            raise
    return customers


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


_FEED = ("version", "scope")
"""What every pulled row's values are followed by, in this order."""
_SEARCH = ("sort_name", "search_key", "search_name", "search_other", "search_digits")
"""A customer's search columns, after `_FEED` (see store.search)."""


@cache
def _upsert_sql(spec: EntityTable, extra: tuple[str, ...], *, typed: bool) -> str:
    """INSERT … ON CONFLICT DO UPDATE of `spec.columns` and `extra`, in that order
    (`pending` = 0 added for kinds that have it). `typed`: the values are as a table row
    brings them, so SQLite checks and stores JSON text (`json()`; NULL is "[]", as
    `_row_values` makes it) and turns booleans (or NULL) into 0/1."""
    columns = [*spec.columns, *extra]
    marks = []
    for column in columns:
        if typed and column in spec.json_columns:
            marks.append("coalesce(json(?), '[]')")
        elif typed and column in spec.bool_columns:
            marks.append("(? IS TRUE)")
        else:
            marks.append("?")
    if spec.has_pending:
        columns.append("pending")
        marks.append("0")
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
    return (
        f"INSERT INTO {spec.table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(marks)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


def _bad_value(exc: Exception) -> bool:
    """What SQLite (either driver) raises for a value it cannot bind or JSON text it
    cannot read: the page's fault, unlike a busy or broken database."""
    if isinstance(exc, (ValueError, TypeError, AttributeError)):
        return True
    if isinstance(
        exc,
        (
            sqlite3.InterfaceError,
            sqlite3.ProgrammingError,
            encryption.InterfaceError,
            encryption.ProgrammingError,
        ),
    ):
        return True
    operational = (sqlite3.OperationalError, encryption.OperationalError)
    return isinstance(exc, operational) and "JSON" in str(exc)


@cache
def _table_rows(
    spec: EntityTable, columns: tuple[str, ...]
) -> Callable[[list[list[Any]]], list[list[Any]]]:
    """Turns a table's rows (values of `columns`) into rows of `spec.columns` then
    `version`: the same lists when the hub's columns are exactly those (made once per
    kind and column list)."""
    wanted = (*spec.columns, "version")
    if columns == wanted:
        return _same
    at = {column: i for i, column in enumerate(columns)}
    picks = [at.get(column) for column in wanted]

    def project(rows: list[list[Any]]) -> list[list[Any]]:
        return [[None if i is None else row[i] for i in picks] for row in rows]

    return project


def _same(rows: list[list[Any]]) -> list[list[Any]]:
    return rows


_CustomerRow = tuple[str, list[Any], str, SearchText]
"""(id, the row's values up to `_FEED`, sort name, search text) of a customer to write."""


def _apply_customers(
    db: Database,
    spec: EntityTable,
    deletes: list[str],
    upserts: list[AnyChange],
    *,
    scope: str,
) -> None:
    """Changes of customers, written through `_write_customers`."""
    values = _row_values(spec)
    built: list[_CustomerRow] = []
    for change in upserts:
        name, text = sorted_and_searched(change.data or {})
        built.append((change.id, [*values(change), change.version, scope], name, text))
    _write_customers(db, deletes, built, _upsert_sql(spec, (*_FEED, *_SEARCH), typed=False))


def _apply_table_customers(db: Database, spec: EntityTable, rows: list[list[Any]]) -> list[str]:
    """A table's customer rows (in `spec.columns`, version, scope order), written through
    `_write_customers`; returns their ids. Their search text is found from the row's
    values, its phones and emails decoded from their JSON text."""
    at = {column: i for i, column in enumerate(spec.columns)}
    i_id, i_given, i_family = at["id"], at["given_name"], at["family_name"]
    i_display, i_phones, i_emails, i_card = (
        at["display_name"],
        at["phones"],
        at["emails"],
        at["loyalty_card"],
    )
    loads = orjson.loads
    unique: dict[str, _CustomerRow] = {}
    try:
        for row in rows:
            phones, emails = row[i_phones], row[i_emails]
            name, text = search_fields(
                row[i_given],
                row[i_family],
                row[i_display],
                loads(phones) if phones else (),
                loads(emails) if emails else (),
                row[i_card],
            )
            unique.pop(row[i_id], None)
            unique[row[i_id]] = (row[i_id], row, name, text)
        _write_customers(
            db, [], list(unique.values()), _upsert_sql(spec, (*_FEED, *_SEARCH), typed=True)
        )
    except Exception as exc:
        if _bad_value(exc):
            raise ValueError(f"a customer row cannot be stored: {exc}") from exc
        raise
    return list(unique)


def _write_customers(
    db: Database, deletes: list[str], upserts: list[_CustomerRow], sql: str
) -> None:
    """Customers also keep their search key and index row in step (see store.search).
    New keys are found before the rows are written, so each row is written once."""
    ids = deletes + [c[0] for c in upserts]
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
    for customer_id, _, name, text in upserts:
        before = old.get(customer_id)
        if before is not None and before[0] is not None:
            if before[1] == name:
                kept[customer_id] = before[0]
                if tuple(before[2:]) != text:
                    unindex.append((before[0], before[2], before[3], before[4]))
                    reindex.add(customer_id)
                continue
            unindex.append((before[0], before[2], before[3], before[4]))
            unplaced.append(customer_id)
        reindex.add(customer_id)
        to_place.append((name, customer_id))
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
    for customer_id, values, name, text in upserts:
        key = keys[customer_id]
        rows.append([*values, name, key, *text])
        if customer_id in reindex:
            index.append((key, *text))
    if rows:
        db.conn.executemany(sql, rows)
    if index:
        index_rows(db, index)
