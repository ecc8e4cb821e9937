"""Recently viewed products (issue 6, customer 360): one synced row per customer and
product, kept from the web shop's product views.

Each view the ingest attributes to a customer (`hub.ingest.apply`, under the customer's
lock) updates that customer's row for the product: the latest time, one more view. The
customer keeps their `KEEP` most recent products of the last `WINDOW`; a row that falls
out (overflow, or older than the window) is deleted with a tombstone in its scope, so
terminals drop it at their next pull; the customer's next view prunes their rows, and
`prune_job` prunes everybody's stale rows periodically (bounded batches), so a customer
who never comes back does not keep them forever. Rows travel in the customer's store scope, are
erased with the customer (`hub.erasure`) and combined into the survivor of a merge
(`merge`, called by `hub.identity`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.hub import listing, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, write_tx
from clienteling.hub.periodic import PeriodicJob
from clienteling.hub.tables import recent_views, tombstones

log = logging.getLogger(__name__)

KEEP = 20
WINDOW = timedelta(days=30)
ENTITY = "recent_view"
PRUNE_BATCH = 500  # rows per transaction of the periodic prune

_c = recent_views.c


def note_view(
    conn: Connection,
    *,
    customer_id: str,
    scope: str,
    product_id: str,
    sku: str,
    at: str,
    now: datetime,
) -> bool:
    """Record one view of `product_id` at `at` (the caller holds the customer's lock);
    False when the view is older than the window and changes nothing."""
    if at < iso(now - WINDOW):
        return False
    row = conn.execute(
        sa.select(_c.id, _c.viewed_at).where(
            _c.customer_id == customer_id, _c.product_id == product_id
        )
    ).first()
    # The row may have just been pruned (`prune_stale`: the previous view was older than
    # the window): then this view starts a new one.
    updated = 0
    if row is not None:
        updated = conn.execute(
            sa.update(recent_views)
            .where(_c.id == row.id)
            .values(
                viewed_at=max(at, str(row.viewed_at)),
                view_count=_c.view_count + 1,
                sku=sku,
                **_named(conn, product_id),
                scope=scope,
                version=versions.allocate(conn, scope),
            )
        ).rowcount
    if updated != 1:
        conn.execute(
            sa.insert(recent_views).values(
                id=uuid7(),
                customer_id=customer_id,
                product_id=product_id,
                sku=sku,
                viewed_at=at,
                view_count=1,
                scope=scope,
                version=versions.allocate(conn, scope),
                **_named(conn, product_id),
            )
        )
    prune(conn, customer_id, now=now)
    return True


def _named(conn: Connection, product_id: str) -> dict[str, str | None]:
    """The product's name and variant as viewed (the row keeps them for when the product
    leaves the catalog, `listing.snapshot`)."""
    kept = listing.snapshot(conn, product_id)
    return {"product_name": kept["product_name"], "size": kept["size"], "colour": kept["colour"]}


def prune(conn: Connection, customer_id: str, *, now: datetime | None = None) -> int:
    """Drop the customer's rows beyond the `KEEP` newest and, given `now`, those older
    than the window; returns how many left (each with a tombstone)."""
    rows = conn.execute(
        sa.select(_c.id, _c.viewed_at, _c.scope)
        .where(_c.customer_id == customer_id)
        .order_by(_c.viewed_at.desc(), _c.id.desc())
    ).all()
    oldest = iso(now - WINDOW) if now is not None else ""
    gone = [
        (str(r.id), str(r.scope))
        for index, r in enumerate(rows)
        if index >= KEEP or str(r.viewed_at) < oldest
    ]
    _delete(conn, gone)
    return len(gone)


def prune_stale(engine: Engine, *, now: datetime | None = None, batch: int = PRUNE_BATCH) -> int:
    """Delete every row older than the window, with its tombstone, `batch` rows per
    transaction (oldest first); returns how many. Safe beside the ingest and other hub
    processes: the scopes' counters are locked first (the hub's lock order, as every
    writer of these rows takes its scope's counter before the row), then each row is
    checked again, so a row a new view has just refreshed stays."""
    cutoff = iso((now or utc_now()) - WINDOW)
    pruned = 0
    while True:
        with write_tx(engine) as conn:
            found = conn.execute(
                sa.select(_c.id, _c.scope)
                .where(_c.viewed_at < cutoff)
                .order_by(_c.viewed_at, _c.id)
                .limit(batch)
            ).all()
            if found:
                versions.lock_scopes(conn, {str(r.scope) for r in found})
                stale = conn.execute(
                    sa.select(_c.id, _c.scope)
                    .where(_c.id.in_([r.id for r in found]), _c.viewed_at < cutoff)
                    .order_by(_c.id)
                ).all()
                _delete(conn, [(str(r.id), str(r.scope)) for r in stale])
                pruned += len(stale)
        if len(found) < batch:
            return pruned


def prune_job(engine: Engine, *, interval_s: float) -> PeriodicJob:
    """`prune_stale` every `interval_s`, the first one interval after the start (the
    customer's own views prune their rows meanwhile)."""

    def run() -> None:
        if count := prune_stale(engine):
            log.info("pruned %d recently viewed products older than 30 days", count)

    return PeriodicJob("recent views prune", run, interval_s=interval_s, wait_first=True)


def merge(conn: Connection, *, merged_id: str, survivor_id: str, scope: str) -> None:
    """The merged customer's rows join the survivor's (in the merge's transaction): a
    product both viewed keeps one row (the latest time, the views added up), the others
    move; then the survivor keeps its `KEEP` newest."""
    theirs = {
        str(r.product_id): r
        for r in conn.execute(
            sa.select(_c.id, _c.product_id, _c.viewed_at, _c.view_count).where(
                _c.customer_id == survivor_id
            )
        )
    }
    moving = conn.execute(
        sa.select(_c.id, _c.product_id, _c.viewed_at, _c.view_count, _c.scope)
        .where(_c.customer_id == merged_id)
        .order_by(_c.id)
    ).all()
    gone: list[tuple[str, str]] = []
    for row in moving:
        kept = theirs.get(str(row.product_id))
        if kept is None:
            conn.execute(
                sa.update(recent_views)
                .where(_c.id == row.id)
                .values(
                    customer_id=survivor_id, scope=scope, version=versions.allocate(conn, scope)
                )
            )
            continue
        conn.execute(
            sa.update(recent_views)
            .where(_c.id == kept.id)
            .values(
                viewed_at=max(str(kept.viewed_at), str(row.viewed_at)),
                view_count=int(kept.view_count) + int(row.view_count),
                version=versions.allocate(conn, scope),
            )
        )
        gone.append((str(row.id), str(row.scope)))
    _delete(conn, gone)
    prune(conn, survivor_id)


def _delete(conn: Connection, gone: Iterable[tuple[str, str]]) -> None:
    """Delete the rows (id, scope) and publish their tombstones in their scopes."""
    by_scope: dict[str, list[str]] = {}
    for row_id, scope in gone:
        by_scope.setdefault(scope, []).append(row_id)
    for scope, ids in sorted(by_scope.items()):
        conn.execute(sa.delete(recent_views).where(_c.id.in_(ids)))
        first = versions.allocate(conn, scope, len(ids))
        for offset, row_id in enumerate(ids):
            values = {"entity": ENTITY, "entity_id": row_id, "scope": scope}
            version = first + offset
            if not insert_ignoring_conflicts(conn, tombstones, {**values, "version": version}):
                conn.execute(
                    sa.update(tombstones)
                    .where(tombstones.c.entity == ENTITY, tombstones.c.entity_id == row_id)
                    .values(scope=scope, version=version)
                )
