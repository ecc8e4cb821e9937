"""The change feed behind `/sync/pull`: paged snapshots, then increments by version.

The cursor is opaque to terminals: base64url JSON holding the hub's epoch, the scope and
either the incremental position (`v`, the last version sent) or the snapshot position
(the kind and id reached, and `v`, the scope version when the snapshot began). After the
last snapshot page the cursor continues incrementally from that `v`, so rows written
during the snapshot come again (harmless upserts) and none is missed.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import feed_rows
from clienteling.hub.entities import EntityKind, kinds_for
from clienteling.hub.feed_rows import FeedChange
from clienteling.hub.tables import feed_purges, scope_versions, tombstones
from clienteling.protocol.models import Change, PageLayout, ResetReason


class BadCursorError(ValueError):
    """The cursor was not made by this hub for this scope."""


@dataclass(slots=True)
class Cursor:
    epoch: str
    scope: str
    version: int
    snapshot: bool = False
    kind: int = 0
    after_id: str = ""
    done: int = 0
    total: int = 0

    def encode(self) -> str:
        body: dict[str, Any] = {"e": self.epoch, "s": self.scope, "v": self.version}
        if self.snapshot:
            body |= {"k": self.kind, "a": self.after_id, "d": self.done, "t": self.total}
        raw = json.dumps(body, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            body = json.loads(raw)
            snapshot = "k" in body
            return cls(
                epoch=str(body["e"]),
                scope=str(body["s"]),
                version=int(body["v"]),
                snapshot=snapshot,
                kind=int(body.get("k", 0)),
                after_id=str(body.get("a", "")),
                done=int(body.get("d", 0)),
                total=int(body.get("t", 0)),
            )
        except (binascii.Error, ValueError, KeyError, TypeError) as exc:
            raise BadCursorError("the cursor is not readable") from exc


@dataclass(slots=True)
class Page:
    changes: list[FeedChange] = field(default_factory=list)
    tables: list[feed_rows.FeedTable] = field(default_factory=list)
    cursor: str = ""
    has_more: bool = False
    snapshot: bool = False
    snapshot_total: int | None = None
    snapshot_done: int | None = None
    reset: bool = False
    reset_reason: ResetReason | None = None
    purged_before: int | None = None

    def to_json(self, *, last_mutation_id: int) -> bytes:
        """The `PullResponse` body, fields in its order, encoded in one pass (orjson: the
        rows are dataclasses and their JSON columns stored text, see `hub.feed_rows`)."""
        return orjson.dumps(
            {
                "changes": self.changes,
                "tables": self.tables,
                "cursor": self.cursor,
                "has_more": self.has_more,
                "snapshot": self.snapshot,
                "snapshot_total": self.snapshot_total,
                "snapshot_done": self.snapshot_done,
                "last_mutation_id": last_mutation_id,
                "reset": self.reset,
                "reset_reason": self.reset_reason,
                "purged_before": self.purged_before,
            }
        )


@dataclass(frozen=True, slots=True)
class Heads:
    """The scope's newest version and its `purged_before`, read in one statement."""

    version: int
    purged_before: int


_HEADS = sa.select(
    sa.select(scope_versions.c.version)
    .where(scope_versions.c.scope == sa.bindparam("scope"))
    .scalar_subquery(),
    sa.select(feed_purges.c.purged_before)
    .where(feed_purges.c.scope == sa.bindparam("scope"))
    .scalar_subquery(),
)


def read_heads(conn: Connection, scope: str) -> Heads:
    version, purged = conn.execute(_HEADS, {"scope": scope}).one()
    return Heads(version=int(version or 0), purged_before=int(purged or 0))


def read_page(
    conn: Connection,
    *,
    epoch: str,
    scope: str,
    cursor: str | None,
    limit: int,
    layout: PageLayout = "changes",
    heads: Heads | None = None,
) -> Page:
    """One page of the scope's feed; `conn` should be inside a read transaction. With
    `layout` "tables" a snapshot page's rows go in `Page.tables` instead of `changes`.
    `heads`: the scope's `read_heads` when the caller read them in this transaction."""
    if heads is None:
        heads = read_heads(conn, scope)
    tables = layout == "tables"
    page = _read_page(
        conn, heads, epoch=epoch, scope=scope, cursor=cursor, limit=limit, tables=tables
    )
    page.purged_before = heads.purged_before
    return page


def _read_page(
    conn: Connection,
    heads: Heads,
    *,
    epoch: str,
    scope: str,
    cursor: str | None,
    limit: int,
    tables: bool,
) -> Page:
    if cursor is None:
        start = _start_snapshot(conn, heads, epoch, scope)
        return _snapshot_page(conn, heads, start, limit, tables=tables)
    position = Cursor.decode(cursor)
    if position.epoch != epoch:
        return _reset(
            conn, heads, epoch=epoch, scope=scope, limit=limit, reason="epoch", tables=tables
        )
    if position.scope != scope:
        raise BadCursorError(f"the cursor belongs to scope {position.scope!r}")
    if position.version < heads.purged_before:
        # Deletions after this cursor may be purged: continuing could resurrect rows.
        return _reset(
            conn,
            heads,
            epoch=epoch,
            scope=scope,
            limit=limit,
            reason="cursor_purged",
            tables=tables,
        )
    if position.snapshot:
        return _snapshot_page(conn, heads, position, limit, tables=tables)
    return _incremental_page(conn, heads, position, limit)


