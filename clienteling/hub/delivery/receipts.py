"""Delivery receipts: the provider says later what became of a message (delivered, read,
failed or bounced), naming it by the idempotency key we sent. A receipt may arrive before
the worker has recorded the send as complete (the provider answers, then calls back at
once): it is kept on the attempt and applied when the send completes."""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import followups as status
from clienteling.hub.tables import delivery_attempts

Receipt = Literal["delivered", "read", "failed", "bounced"]
RECEIPTS: tuple[Receipt, ...] = ("delivered", "read", "failed", "bounced")
_FAILED = {"failed", "bounced"}


def apply_receipt(conn: Connection, followup_id: str, receipt: str) -> None:
    """Move a sent follow-up on: delivered / opened, or failed (only before the customer
    did anything with it: a click is proof enough that it arrived)."""
    if receipt == "delivered":
        status.advance(conn, followup_id, "delivered")
    elif receipt == "read":
        status.advance(conn, followup_id, "opened")
    elif receipt in _FAILED:
        row = status.load(conn, followup_id, lock=True)
        if row is not None and row.status in ("sent", "delivered"):
            status.set_status(conn, followup_id, "failed", f"the provider reported: {receipt}")


def record_receipt(conn: Connection, *, idempotency_key: str, receipt: str) -> bool:
    """Keep the receipt on its attempt and apply it when the send is complete; False when
    no attempt has this key."""
    attempt = conn.execute(
        sa.select(
            delivery_attempts.c.id, delivery_attempts.c.followup_id, delivery_attempts.c.state
        )
        .where(delivery_attempts.c.idempotency_key == idempotency_key)
        .with_for_update()
    ).first()
    if attempt is None:
        return False
    conn.execute(
        sa.update(delivery_attempts)
        .where(delivery_attempts.c.id == attempt.id)
        .values(receipt=receipt)
    )
    if attempt.state == "sent":
        apply_receipt(conn, attempt.followup_id, receipt)
    return True


def pending_receipt(conn: Connection, attempt_id: str) -> str | None:
    """A receipt that arrived before the send was completed."""
    value = conn.execute(
        sa.select(delivery_attempts.c.receipt).where(delivery_attempts.c.id == attempt_id)
    ).scalar_one_or_none()
    return None if value is None else str(value)


def key_of_provider_id(conn: Connection, provider_id: str) -> str | None:
    """The idempotency key of the attempt the provider knows as `provider_id`."""
    value = conn.execute(
        sa.select(delivery_attempts.c.idempotency_key).where(
            delivery_attempts.c.provider_id == provider_id
        )
    ).scalar_one_or_none()
    return None if value is None else str(value)
