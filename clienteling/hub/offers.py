"""Single-use offers (issue 9, "Offers"): made on the hub, redeemed once.

A follow-up may carry an offer (`followup.queue` with `offer`): the hub makes the code in
the transaction that queues the follow-up, so the message the delivery worker renders
always has it. Redemption is hub-only, never offline: one conditional UPDATE
(`status = 'issued'`, not expired, right channel) decides, so of two tills (or a till
and the web shop) entering the same code at once exactly one wins, on both backends.
Offers travel in the customer's store scope (timeline, counts).
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain.ids import uuid7
from clienteling.domain.offers import OFFER_VALIDITY, new_code, normalize_code, valid_in
from clienteling.hub import versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.tables import offers

RefusalCode = Literal["unknown_offer", "offer_redeemed", "offer_expired", "offer_wrong_channel"]


def issue_offer(
    conn: Connection,
    *,
    customer_id: str,
    followup_id: str | None,
    store_id: str | None,
    kind: str,
    scope: str,
) -> str:
    """Record a new offer (caller's transaction); its code."""
    now = utc_now()
    while True:  # a clash among 2^50 codes is all but impossible; retry if it happens
        code = new_code()
        added = insert_ignoring_conflicts(
            conn,
            offers,
            {
                "id": uuid7(),
                "code": code,
                "customer_id": customer_id,
                "followup_id": followup_id,
                "store_id": store_id,
                "kind": kind,
                "valid_in": valid_in(kind),
                "status": "issued",
                "expires_at": iso(now + OFFER_VALIDITY),
                "created_at": iso(now),
                "redeemed_at": None,
                "redeemed_channel": None,
                "redeemed_store_id": None,
                "redeemed_by": None,
                "scope": scope,
                "version": versions.allocate(conn, scope),
            },
        )
        if added:
            return code


def followup_offer(conn: Connection, followup_id: str) -> Any | None:
    """The offer a follow-up carries (None: none)."""
    return conn.execute(sa.select(offers).where(offers.c.followup_id == followup_id)).first()


class Refusal(Exception):
    """A code that cannot be redeemed; `message` says why, for the associate or shopper."""

    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def redeem(
    conn: Connection,
    typed_code: str,
    *,
    channel: Literal["store", "online"],
    store_id: str | None = None,
    associate_id: str | None = None,
    customer_id: str | None = None,
) -> Any:
    """Redeem the code once (caller's write transaction); the redeemed offer row.

    `customer_id`, when given (online: the shopper's own link), must be the offer's.
    Refusal when the code is unknown, used, expired, or valid in the other channel."""
    code = normalize_code(typed_code)
    row = None
    if code is not None:
        row = conn.execute(sa.select(offers).where(offers.c.code == code)).first()
    if row is None or (customer_id is not None and row.customer_id != customer_id):
        raise Refusal("unknown_offer", "this offer code does not exist: check how it was typed")
    now = iso(utc_now())
    done = conn.execute(
        sa.update(offers)
        .where(
            offers.c.id == row.id,
            offers.c.status == "issued",
            offers.c.expires_at > now,
            offers.c.valid_in == channel,
        )
        .values(
            status="redeemed",
            redeemed_at=now,
            redeemed_channel=channel,
            redeemed_store_id=store_id,
            redeemed_by=associate_id,
            version=versions.allocate(conn, str(row.scope)),
        )
    )
    if done.rowcount == 1:
        return conn.execute(sa.select(offers).where(offers.c.id == row.id)).one()
    current = conn.execute(sa.select(offers).where(offers.c.id == row.id)).one()
    if current.status == "redeemed":
        raise Refusal("offer_redeemed", f"this code was already used on {current.redeemed_at}")
    if current.expires_at <= now:
        raise Refusal("offer_expired", f"this code expired on {current.expires_at[:10]}")
    where = "in store" if current.valid_in == "store" else "online"
    raise Refusal("offer_wrong_channel", f"this code is valid {where} only")


def redeem_for_order(
    conn: Connection, codes: tuple[str, ...], *, order_id: str, customer_id: str
) -> str | None:
    """The online order `order_id` used these discount codes (caller's transaction): the
    first that is one of this customer's online offers is redeemed for it (or, applied in
    the cart already, tied to it) and returned, to be recorded on the order. Codes that
    are not ours, or not redeemable, are left alone (the shop has its own)."""
    for typed in codes:
        code = normalize_code(typed)
        row = None
        if code is not None:
            row = conn.execute(sa.select(offers).where(offers.c.code == code)).first()
        if row is None or row.customer_id != customer_id:
            continue
        if row.order_id == order_id:
            return str(row.code)
        if row.status == "issued":
            try:
                redeem(conn, code or "", channel="online", customer_id=customer_id)
            except Refusal:
                continue
        elif row.redeemed_channel != "online" or row.order_id is not None:
            continue  # used at a till, or by another order
        conn.execute(
            sa.update(offers)
            .where(offers.c.id == row.id)
            .values(order_id=order_id, version=versions.allocate(conn, str(row.scope)))
        )
        return str(row.code)
    return None


def applied_online(conn: Connection, customer_id: str) -> list[str]:
    """Codes of the customer redeemed online (in the storefront's cart) that no order
    has used yet: the next checkout takes them."""
    return [
        str(c)
        for c in conn.execute(
            sa.select(offers.c.code)
            .where(
                offers.c.customer_id == customer_id,
                offers.c.status == "redeemed",
                offers.c.redeemed_channel == "online",
                offers.c.order_id.is_(None),
            )
            .order_by(offers.c.redeemed_at)
        ).scalars()
    ]
