"""Bounce reports a relay sent to an email's envelope sender (VERP, `hub.links.
bounce_address`), posted by the inbound-parse service to the same inbound hook as
replies. Such a message is never a customer's reply: a permanent failure gives the
attempt the `bounced` receipt (`receipts.record_receipt`, as Mailgun's events do), a
temporary one changes nothing, and one to an address we did not sign (forged, or of
another hub) is ignored. Each is kept once in `inbound_messages` (status `bounce:…`, out
of the admin's unmatched list): the same webhook again changes nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub import links
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.delivery import dsn
from clienteling.hub.delivery.receipts import record_receipt
from clienteling.hub.replies import Inbound
from clienteling.hub.tables import inbound_messages

log = logging.getLogger(__name__)
BounceResult = Literal["recorded", "temporary", "ignored"]
_PREFIX = "bounce:"
_AGAIN: dict[str, BounceResult] = {_PREFIX + r: r for r in ("recorded", "temporary", "ignored")}


@dataclass(frozen=True, slots=True)
class BounceOutcome:
    result: BounceResult
    duplicate: bool = False


def is_bounce(message: Inbound) -> bool:
    return message.channel == "email" and links.is_bounce_address(message.recipient)


def receive(conn: Connection, message: Inbound) -> BounceOutcome:
    """Judge and record one bounce report once (caller's write transaction)."""
    key = links.bounce_key(links.link_secret(conn), message.recipient)
    verdict = dsn.verdict(mime=message.mime, text=message.full_text or message.text)
    result: BounceResult
    if key is None:
        result = "ignored"
    elif verdict == "permanent":
        result = "recorded"
    else:
        result = "temporary" if verdict == "temporary" else "ignored"
    claimed = insert_ignoring_conflicts(
        conn,
        inbound_messages,
        {
            "provider": message.provider,
            "message_id": message.message_id,
            "channel": "email",
            "sender": message.sender[:320],
            "recipient": message.recipient[:320],
            "text": "",  # the report quotes the customer's address and message: not kept
            "received_at": message.received_at or iso(utc_now()),
            "status": _PREFIX + result,
            "reply_id": None,
            "customer_id": None,
        },
    )
    if not claimed:
        first = conn.execute(
            sa.select(inbound_messages.c.status).where(
                inbound_messages.c.provider == message.provider,
                inbound_messages.c.message_id == message.message_id,
            )
        ).scalar_one()
        return BounceOutcome(result=_AGAIN.get(str(first), "ignored"), duplicate=True)
    if key is None:
        log.warning("inbound %s: a bounce to an address we did not sign, ignored", message.provider)
    elif result == "recorded" and not record_receipt(conn, idempotency_key=key, receipt="bounced"):
        log.warning("inbound %s: a bounce of no known attempt, ignored", message.provider)
        result = "ignored"
        conn.execute(
            sa.update(inbound_messages)
            .where(
                inbound_messages.c.provider == message.provider,
                inbound_messages.c.message_id == message.message_id,
            )
            .values(status=_PREFIX + result)
        )
    elif verdict == "unknown":
        log.warning(
            "inbound %s: a message to a bounce address is no bounce report", message.provider
        )
    return BounceOutcome(result=result)
