"""`reservation.request` and `reservation.release`: "hold for customer" from a terminal.

The terminal sends an intent (hold 1 of this product for this customer, possibly queued
offline); the hub decides with its own stock (`hub.holds`): held when the store has it
available, refused with a sentence the associate can read ("Only 0 left at Paris
Opéra") when not. The id is made on the terminal, so a push sent again holds nothing
twice. The store is the device's: a terminal holds stock of its own store only.
"""

from __future__ import annotations

from typing import Any, Literal

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.offers import MAX_HOLD_QUANTITY
from clienteling.hub import holds
from clienteling.hub.mutation_kit import (
    Actor,
    MutationRejectedError,
    resolved_customer,
)
from clienteling.hub.tables import products, reservations


class _Request(pydantic.BaseModel):
    """Validates `ReservationRequestArgs` (pydantic cannot use `typing.TypedDict` on 3.11)."""

    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    customer_id: str = pydantic.Field(min_length=1, max_length=64)
    product_id: str = pydantic.Field(min_length=1, max_length=64)
    quantity: int = pydantic.Field(ge=1, le=MAX_HOLD_QUANTITY)
    created_at: str = pydantic.Field(min_length=1, max_length=40)


class _End(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    status: Literal["released", "collected"] = "released"


def request_reservation(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    try:
        request = _Request.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid hold arguments") from exc
    exists = conn.execute(sa.select(reservations.c.id).where(reservations.c.id == request.id))
    if exists.first() is not None:
        return  # sent again: already decided
    if actor.store_id is None:
        raise MutationRejectedError("holds are placed from a store's terminal")
    customer_id, scope = resolved_customer(conn, actor, request.customer_id)
    known = conn.execute(sa.select(products.c.id).where(products.c.id == request.product_id))
    if known.first() is None:
        raise MutationRejectedError(f"unknown product {request.product_id!r}")
    try:
        holds.place_hold(
            conn,
            holds.HoldRequest(
                id=request.id,
                customer_id=customer_id,
                product_id=request.product_id,
                store_id=actor.store_id,
                quantity=request.quantity,
                source="terminal",
                scope=scope,
                associate_id=actor.session.associate_id,
            ),
        )
    except holds.StockShortError as exc:
        raise MutationRejectedError(str(exc)) from exc


def release_reservation(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    """Release (or mark collected) a hold of the device's store; a hold already ended
    stays as it is (releasing twice, or after expiry, changes nothing)."""
    try:
        request = _End.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid hold arguments") from exc
    hold = conn.execute(
        sa.select(reservations.c.store_id).where(reservations.c.id == request.id)
    ).first()
    if hold is None:
        raise MutationRejectedError("unknown hold")
    if actor.store_id is not None and hold.store_id != actor.store_id:
        raise MutationRejectedError("the hold belongs to another store")
    holds.end_hold(conn, request.id, request.status)
