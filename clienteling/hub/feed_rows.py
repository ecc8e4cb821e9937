"""Rows of the change feed as they go on the wire, built without a model per row.

A snapshot page carries thousands of rows, so building and validating a pydantic model
per row, and decoding each JSON column only to encode it again, cost more than the
query. Here a row becomes a slotted `FeedChange` (the fields of `protocol.models.Change`,
in its order) whose JSON columns hold the text the database stores, wrapped in an
`orjson.Fragment` so orjson copies it into the page as it is.

A terminal that asks for snapshot pages as tables (`PullRequest.layout`) gets a
`FeedTable` per kind instead: the column names once, each row the tuple of its values as
the database gives them (JSON columns as their stored text, a string), which is both
less to send and far less to decode than an object per row.
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
    rows: list[tuple[Any, ...]]


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
