"""Mailgun's inbound route (`forward("https://hub/api/v1/inbound/mailgun")`, the parsed
format) at `POST /api/v1/inbound/mailgun`.

Mailgun posts a form (urlencoded, or multipart when the email has attachments) with
`sender`, `from`, `recipient`, `subject`, `body-plain`, `stripped-text`, the MIME headers
(`Message-Id`, `In-Reply-To`, …, and all of them as JSON in `message-headers`), and a
signature: `signature` is the hex HMAC-SHA256, keyed with the webhook signing key, of
`timestamp` followed by `token`. The signature covers neither the body nor the URL, so
it only proves the request is Mailgun's if it is fresh (`mailgun_max_age_s` either side
of our clock) and its token is used once (`inbound_nonces`): a captured signature
replayed with another email is refused. The same token with the same Message-Id is
Mailgun retrying the same post, answered as the first time.

A route that forwards to a URL ending in "mime" posts the raw message instead, as
`body-mime` (with `sender`, `from`, `recipient`, `subject`, no `body-plain` and no
`message-headers`): its headers and text are read from the MIME. A bounce report
(RFC 3464 `multipart/report`) is judged from its delivery-status part, which the raw form
carries inline and the parsed form as an attachment (`Form.reports`); `body-plain` of a
parsed report is the relay's human notice, which seldom has the Status lines.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import hmac
import json
from datetime import datetime, timedelta
from email.message import EmailMessage

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.clock import iso
from clienteling.hub.db import insert_ignoring_conflicts
from clienteling.hub.delivery.dsn import report_of
from clienteling.hub.inbound_forms import Form
from clienteling.hub.replies import Inbound
from clienteling.hub.tables import inbound_nonces

PROVIDER = "mailgun"


class BadMailgunMessageError(ValueError):
    """A signed form that is not an inbound email (no sender)."""


def signature(signing_key: str, timestamp: str, token: str) -> str:
    """What Mailgun puts in `signature` for this timestamp and token."""
    return hmac.new(signing_key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()


def verify(signing_key: str, form: Form) -> bool:
    """True when the form's `signature` is Mailgun's for its `timestamp` and `token`."""
    given = form.get("signature").strip().lower()
    expected = signature(signing_key, form.get("timestamp"), form.get("token"))
    return bool(given) and hmac.compare_digest(expected.encode(), given.encode())


def is_fresh(form: Form, *, now: datetime, max_age_s: float) -> bool:
    """The signature's time is within `max_age_s` of ours (a replay is not)."""
    try:
        signed_at = float(form.get("timestamp"))
    except ValueError:
        return False
    return abs(now.timestamp() - signed_at) <= max_age_s


def claim_token(
    conn: Connection, form: Form, *, message_id: str, now: datetime, max_age_s: float
) -> bool:
    """Record the form's token as used for `message_id` (caller's write transaction);
    False when it was used before for another message: a replayed signature."""
    return claim_nonce(
        conn,
        provider=PROVIDER,
        token=form.get("token"),
        message_id=message_id,
        now=now,
        max_age_s=max_age_s,
    )


def claim_nonce(
    conn: Connection, *, provider: str, token: str, message_id: str, now: datetime, max_age_s: float
) -> bool:
    """`claim_token` for any signed Mailgun post (inbound emails, delivery events: each its
    own `provider` name). Tokens older than twice the freshness window are forgotten (a
    stale one is refused anyway)."""
    conn.execute(
        sa.delete(inbound_nonces).where(
            inbound_nonces.c.provider == provider,
            inbound_nonces.c.seen_at < iso(now - timedelta(seconds=2 * max_age_s)),
        )
    )
    token = token[:200]
    added = insert_ignoring_conflicts(
        conn,
        inbound_nonces,
        {"provider": provider, "nonce": token, "message_id": message_id, "seen_at": iso(now)},
    )
    if added:
        return True
    first = conn.execute(
        sa.select(inbound_nonces.c.message_id).where(
            inbound_nonces.c.provider == provider, inbound_nonces.c.nonce == token
        )
    ).scalar_one_or_none()
    return first == message_id


def _parsed_mime(raw: str) -> EmailMessage | None:
    """The raw message of a "mime" route."""
    if not raw:
        return None
    # From bytes: a string parse reads an 8bit UTF-8 body as ASCII (mojibake).
    parsed = email.message_from_bytes(
        raw.encode("utf-8", "surrogateescape"), policy=email.policy.default
    )
    return parsed if isinstance(parsed, EmailMessage) else None


def _mime_text(message: EmailMessage) -> str:
    """The message's plain text: its text/plain body (for a report, the relay's notice)."""
    try:
        part = message.get_body(preferencelist=("plain",))
        return "" if part is None else str(part.get_content())
    except (LookupError, ValueError):  # an unknown charset, a broken part
        return ""


def _header(form: Form, name: str, parsed: EmailMessage | None = None) -> str:
    """A MIME header: its own field, else from `message-headers` (a JSON list of pairs),
    else from the raw message (`body-mime`, `parsed` when the caller has parsed it)."""
    value = form.get_folded(name)
    if value:
        return value.strip()
    try:
        headers = json.loads(form.get("message-headers") or "[]")
    except ValueError:
        headers = []
    if isinstance(headers, list):
        for pair in headers:
            if isinstance(pair, list) and len(pair) == 2 and str(pair[0]).lower() == name.lower():
                return str(pair[1]).strip()
    message = parsed if parsed is not None else _parsed_mime(form.get("body-mime"))
    if message is not None:
        try:
            found = message.get(name)
        except (IndexError, ValueError):  # a header the parser cannot fold back
            return ""
        return "" if found is None else str(found).strip()
    return ""


def message_id(form: Form, parsed: EmailMessage | None = None) -> str:
    """The email's Message-Id; without one (rare, but legal), a digest of who sent what,
    the same for every retry of the same email."""
    found = _header(form, "Message-Id", parsed)
    if found:
        return found[:200]
    body = form.get("body-plain") or form.get("body-mime")
    parts = (form.get("sender"), form.get("recipient"), form.get("subject"), body)
    return "sha256:" + hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def to_inbound(form: Form) -> Inbound:
    """The email as `hub.replies` takes it: the person's From (the envelope sender may be
    a bounce address), the text without the quoted thread when Mailgun found it."""
    raw = form.get("body-mime")
    parsed = _parsed_mime(raw)
    sender = (form.get("from") or form.get("sender") or _header(form, "From", parsed)).strip()
    if not sender:
        raise BadMailgunMessageError("an inbound email names its sender")
    plain = form.get("body-plain") or ("" if parsed is None else _mime_text(parsed))
    text = form.get("stripped-text") or plain
    # The bounce report's delivery-status: the raw message holds it; the parsed form gives
    # it as an attachment.
    mime = raw or (report_of(form.reports) if form.reports else None)
    return Inbound(
        provider=PROVIDER,
        message_id=message_id(form, parsed),
        channel="email",
        sender=sender[:320],
        recipient=form.get("recipient").strip()[:320],
        text=text,
        in_reply_to=_header(form, "In-Reply-To", parsed)[:320] or None,
        mime=mime or None,
        full_text=plain or None,
    )
