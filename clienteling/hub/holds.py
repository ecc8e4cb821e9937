"""Holds: stock reserved for a customer at a store (DESIGN.md, journey 2; issue 6).

Inventory is hub-authoritative. A hold raises the location's `inventory.reserved` in the
same transaction that records it, with one conditional UPDATE (`on_hand - reserved >=
quantity`), so two requests for the last unit can never both win: on SQLite writers are
serialised by BEGIN IMMEDIATE, on PostgreSQL the second UPDATE waits for the first's row
lock and re-checks the condition on the committed row. Ending a hold (collected,
released, expired) lowers `reserved` again, once: the status change is itself
conditional on `status = 'held'`.

Both rows are synced: the inventory row in the catalog scope (every terminal sees the
lower available stock), the reservation in the customer's store scope.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.offers import DEFAULT_HOLD_HOURS
from clienteling.hub import listing, versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import write_tx
from clienteling.hub.periodic import PeriodicJob
from clienteling.hub.tables import hub_meta, inventory, locations, reservations
from clienteling.hub.task_generation import after_stock_change
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope

log = logging.getLogger(__name__)

EndStatus = Literal["collected", "released", "expired"]
_HOLD_HOURS_KEY = "hold_hours"


class StockShortError(Exception):
    """Not enough available stock; the message says how many are left, and where."""


class NotOfferedError(StockShortError):
    """The product is no longer sold (`hub.listing`): nothing of it can be held."""


def install_hold_hours(conn: Connection, hours: float) -> None:
    """Keep the configured hold duration where mutation handlers can read it."""
    value = repr(float(hours))
    updated = conn.execute(
        sa.update(hub_meta).where(hub_meta.c.key == _HOLD_HOURS_KEY).values(value=value)
    )
    if updated.rowcount == 0:
        conn.execute(sa.insert(hub_meta).values(key=_HOLD_HOURS_KEY, value=value))


def hold_duration(conn: Connection) -> timedelta:
    value = conn.execute(
        sa.select(hub_meta.c.value).where(hub_meta.c.key == _HOLD_HOURS_KEY)
    ).scalar_one_or_none()
    return timedelta(hours=float(value) if value else DEFAULT_HOLD_HOURS)


def available(conn: Connection, *, store_id: str, product_id: str) -> int:
    value = conn.execute(
        sa.select(inventory.c.on_hand - inventory.c.reserved).where(
            inventory.c.id == f"{store_id}:{product_id}"
        )
    ).scalar_one_or_none()
    return max(0, int(value or 0))


def _store_name(conn: Connection, store_id: str) -> str:
    name = conn.execute(
        sa.select(locations.c.name).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    return str(name or store_id)


def _bump_reserved(conn: Connection, *, store_id: str, product_id: str, delta: int) -> bool:
    """Add `delta` to the location's reserved count (never above on hand, never below 0)."""
    row = inventory.c
    condition = row.on_hand - row.reserved >= delta if delta > 0 else row.reserved + delta >= 0
    changed = conn.execute(
        sa.update(inventory)
        .where(inventory.c.id == f"{store_id}:{product_id}", condition)
        .values(reserved=row.reserved + delta, version=versions.allocate(conn, CATALOG_SCOPE))
    )
    return changed.rowcount == 1


@dataclass(frozen=True, slots=True)
class HoldRequest:
    id: str
    customer_id: str
    product_id: str
    store_id: str
    quantity: int
    source: Literal["terminal", "link"]
    scope: str  # the customer's store scope
    associate_id: str | None = None
    followup_id: str | None = None


def place_hold(conn: Connection, request: HoldRequest) -> datetime:
    """Reserve the stock and record the hold (caller's transaction); its expiry time.

    StockShortError when the store does not have the quantity available (NotOfferedError,
    one of them, when the product is no longer sold)."""
    if not listing.is_offered(conn, request.product_id):
        raise NotOfferedError("This product is no longer sold: it cannot be held")
    if not _bump_reserved(
        conn, store_id=request.store_id, product_id=request.product_id, delta=request.quantity
    ):
        left = available(conn, store_id=request.store_id, product_id=request.product_id)
        raise StockShortError(f"Only {left} left at {_store_name(conn, request.store_id)}")
    now = utc_now()
    expires = now + hold_duration(conn)
    conn.execute(
        sa.insert(reservations).values(
            id=request.id,
            customer_id=request.customer_id,
            product_id=request.product_id,
            store_id=request.store_id,
            quantity=request.quantity,
            status="held",
            expires_at=iso(expires),
            source=request.source,
            associate_id=request.associate_id,
            followup_id=request.followup_id,
            created_at=iso(now),
            updated_at=iso(now),
            scope=request.scope,
            version=versions.allocate(conn, request.scope),
            **listing.snapshot(conn, request.product_id),
        )
    )
    return expires


def end_hold(conn: Connection, reservation_id: str, status: EndStatus) -> bool:
    """Move a held reservation to `status` and give its stock back; False when it was no
    longer held (ended before: nothing changes, so ending twice is harmless)."""
    hold = conn.execute(
        sa.select(
            reservations.c.product_id,
            reservations.c.store_id,
            reservations.c.quantity,
            reservations.c.scope,
        ).where(reservations.c.id == reservation_id)
    ).first()
    if hold is None:
        return False
    # Three counters, in the hub's order (`versions.lock_scopes`): taken as written (the
    # customer's store, then the catalog) this deadlocked with a stock change.
    versions.lock_scopes(conn, {str(hold.scope), CATALOG_SCOPE, store_scope(hold.store_id)})
    ended = conn.execute(
        sa.update(reservations)
        .where(reservations.c.id == reservation_id, reservations.c.status == "held")
        .values(
            status=status,
            updated_at=iso(utc_now()),
            version=versions.allocate(conn, str(hold.scope)),
        )
    )
    if ended.rowcount != 1:
        return False
    _bump_reserved(conn, store_id=hold.store_id, product_id=hold.product_id, delta=-hold.quantity)
    if status != "collected":  # the units are free again: someone may be waiting for them
        after_stock_change(conn, store_id=hold.store_id, product_id=hold.product_id, now=utc_now())
    if status == "collected":  # the customer took the items home
        left = inventory.c.on_hand - hold.quantity
        conn.execute(
            sa.update(inventory)
            .where(inventory.c.id == f"{hold.store_id}:{hold.product_id}")
            .values(on_hand=sa.case((left > 0, left), else_=0))
        )
    return True


def expire_holds(engine: Engine, *, now: datetime | None = None, batch: int = 200) -> int:
    """Release every hold past its expiry; how many this run released. Idempotent and
    safe beside other runs (each hold ends once: `end_hold` is conditional)."""
    moment = iso(now or utc_now())
    released = 0
    while True:
        with write_tx(engine) as conn:
            due = list(
                conn.execute(
                    sa.select(reservations.c.id)
                    .where(reservations.c.status == "held", reservations.c.expires_at <= moment)
                    .order_by(reservations.c.expires_at, reservations.c.id)
                    .limit(batch)
                ).scalars()
            )
            released += sum(end_hold(conn, hold_id, "expired") for hold_id in due)
        if len(due) < batch:
            return released


def hold_expiry_job(engine: Engine, *, interval_s: float) -> PeriodicJob:
    """`expire_holds` at start and then every `interval_s`."""

    def run() -> None:
        if count := expire_holds(engine):
            log.info("released %d expired holds", count)

    return PeriodicJob("hold expiry", run, interval_s=interval_s)
