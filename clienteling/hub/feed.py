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
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import purge, versions
from clienteling.hub.entities import EntityKind, kinds_for
from clienteling.hub.tables import tombstones
from clienteling.protocol.models import Change, ResetReason


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
    changes: list[Change] = field(default_factory=list)
    cursor: str = ""
    has_more: bool = False
    snapshot: bool = False
    snapshot_total: int | None = None
    snapshot_done: int | None = None
    reset: bool = False
    reset_reason: ResetReason | None = None
    purged_before: int | None = None


def read_page(conn: Connection, *, epoch: str, scope: str, cursor: str | None, limit: int) -> Page:
    """One page of the scope's feed; `conn` should be inside a read transaction."""
    page = _read_page(conn, epoch=epoch, scope=scope, cursor=cursor, limit=limit)
    page.purged_before = purge.purged_before(conn, scope)
    return page


def _read_page(conn: Connection, *, epoch: str, scope: str, cursor: str | None, limit: int) -> Page:
    if cursor is None:
        return _snapshot_page(conn, _start_snapshot(conn, epoch=epoch, scope=scope), limit)
    position = Cursor.decode(cursor)
    if position.epoch != epoch:
        return _reset(conn, epoch=epoch, scope=scope, limit=limit, reason="epoch")
    if position.scope != scope:
        raise BadCursorError(f"the cursor belongs to scope {position.scope!r}")
    if position.version < purge.purged_before(conn, scope):
        # Deletions after this cursor may be purged: continuing could resurrect rows.
        return _reset(conn, epoch=epoch, scope=scope, limit=limit, reason="cursor_purged")
    if position.snapshot:
        return _snapshot_page(conn, position, limit)
    return _incremental_page(conn, position, limit)


def _reset(conn: Connection, *, epoch: str, scope: str, limit: int, reason: ResetReason) -> Page:
    """The first page of a new snapshot, telling the terminal to drop the scope first."""
    page = _snapshot_page(conn, _start_snapshot(conn, epoch=epoch, scope=scope), limit)
    page.reset = True
    page.reset_reason = reason
    return page


def _start_snapshot(conn: Connection, *, epoch: str, scope: str) -> Cursor:
    total = 0
    for kind in kinds_for(scope):
        count = sa.select(sa.func.count()).select_from(kind.table)
        total += int(conn.execute(count.where(kind.table.c.scope == scope)).scalar_one())
    return Cursor(
        epoch=epoch,
        scope=scope,
        version=versions.current(conn, scope),
        snapshot=True,
        total=total,
    )


def _change(kind: EntityKind, row: Any) -> Change:
    data = kind.to_data(row._mapping)
    # Built from our own rows, so not validated again (a snapshot makes one per row).
    return Change.model_construct(
        entity=kind.name, op="upsert", id=data["id"], version=row.version, data=data
    )


def rows_as_changes(kind: EntityKind, rows: Sequence[Any]) -> list[Change]:
    """Rows of `SELECT table` as upserts, exactly as a pull sends them (hub.lookups)."""
    return _changes(kind, rows)


def _changes(kind: EntityKind, rows: Sequence[Any]) -> list[Change]:
    """`_change` for many rows of `SELECT table`: plain tuples, no per-row lookups."""
    names = [c.name for c in kind.table.columns]
    version = names.index("version")
    keep = [(i, n) for i, n in enumerate(names) if n not in ("scope", "version")]
    construct = Change.model_construct
    out = []
    for row in rows:
        data = {name: row[i] for i, name in keep}
        out.append(
            construct(entity=kind.name, op="upsert", id=data["id"], version=row[version], data=data)
        )
    return out


def _snapshot_page(conn: Connection, position: Cursor, limit: int) -> Page:
    kinds = kinds_for(position.scope)
    changes: list[Change] = []
    while len(changes) < limit and position.kind < len(kinds):
        kind = kinds[position.kind]
        want = limit - len(changes)
        query = (
            sa.select(kind.table)
            .where(kind.table.c.scope == position.scope, kind.table.c.id > position.after_id)
            .order_by(kind.table.c.id)
            .limit(want)
        )
        rows = conn.execute(query).all()
        changes += _changes(kind, rows)
        if len(rows) < want:
            position.kind += 1
            position.after_id = ""
        else:
            position.after_id = rows[-1].id
    position.done += len(changes)
    position.total = max(position.total, position.done)
    page = Page(
        changes=changes,
        snapshot=True,
        snapshot_total=position.total,
        snapshot_done=position.done,
    )
    if position.kind < len(kinds):
        page.cursor = position.encode()
        page.has_more = True
    else:
        # Done: continue from the version the snapshot started at.
        done = Cursor(epoch=position.epoch, scope=position.scope, version=position.version)
        page.cursor = done.encode()
        page.has_more = versions.current(conn, position.scope) > position.version
    return page


def _incremental_page(conn: Connection, position: Cursor, limit: int) -> Page:
    found: list[Change] = []
    for kind in kinds_for(position.scope):
        table = kind.table
        query = (
            sa.select(table)
            .where(table.c.scope == position.scope, table.c.version > position.version)
            .order_by(table.c.version)
            .limit(limit + 1)
        )
        found += [_change(kind, row) for row in conn.execute(query)]
    gone = (
        sa.select(tombstones)
        .where(tombstones.c.scope == position.scope, tombstones.c.version > position.version)
        .order_by(tombstones.c.version)
        .limit(limit + 1)
    )
    found += [
        Change(entity=row.entity, op="delete", id=row.entity_id, version=row.version)
        for row in conn.execute(gone)
    ]
    found.sort(key=lambda change: change.version)
    changes = found[:limit]
    last = changes[-1].version if changes else position.version
    cursor = Cursor(epoch=position.epoch, scope=position.scope, version=last)
    return Page(changes=changes, cursor=cursor.encode(), has_more=len(found) > limit)
