"""Talking to the outside: SMTP for email, an HTTP provider for SMS and WhatsApp.

Every failure says whether the message may have left: `NotSentError` (we never reached
the provider: safe to try again later), `RejectedError` (the provider said no, for good),
`OutcomeUnknownError` (it may have been accepted: a person must check).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote, urlsplit

import httpx

from clienteling.domain.followup_templates import RenderedMessage

_TIMEOUT_S = 20.0


class DeliveryError(Exception):
    """Base: the message did not (certainly) go out; the text holds no customer data."""


class NotSentError(DeliveryError):
    """Nothing left: the provider was not reached."""


class RejectedError(DeliveryError):
    """The provider refused the message for good (bad address, refused recipient)."""


class RecipientOptedOutError(RejectedError):
    """The provider keeps the recipient's opt-out (an SMS "STOP" it handled itself): the
    hub records it as the customer's, so nothing is queued for that channel again."""


class OutcomeUnknownError(DeliveryError):
    """The provider may have accepted it (cut mid-way, timeout after sending)."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    channel: str
    to: str
    message: RenderedMessage
    idempotency_key: str
    unsubscribe_url: str | None = None
    reply_to: str | None = None  # the follow-up's reply address (`hub.links.reply_address`)
    # The envelope sender (MAIL FROM) naming this attempt (`hub.links.bounce_address`), so
    # a relay's bounce report reaches the inbound hook; None: the From address.
    envelope_from: str | None = None


def build_email(item: Outgoing, *, mail_from: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = mail_from
    mail["To"] = item.to
    mail["Subject"] = item.message.subject
    # The idempotency key as Message-ID: a duplicate, should one ever leave, is recognisable.
    domain = mail_from.rsplit("@", 1)[-1].strip("> ") or "clienteling.local"
    mail["Message-ID"] = make_msgid(idstring=item.idempotency_key, domain=domain)
    mail["X-Clienteling-Idempotency-Key"] = item.idempotency_key
    if item.reply_to:
        # A reply lands at the inbound-parse service, which posts it to the hub (hub.replies).
        mail["Reply-To"] = item.reply_to
    if item.unsubscribe_url:
        # One-click unsubscribe in the mail client (RFC 8058): POSTs to the preferences page.
        mail["List-Unsubscribe"] = f"<{item.unsubscribe_url}>"
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(item.message.text)
    mail.add_alternative(item.message.html, subtype="html")
    return mail


def send_email(item: Outgoing, *, smtp_url: str, mail_from: str) -> str:
    """Send over SMTP; returns the Message-ID."""
    parts = urlsplit(smtp_url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise NotSentError("CLIENTELING_SMTP_URL must look like smtp://host:port")
    mail = build_email(item, mail_from=mail_from)
    port = parts.port or (465 if parts.scheme == "smtps" else 25)
    try:
        if parts.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                parts.hostname, port, timeout=_TIMEOUT_S, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(parts.hostname, port, timeout=_TIMEOUT_S)
    except (OSError, smtplib.SMTPException) as exc:
        raise NotSentError(f"SMTP server not reached: {type(exc).__name__}") from exc
    try:
        with client:
            if parts.username:
                client.login(unquote(parts.username), unquote(parts.password or ""))
            client.send_message(mail, from_addr=item.envelope_from)
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as exc:
        raise RejectedError(f"SMTP refused the message: {type(exc).__name__}") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise NotSentError("SMTP sign-in refused") from exc
    except smtplib.SMTPDataError as exc:
        if 500 <= exc.smtp_code < 600:
            raise RejectedError(f"SMTP refused the message ({exc.smtp_code})") from exc
        raise NotSentError(f"SMTP deferred the message ({exc.smtp_code})") from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise OutcomeUnknownError(f"SMTP connection lost: {type(exc).__name__}") from exc
    return str(mail["Message-ID"])


def send_text(
    item: Outgoing, *, url: str, token: str | None, transport: httpx.BaseTransport | None = None
) -> str:
    """POST the short text to the provider with the idempotency key; the provider's id."""
    headers = {"Idempotency-Key": item.idempotency_key}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = {"channel": item.channel, "to": item.to, "text": item.message.short}
    try:
        with httpx.Client(timeout=_TIMEOUT_S, transport=transport) as http:
            response = http.post(url, json=body, headers=headers)
    except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
        raise NotSentError(f"provider not reached: {type(exc).__name__}") from exc
    except httpx.HTTPError as exc:
        raise OutcomeUnknownError(f"provider connection lost: {type(exc).__name__}") from exc
    if 400 <= response.status_code < 500 and response.status_code not in (408, 429):
        raise RejectedError(f"provider refused the message ({response.status_code})")
    if response.status_code in (408, 429):
        raise NotSentError(f"provider asked to retry later ({response.status_code})")
    if response.status_code >= 500:
        raise OutcomeUnknownError(f"provider error {response.status_code}")
    try:
        return str(response.json()["id"])
    except (ValueError, KeyError, TypeError):
        return ""
