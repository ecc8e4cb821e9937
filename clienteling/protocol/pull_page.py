"""Decoding a pull answer on the terminal: a first sync reads hundreds of pages of
thousands of rows, and building a pydantic `Change` per row cost more than the rest of
the decoding (about 10 us of 16 us a row). Here orjson decodes the page, the envelope
(cursor, flags, counts) goes through `PullResponse` itself, and each change is checked by
hand against the same rules as `Change` and kept as a plain tuple. A snapshot page in
the "tables" layout (`PullRequest.layout`) is cheaper still: its rows stay the lists orjson
made, checked for shape only (`PulledTable`), and go to the cache as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import orjson

from clienteling.protocol.models import Change, PullResponse, ResetReason


class PulledChange(NamedTuple):
    """One row of a pulled page: what `Change` holds, without a model per row."""

    entity: str
    op: Literal["upsert", "delete"]
    id: str
    version: int
    data: dict[str, Any] | None = None


AnyChange = Change | PulledChange
"""What the cache applies: pulled rows, or `Change`s built on the terminal."""


@dataclass(frozen=True, slots=True)
class PulledTable:
    """Upserts of one kind (`protocol.models.RowTable`): each row lists the values of
    `columns` ("id" among them, "version" last); JSON columns hold JSON text or None.
    Checked here for shape only: a value SQLite cannot store (a nested one) or JSON text
    it cannot read makes the cache refuse the whole page (`store.apply.write_tables`)."""

    entity: str
    columns: tuple[str, ...]
    json_columns: frozenset[str]
    rows: list[list[Any]]


@dataclass(frozen=True, slots=True)
class PulledPage:
    """A `PullResponse` whose changes are `PulledChange`s (same fields, same meaning) and
    whose tables are `PulledTable`s."""

    changes: list[PulledChange]
    cursor: str
    has_more: bool
    snapshot: bool
    last_mutation_id: int
    snapshot_total: int | None = None
    snapshot_done: int | None = None
    reset: bool = False
    reset_reason: ResetReason | None = None
    purged_before: int | None = None
    tables: tuple[PulledTable, ...] = ()

    @property
    def rows(self) -> int:
        """How many rows the page carries, changes and table rows."""
        return len(self.changes) + sum(len(table.rows) for table in self.tables)


_OPS = frozenset({"upsert", "delete"})


def decode_pull_page(content: bytes) -> PulledPage:
    """The page in `content`; ValueError when it is not a valid pull answer (bad JSON, a
    missing or mistyped field, an unknown op), as `PullResponse` would refuse it."""
    body = orjson.loads(content)
    if type(body) is not dict:
        raise ValueError("a pull answer is a JSON object")
    rows = body.get("changes")
    if type(rows) is not list:
        raise ValueError("a pull answer has a list of changes")
    tables = body.get("tables", [])
    if type(tables) is not list:
        raise ValueError("a pull answer's tables are a list")
    envelope = PullResponse.model_validate({**body, "changes": [], "tables": []})
    return PulledPage(
        changes=[_change(row) for row in rows],
        tables=tuple(_table(table) for table in tables),
        cursor=envelope.cursor,
        has_more=envelope.has_more,
        snapshot=envelope.snapshot,
        last_mutation_id=envelope.last_mutation_id,
        snapshot_total=envelope.snapshot_total,
        snapshot_done=envelope.snapshot_done,
        reset=envelope.reset,
        reset_reason=envelope.reset_reason,
        purged_before=envelope.purged_before,
    )


def _change(row: Any) -> PulledChange:
    try:
        entity, op, row_id, version = row["entity"], row["op"], row["id"], row["version"]
    except (KeyError, TypeError) as exc:
        raise ValueError(f"a change lacks a field: {exc}") from None
    data = row.get("data")
    if (
        type(entity) is not str
        or type(row_id) is not str
        or type(version) is not int
        or op not in _OPS
        or (data is not None and type(data) is not dict)
    ):
        raise ValueError("a change has a field of the wrong type")
    return PulledChange(entity, op, row_id, version, data)


def _table(table: Any) -> PulledTable:
    if type(table) is not dict:
        raise ValueError("a table of a pull answer is a JSON object")
    entity, columns = table.get("entity"), table.get("columns")
    json_columns, rows = table.get("json_columns", []), table.get("rows")
    if (
        type(entity) is not str
        or type(columns) is not list
        or type(json_columns) is not list
        or type(rows) is not list
        or not all(type(c) is str for c in columns)
        or not all(type(c) is str for c in json_columns)
    ):
        raise ValueError("a table of a pull answer has a field of the wrong type")
    if len(set(columns)) != len(columns) or not columns or columns[-1] != "version":
        raise ValueError('a table lists its columns once each, "version" last')
    if "id" not in columns or not set(json_columns) <= set(columns):
        raise ValueError('a table has an "id" column and lists only its own JSON columns')
    width, at_id = len(columns), columns.index("id")
    for row in rows:
        if type(row) is not list or len(row) != width:
            raise ValueError("a row of a table does not match its columns")
        if type(row[at_id]) is not str or type(row[-1]) is not int:
            raise ValueError("a row of a table has an id or version of the wrong type")
    for name in json_columns:
        at = columns.index(name)
        if not all(row[at] is None or type(row[at]) is str for row in rows):
            raise ValueError(f"a table's JSON column {name} holds something else than text")
    return PulledTable(entity, tuple(columns), frozenset(json_columns), rows)
