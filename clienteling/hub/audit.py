"""The audit trail: who read or changed which customer, and every sign-in.

Rows hold ids, an action name and a short detail (never customer data), so the table can
be shown to an auditor as it is. Reads are recorded in their own small transaction after
the data was read; changes are recorded inside the transaction that makes them.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from clienteling.domain.ids import uuid7
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import Session
from clienteling.hub.db import write_tx
from clienteling.hub.tables import audit

CUSTOMER_READ = "customer.read"
SIGN_IN = "sign_in"
SIGN_IN_REFUSED = "sign_in.refused"
TOKEN_REFRESH = "token.refresh"
DEVICE_REVOKE = "device.revoke"
STATS_DRILLDOWN = "stats.drilldown"
DEVICE_WIPED = "device.wiped"
CUSTOMER_EXPORT = "customer.export"
CUSTOMER_ERASE = "customer.erase"
ENROLLMENT_CODE_CREATE = "enrollment_code.create"
ENROLLMENT_CODE_REVOKE = "enrollment_code.revoke"
DEVICE_ENROLL = "device.enroll"
DEVICE_ENROLL_REFUSED = "device.enroll.refused"
LOCATION_POSITION = "location.position"


def record(
    conn: Connection,
    *,
    action: str,
    associate_id: str | None,
    device_id: str | None,
    customer_id: str | None = None,
    detail: str | None = None,
) -> None:
    conn.execute(
        sa.insert(audit).values(
            id=uuid7(),
            at=iso(utc_now()),
            action=action[:40],
            associate_id=associate_id,
            device_id=device_id[:64] if device_id else None,
            customer_id=customer_id,
            detail=detail[:200] if detail else None,
        )
    )


def record_read(engine: Engine, session: Session, *, customer_id: str, what: str) -> None:
    """`session` read `what` ("profile", "orders", ...) of one customer."""
    with write_tx(engine) as conn:
        record(
            conn,
            action=CUSTOMER_READ,
            associate_id=session.associate_id,
            device_id=session.device_id,
            customer_id=customer_id,
            detail=what,
        )


def mutation_row(session: Session, *, name: str, args: dict[str, Any]) -> dict[str, Any] | None:
    """The audit row of an applied outbox mutation that names a customer (it changed that
    customer), for the caller to insert with the batch's other rows; None otherwise."""
    customer_id = args.get("customer_id")
    if customer_id is None and name.startswith("customer."):
        customer_id = args.get("id")
    if not isinstance(customer_id, str) or len(customer_id) > 64:
        return None
    return {
        "id": uuid7(),
        "at": iso(utc_now()),
        "action": name[:40],
        "associate_id": session.associate_id,
        "device_id": session.device_id[:64],
        "customer_id": customer_id,
        "detail": None,
    }
