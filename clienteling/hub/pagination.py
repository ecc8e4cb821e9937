"""Keyset pagination for every list that can grow: `limit` plus an opaque `next` token.

The token holds the sort key of the last item sent (base64url JSON, tagged with the list it
belongs to), so the next page is `WHERE (key...) > (last...)` on an index: no OFFSET, no
rows skipped or repeated when rows are added between pages. Scope checks never rely on it:
a token only says where to continue, never what may be read.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

import sqlalchemy as sa
from fastapi import Query
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection, Row

from clienteling.hub.errors import ApiError

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_MAX_TOKEN = 2000

Item = TypeVar("Item")


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    next: str | None = Field(
        default=None, description="Pass as `next` for the following page; null on the last."
    )


LimitQuery = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")
]
NextQuery = Annotated[
    str | None,
    Query(max_length=_MAX_TOKEN, description="The `next` token of the previous page."),
]


def encode(kind: str, key: Sequence[Any]) -> str:
    raw = json.dumps({"k": kind, "v": list(key)}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(kind: str, token: str | None, *, width: int) -> list[Any] | None:
    """The sort key stored in `token` (None for the first page); 400 `invalid_page_token`
    when the token was not made by this list."""
    if token is None:
        return None
    try:
        body = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        key = body["v"]
        if body["k"] != kind or not isinstance(key, list) or len(key) != width:
            raise ValueError("another list's token")
        # Every sort column is text (times, ids, names): a number compared with one is
        # an SQL error on PostgreSQL, so a made-up token with numbers is refused here.
        if not all(isinstance(part, str) for part in key):
            raise ValueError("bad key")
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise ApiError(
            400, "invalid_page_token", "the `next` token does not belong to this list"
        ) from exc
    return key


def after(
    columns: Sequence[sa.ColumnElement[Any]], key: list[Any] | None, *, descending: bool = False
) -> sa.ColumnElement[bool]:
    """The WHERE clause "strictly after `key`" for rows ordered by `columns`."""
    if key is None:
        return sa.true()
    # Expanded row comparison: (a > x) OR (a = x AND b > y) ..., portable and indexable.
    clauses: list[sa.ColumnElement[bool]] = []
    for i, column in enumerate(columns):
        equal = [columns[j] == key[j] for j in range(i)]
        step = column < key[i] if descending else column > key[i]
        clauses.append(sa.and_(*equal, step))
    return sa.or_(*clauses)


def order(
    columns: Sequence[sa.ColumnElement[Any]], *, descending: bool = False
) -> list[sa.ColumnElement[Any]]:
    return [c.desc() if descending else c.asc() for c in columns]


def page(
    kind: str, rows: Sequence[Any], *, limit: int, key: Sequence[str]
) -> tuple[list[Any], str | None]:
    """Split `limit + 1` fetched rows into this page and the token of the next one."""
    items = list(rows[:limit])
    if len(rows) <= limit or not items:
        return items, None
    last = items[-1]._mapping
    return items, encode(kind, [last[name] for name in key])


@dataclass(frozen=True, slots=True)
class Keyset:
    """How one list is ordered: its token tag, its sort columns (the last one unique, so
    the order is total) and the direction. Each route declares one at module level."""

    kind: str
    columns: tuple[sa.ColumnElement[Any], ...]
    descending: bool = False
    # The sort values' labels in a result row, when they are not the columns' own names
    # (a joined table's column equal to one that is selected).
    labels: tuple[str, ...] | None = None

    @property
    def names(self) -> list[str]:
        """The labels the token remembers, one per column."""
        return list(self.labels or (str(column.key) for column in self.columns))


def fetch(
    conn: Connection,
    query: sa.Select[Any],
    keyset: Keyset,
    *,
    limit: int,
    next: str | None,
) -> tuple[list[Row[Any]], str | None]:
    """One page of `query` (already filtered by the caller's scope and conditions) in the
    keyset's order, and the token of the next page: the select/after/order/limit/page
    block every list route shares. Raises 400 `invalid_page_token` for a foreign token."""
    key = decode(keyset.kind, next, width=len(keyset.columns))
    rows = conn.execute(
        query.where(after(keyset.columns, key, descending=keyset.descending))
        .order_by(*order(keyset.columns, descending=keyset.descending))
        .limit(limit + 1)
    ).all()
    return page(keyset.kind, rows, limit=limit, key=keyset.names)
