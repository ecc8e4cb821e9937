"""SMS and WhatsApp through Twilio's Messages API, and what its status callbacks mean.

Send: `POST {api}/2010-04-01/Accounts/{sid}/Messages.json`, a form (`To`, `From`,
`Body`, `StatusCallback`), HTTP basic auth with the account sid and Auth Token; 201 and
the message's `sid` when Twilio accepted it. WhatsApp numbers are `whatsapp:+84…` on both
sides. Twilio's Messages API takes no idempotency key: the key of our attempt travels in
the `StatusCallback` URL (`?key=`), so every status Twilio reports later names the
attempt it is about, and exactly-once rests on the worker's prepare → send → complete
(an answer lost mid-way is `needs_check`, never a resend).

Status callbacks (`POST /api/v1/delivery/twilio/status?key=…`) are signed like
Twilio's inbound webhooks (`hub.inbound_twilio`); `MessageStatus` maps to our receipts:
delivered → delivered, read → read, undelivered → bounced, failed → failed; the
in-between states (queued, sending, sent, accepted) change nothing.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx

from clienteling.hub.delivery.providers import (
    NotSentError,
    OutcomeUnknownError,
    Outgoing,
    RecipientOptedOutError,
    RejectedError,
)
from clienteling.hub.delivery.receipts import Receipt

STATUS_PATH = "/api/v1/delivery/twilio/status"
OPTED_OUT = 21610  # "Attempt to send to unsubscribed recipient": it texted STOP to Twilio
_TIMEOUT_S = 20.0
_RECEIPTS: dict[str, Receipt] = {
    "delivered": "delivered",
    "read": "read",
    "undelivered": "bounced",
    "failed": "failed",
}


def receipt_of(message_status: str) -> Receipt | None:
    """Our receipt for Twilio's `MessageStatus`; None for a state on the way."""
    return _RECEIPTS.get(message_status.strip().lower())


def messages_url(api_url: str, account_sid: str) -> str:
    return f"{api_url.rstrip('/')}/2010-04-01/Accounts/{quote(account_sid, safe='')}/Messages.json"


def status_callback(public_url: str, key: str) -> str:
    return f"{public_url.rstrip('/')}{STATUS_PATH}?key={quote(key, safe='')}"


def _address(channel: str, number: str) -> str:
    if channel == "whatsapp" and not number.lower().startswith("whatsapp:"):
        return f"whatsapp:{number}"
    return number


def _refused(response: httpx.Response) -> RejectedError:
    """Twilio's error code and HTTP status (its message may quote the number: left out)."""
    try:
        code = response.json().get("code")
    except (ValueError, AttributeError):
        code = None
    text = f"Twilio refused the message ({response.status_code}, error {code or 'unknown'})"
    if code == OPTED_OUT:
        return RecipientOptedOutError(f"{text}: the customer opted out by replying STOP")
    return RejectedError(text)


def send(
    item: Outgoing,
    *,
    api_url: str,
    account_sid: str,
    auth_token: str,
    sender: str,
    status_callback_url: str | None,
    transport: httpx.BaseTransport | None = None,
) -> str:
    """Send one SMS or WhatsApp message; Twilio's message sid."""
    form = {
        "To": _address(item.channel, item.to),
        "From": _address(item.channel, sender),
        "Body": item.message.short,
    }
    if status_callback_url:
        form["StatusCallback"] = status_callback_url
    try:
        with httpx.Client(timeout=_TIMEOUT_S, transport=transport) as http:
            response = http.post(
                messages_url(api_url, account_sid), data=form, auth=(account_sid, auth_token)
            )
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        raise NotSentError(f"Twilio not reached: {type(exc).__name__}") from exc
    except httpx.HTTPError as exc:
        raise OutcomeUnknownError(f"Twilio connection lost: {type(exc).__name__}") from exc
    status = response.status_code
    if status in (401, 403):
        # Wrong credentials: nothing left; a person fixes the settings, later tries go out.
        raise NotSentError(f"Twilio refused the account sid or Auth Token ({status})")
    if status == 429:
        raise NotSentError("Twilio asked to retry later (429)")
    if status >= 500:
        raise OutcomeUnknownError(f"Twilio error {status}")
    if 400 <= status < 500:
        raise _refused(response)
    try:
        body = response.json()
        sid = str(body["sid"])
    except (ValueError, KeyError, TypeError) as exc:
        raise OutcomeUnknownError("Twilio accepted the request but named no message") from exc
    if str(body.get("status", "")).lower() in ("failed", "undelivered"):
        raise RejectedError(f"Twilio failed the message (error {body.get('error_code')})")
    return sid
