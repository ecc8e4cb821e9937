"""Mailgun's delivery events for the emails the worker sent through it over SMTP: its
webhooks post JSON `{"signature": {"timestamp", "token", "signature"}, "event-data":
{"event", "severity", "message": {"headers": {"message-id"}}}}`, signed like its
inbound routes (`hub.inbound_mailgun`: hex HMAC-SHA256 of timestamp + token with the
webhook signing key). The email is named by its Message-ID, which the worker recorded
as the attempt's provider id.

Events map to our receipts: delivered → delivered, opened → read, a permanent failure
(a bounce, a refused address) → bounced; a temporary failure changes nothing (Mailgun
tries again and reports the outcome).
"""

from __future__ import annotations

import hmac
from typing import Any

from clienteling.hub.delivery.receipts import Receipt
from clienteling.hub.inbound_mailgun import signature

PROVIDER = "mailgun-events"  # its own nonces: an inbound email's token is another's


def verify(signing_key: str, signed: dict[str, Any]) -> bool:
    given = str(signed.get("signature", "")).strip().lower()
    expected = signature(signing_key, str(signed.get("timestamp", "")), token(signed))
    return bool(given) and hmac.compare_digest(expected.encode(), given.encode())


def token(signed: dict[str, Any]) -> str:
    return str(signed.get("token", ""))


def receipt_of(event: dict[str, Any]) -> Receipt | None:
    kind = str(event.get("event", "")).lower()
    if kind == "delivered":
        return "delivered"
    if kind == "opened":
        return "read"
    if kind == "failed" and str(event.get("severity", "")).lower() == "permanent":
        return "bounced"
    return None


def message_id(event: dict[str, Any]) -> str | None:
    """The Message-ID as the worker recorded it (with its angle brackets)."""
    message = event.get("message")
    headers = message.get("headers") if isinstance(message, dict) else None
    found = headers.get("message-id") if isinstance(headers, dict) else None
    if not isinstance(found, str) or not found.strip():
        return None
    return "<" + found.strip().strip("<>")[:196] + ">"