def _reset(
    conn: Connection,
    heads: Heads,
    *,
    epoch: str,
    scope: str,
    limit: int,
    reason: ResetReason,
    tables: bool,
) -> Page:
    """The first page of a new snapshot, telling the terminal to drop the scope first."""
    start = _start_snapshot(conn, heads, epoch, scope)
    page = _snapshot_page(conn, heads, start, limit, tables=tables)
    page.reset = True
    page.reset_reason = reason
    return page


def _start_snapshot(conn: Connection, heads: Heads, epoch: str, scope: str) -> Cursor:
    counts = sa.union_all(
        *(
            sa.select(sa.func.count()).select_from(kind.table).where(kind.table.c.scope == scope)
            for kind in kinds_for(scope)
        )
    )
    total = sum(int(n) for n in conn.execute(counts).scalars())
    return Cursor(epoch=epoch, scope=scope, version=heads.version, snapshot=True, total=total)


def _snapshot_page(
    conn: Connection, heads: Heads, position: Cursor, limit: int, *, tables: bool
) -> Page:
    kinds = kinds_for(position.scope)
    page = Page(snapshot=True)
    sent = 0
    while sent < limit and position.kind < len(kinds):
        kind = kinds[position.kind]
        want = limit - sent
        in_sql = feed_rows.table_rows_in_sql(kind, conn.dialect.name) if tables else None
        query = (
            (feed_rows.select_rows(kind) if in_sql is None else in_sql)
            .where(kind.table.c.scope == position.scope, kind.table.c.id > position.after_id)
            .order_by(kind.table.c.id)
            .limit(want)
        )
        rows = conn.execute(query).all()
        if rows:
            if in_sql is not None:
                page.tables.append(feed_rows.table_of_json_rows(kind, rows))
            elif tables:
                page.tables.append(feed_rows.table(kind, rows))
            else:
                page.changes += feed_rows.changes(kind, rows)
        sent += len(rows)
        if len(rows) < want:
            position.kind += 1
            position.after_id = ""
        elif in_sql is not None:
            position.after_id = str(rows[-1][0])
        else:
            position.after_id = feed_rows.last_id(kind, rows)
    position.done += sent
    position.total = max(position.total, position.done)
    page.snapshot_total = position.total
    page.snapshot_done = position.done
    if position.kind < len(kinds):
        page.cursor = position.encode()
        page.has_more = True
    else:
        # Done: continue from the version the snapshot started at.
        done = Cursor(epoch=position.epoch, scope=position.scope, version=position.version)
        page.cursor = done.encode()
        page.has_more = heads.version > position.version
    return page


@cache
def _probe(kinds: tuple[EntityKind, ...]) -> sa.CompoundSelect[Any]:
    """Which of the kinds (by index; `len(kinds)`: tombstones) have rows after a version:
    one round trip instead of one query per table for the usual pull with few changes."""
    tables = [kind.table for kind in kinds] + [tombstones]
    return sa.union_all(
        *(
            sa.select(sa.literal(index, sa.Integer).label("k")).where(
                sa.exists().where(
                    table.c.scope == sa.bindparam("scope"),
                    table.c.version > sa.bindparam("after"),
                )
            )
            for index, table in enumerate(tables)
        )
    )


def caught_up(conn: Connection, position: Cursor) -> bool:
    """Nothing in the scope (rows or tombstones) is newer than this incremental cursor."""
    heads = read_heads(conn, position.scope)
    if heads.version <= position.version:
        return True
    params = {"scope": position.scope, "after": position.version}
    return not conn.execute(_probe(kinds_for(position.scope)), params).first()


def _incremental_page(conn: Connection, heads: Heads, position: Cursor, limit: int) -> Page:
    kinds = kinds_for(position.scope)
    present: set[int] = set()
    if heads.version > position.version:  # else nothing committed since (version order)
        params = {"scope": position.scope, "after": position.version}
        present = set(conn.execute(_probe(kinds), params).scalars())
    found: list[FeedChange] = []
    for index, kind in enumerate(kinds):
        if index not in present:
            continue
        table = kind.table
        query = (
            feed_rows.select_rows(kind)
            .where(table.c.scope == position.scope, table.c.version > position.version)
            .order_by(table.c.version)
            .limit(limit + 1)
        )
        found += feed_rows.changes(kind, conn.execute(query).all())
    if len(kinds) in present:
        gone = (
            sa.select(tombstones.c.entity, tombstones.c.entity_id, tombstones.c.version)
            .where(tombstones.c.scope == position.scope, tombstones.c.version > position.version)
            .order_by(tombstones.c.version)
            .limit(limit + 1)
        )
        found += [
            FeedChange(entity, "delete", entity_id, version)
            for entity, entity_id, version in conn.execute(gone)
        ]
    found.sort(key=lambda change: change.version)
    changes = found[:limit]
    last = changes[-1].version if changes else position.version
    cursor = Cursor(epoch=position.epoch, scope=position.scope, version=last)
    return Page(changes=changes, cursor=cursor.encode(), has_more=len(found) > limit)


def rows_as_changes(kind: EntityKind, rows: Sequence[Any]) -> list[Change]:
    """Rows of `SELECT table` as upserts, as a pull sends them (`hub.lookups` bundles one
    customer's rows; a few dozen, so a model per row costs nothing there)."""
    names = [c.name for c in kind.table.columns]
    version = names.index("version")
    wire = {c.name for c in kind.data_columns}  # never a hub-only column
    keep = [(i, n) for i, n in enumerate(names) if n in wire]
    out = []
    for row in rows:
        data = {name: row[i] for i, name in keep}
        # Built from our own rows, so not validated again.
        out.append(
            Change.model_construct(
                entity=kind.name, op="upsert", id=data["id"], version=row[version], data=data
            )
        )
    return out
