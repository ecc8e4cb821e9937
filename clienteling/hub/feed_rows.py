"""Rows of the change feed as they go on the wire, built without a model per row.

A snapshot page carries thousands of rows, so building and validating a pydantic model
per row, and decoding each JSON column only to encode it again, cost more than the
query. Here a row becomes a slotted `FeedChange` (the fields of `protocol.models.Change`,
in its order) whose JSON columns hold the text the database stores, wrapped in an
`orjson.Fragment` so orjson copies it into the page as it is.

A terminal that asks for snapshot pages as tables (`PullRequest.layout`) gets a
`FeedTable` per kind instead: the column names once, each row the tuple of its values as
the database gives them (JSON columns as their stored text, a string), which is both
less to send and far less to decode than an object per row. Where the database can
write a row's JSON array itself (`json_array` on SQLite, `json_build_array` on
PostgreSQL; every kind without a float column, whose text form could differ from
Python's), the query returns the id and that text, and the page copies it as it is: two
values per row reach Python instead of one per column, and nothing is encoded again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import orjson
import sqlalchemy as sa

from clienteling.hub.entities import EntityKind


@dataclass(slots=True)
class FeedChange:
    """One change as sent. In `data`, JSON columns are `orjson.Fragment`s of stored JSON."""

    entity: str
    op: Literal["upsert", "delete"]
    id: str
    version: int
    data: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class _Layout:
    columns: tuple[sa.ColumnElement[Any], ...]  # the data columns, then `version`
    names: tuple[str, ...]  # the data columns' names (`zip` stops before `version`)
    json_names: tuple[str, ...]


@cache
def _layout(kind: EntityKind) -> _Layout:
    """The kind's wire columns (`EntityKind.data_columns`: never a hub-only one such as a
    survey answer's token), JSON ones as their stored text."""
    table = kind.table
    columns: list[sa.ColumnElement[Any]] = []
    json_names: list[str] = []
    for column in kind.data_columns:
        if isinstance(column.type, sa.JSON):
            # The stored text, not the decoded value (psycopg would decode json itself).
            columns.append(sa.cast(column, sa.Text).label(column.name))
            json_names.append(str(column.name))
        else:
            columns.append(column)
    # Plain `str`: orjson refuses SQLAlchemy's `quoted_name` (a subclass) as a key.
    names = tuple(str(c.name) for c in columns)
    return _Layout((*columns, table.c.version), names, tuple(json_names))


def select_rows(kind: EntityKind) -> sa.Select[Any]:
    """`SELECT` of what `changes` needs from the kind's table; add WHERE/ORDER/LIMIT."""
    return sa.select(*_layout(kind).columns)


@dataclass(slots=True)
class FeedTable:
    """A snapshot page's rows of one kind, as `protocol.models.RowTable` (field order)."""

    entity: str
    columns: tuple[str, ...]
    json_columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] | list[orjson.Fragment]


def _wire_value(column: sa.ColumnElement[Any], dialect: str) -> sa.ColumnElement[Any]:
    """`column` as the row's JSON array holds it: JSON columns as their stored text (a
    string), booleans as true/false on both databases (SQLite stores 0/1)."""
    if isinstance(column.type, sa.JSON):
        return sa.cast(column, sa.Text)
    if isinstance(column.type, sa.Boolean) and dialect == "sqlite":
        word = sa.case((column.is_(None), "null"), (column, "true"), else_="false")
        return sa.func.json(word)
    return column


@cache
def table_rows_in_sql(kind: EntityKind, dialect: str) -> sa.Select[Any] | None:
    """`SELECT id, <the row as a JSON array of the FeedTable columns>` for `kind`, or None
    where rows must be built in Python (a float column, or a database other than SQLite
    and PostgreSQL); add WHERE/ORDER/LIMIT."""
    columns = (*kind.data_columns, kind.table.c.version)
    if any(isinstance(c.type, sa.Float) for c in columns):
        return None
    values = [_wire_value(c, dialect) for c in columns]
    if dialect == "sqlite":
        row: sa.ColumnElement[Any] = sa.func.json_array(*values)
    elif dialect == "postgresql" and len(values) <= 100:  # json_build_array's limit
        row = sa.cast(sa.func.json_build_array(*values), sa.Text)
    else:
        return None
    return sa.select(kind.table.c.id, row.label("row"))


def table_of_json_rows(kind: EntityKind, rows: Sequence[Sequence[Any]]) -> FeedTable:
    """Rows of `table_rows_in_sql(kind, …)` (id, JSON array text) as one `FeedTable`."""
    layout = _layout(kind)
    fragment = orjson.Fragment
    return FeedTable(
        entity=kind.name,
        columns=(*layout.names, "version"),
        json_columns=layout.json_names,
        rows=[fragment(row[1]) for row in rows],
    )


def table(kind: EntityKind, rows: Sequence[Sequence[Any]]) -> FeedTable:
    """Rows of `select_rows(kind)` as one `FeedTable` (`version` is the last column)."""
    layout = _layout(kind)
    return FeedTable(
        entity=kind.name,
        columns=(*layout.names, "version"),
        json_columns=layout.json_names,
        rows=[tuple(row) for row in rows],
    )


def last_id(kind: EntityKind, rows: Sequence[Sequence[Any]]) -> str:
    """The id of the last of `rows` (of `select_rows(kind)`)."""
    return str(rows[-1][_layout(kind).names.index("id")])


def changes(kind: EntityKind, rows: Iterable[Sequence[Any]]) -> list[FeedChange]:
    """Upserts for rows of `select_rows(kind)`."""
    layout = _layout(kind)
    names, json_names, name = layout.names, layout.json_names, kind.name
    fragment = orjson.Fragment
    out = []
    for row in rows:
        data = dict(zip(names, row, strict=False))
        for key in json_names:
            value = data[key]
            if value is not None:
                data[key] = fragment(value)
        out.append(FeedChange(name, "upsert", data["id"], row[-1], data))
    return out
