"""Holds for customers in the cache: asking for one (works offline) and reading them.

"Hold for customer" writes a `requested` row (`pending = 1`) and its
`reservation.request` mutation in one transaction; the hub decides with its own stock,
so the row shows as pending until the pulled reservation replaces it (`held` until its
expiry), or as refused with the hub's reason ("Only 0 left at …"), which the outbox
keeps with the refused mutation. Inventory is never changed here: the lower available
stock arrives from the hub with the pull.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.domain.errors import ValidationError
from clienteling.domain.offers import MAX_HOLD_QUANTITY
from clienteling.protocol.entities import (
    ReservationReleaseArgs,
    ReservationRequestArgs,
    store_scope,
)
from clienteling.store import outbox
from clienteling.store.transactions import write_transaction

REFUSED_REASON = (
    "CASE WHEN r.pending THEN (SELECT coalesce(o.reason, '') FROM outbox AS o "
    "WHERE o.status = 'rejected' AND o.name = 'reservation.request' "
    "AND json_extract(o.args, '$.id') = r.id) END"
)
"""The hub's reason for refusing a hold asked for here (NULL while there is none)."""


@dataclass(frozen=True, slots=True)
class HoldView:
    id: str
    customer_id: str
    product_id: str
    product_name: str | None  # None: neither the catalog nor the hold says (a very old row)
    sku: str
    store_name: str | None
    quantity: int
    status: str  # requested (here, pending) | held | collected | released | expired
    expires_at: datetime | None  # set by the hub
    source: str  # terminal | link (the customer's reserve-for-pickup page)
    created_at: datetime
    pending: bool  # asked for here, the hub has not decided yet
    refused: str | None  # the hub's reason when it refused
    size: str | None = None  # the variant held, when the product has one
    colour: str | None = None

    @property
    def active(self) -> bool:
        """Still holding (or about to hold) stock: worth showing first."""
        return self.refused is None and self.status in ("requested", "held")


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# The cached product when it is still in the catalog, else the product as held (the hold
# keeps its name, SKU and variant: a product the shop stopped offering leaves the
# catalog, `hub.listing`).
_COLUMNS = (
    "r.id, r.customer_id, r.product_id, coalesce(p.name, r.product_name), "
    "coalesce(p.sku, r.sku, ''), l.name, r.quantity, r.status, r.expires_at, r.source, "
    f"r.created_at, r.pending, {REFUSED_REASON}, "
    "CASE WHEN p.id IS NULL THEN r.size ELSE p.size END, "
    "CASE WHEN p.id IS NULL THEN r.colour ELSE p.colour END"
)


def _view(row: Sequence[object]) -> HoldView:
    refused = None if row[12] is None else str(row[12])
    return HoldView(
        id=str(row[0]),
        customer_id=str(row[1]),
        product_id=str(row[2]),
        product_name=None if row[3] is None else str(row[3]),
        sku=str(row[4]),
        store_name=None if row[5] is None else str(row[5]),
        quantity=int(str(row[6])),
        status=str(row[7]),
        expires_at=_time(str(row[8])) if row[8] else None,
        source=str(row[9]),
        created_at=_time(str(row[10])),
        pending=bool(row[11]) and refused is None,
        refused=refused,
        size=None if row[13] is None else str(row[13]),
        colour=None if row[14] is None else str(row[14]),
    )


def customer_holds(db: Database, customer_id: str) -> list[HoldView]:
    """The customer's holds, newest first (pending and refused ones included)."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} FROM reservations AS r "
        "LEFT JOIN products AS p ON p.id = r.product_id "
        "LEFT JOIN locations AS l ON l.id = r.store_id "
        "WHERE r.customer_id = ? ORDER BY r.created_at DESC, r.id DESC",
        (customer_id,),
    ).fetchall()
    return [_view(r) for r in rows]


def hold(db: Database, hold_id: str) -> HoldView | None:
    row = db.conn.execute(
        f"SELECT {_COLUMNS} FROM reservations AS r "
        "LEFT JOIN products AS p ON p.id = r.product_id "
        "LEFT JOIN locations AS l ON l.id = r.store_id WHERE r.id = ?",
        (hold_id,),
    ).fetchone()
    return None if row is None else _view(row)


def request_hold(db: Database, args: ReservationRequestArgs, *, store_id: str) -> None:
    """Write the `requested` hold and its `reservation.request` in one transaction."""
    if not 1 <= args["quantity"] <= MAX_HOLD_QUANTITY:
        raise ValidationError(f"hold between 1 and {MAX_HOLD_QUANTITY} items")
    with write_transaction(db):
        customer = db.conn.execute(
            "SELECT scope FROM customers WHERE id = ?", (args["customer_id"],)
        ).fetchone()
        if customer is None:
            raise ValidationError("this customer is not known on this terminal")
        product = db.conn.execute(
            "SELECT sku, name, size, colour FROM products WHERE id = ?", (args["product_id"],)
        ).fetchone()
        if product is None:
            raise ValidationError("this product is not known on this terminal")
        db.conn.execute(
            "INSERT INTO reservations (id, customer_id, product_id, store_id, quantity, status, "
            "expires_at, source, associate_id, followup_id, created_at, updated_at, scope, "
            "version, pending, sku, product_name, size, colour) "
            "VALUES (?, ?, ?, ?, ?, 'requested', '', 'terminal', NULL, NULL, "
            "?, ?, ?, 0, 1, ?, ?, ?, ?)",
            (
                args["id"],
                args["customer_id"],
                args["product_id"],
                store_id,
                args["quantity"],
                args["created_at"],
                args["created_at"],
                customer[0] or store_scope(store_id),
                *product,
            ),
        )
        outbox.enqueue(db, "reservation.request", dict(args))


def release_hold(db: Database, args: ReservationReleaseArgs) -> None:
    """Queue the end of a hold; the row changes when the hub's answer is pulled."""
    with write_transaction(db):
        found = db.conn.execute(
            "SELECT status FROM reservations WHERE id = ? AND pending = 0", (args["id"],)
        ).fetchone()
        if found is None or found[0] != "held":
            raise ValidationError("only a confirmed hold can be released")
        outbox.enqueue(db, "reservation.release", dict(args))
