"""Twilio's inbound SMS and WhatsApp webhooks (`POST /api/v1/inbound/twilio`).

Twilio posts a form (`From`, `To`, `Body`, `MessageSid`, …; WhatsApp numbers as
`whatsapp:+84…`) and signs it in `X-Twilio-Signature`: base64 of HMAC-SHA1, keyed with
the account's Auth Token, over the full URL it called followed by every POST parameter
sorted by name, each as name + value with no separator (a repeated name: its values in
sorted order). Twilio's own helper libraries also accept the URL with the default port
added or removed, as proxies and Twilio differ on that; so do we. The answer is empty
TwiML: we reply from the delivery worker, never in the webhook's response.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from fastapi import Request

from clienteling.hub.inbound_forms import Form
from clienteling.hub.replies import Inbound

SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
_DEFAULT_PORTS = {"https": 443, "http": 80}


class BadTwilioMessageError(ValueError):
    """A signed form that is not an inbound message (no MessageSid or From)."""


def signature(auth_token: str, url: str, fields: list[tuple[str, str]]) -> str:
    """What Twilio puts in `X-Twilio-Signature` for this URL and these POST fields."""
    signed = url
    for name in sorted({n for n, _ in fields}):
        for value in sorted(v for n, v in fields if n == name):
            signed += name + value
    digest = hmac.new(auth_token.encode(), signed.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def url_variants(url: str) -> list[str]:
    """`url` as called, without its default port, and with it."""
    parts = urlsplit(url)
    default = _DEFAULT_PORTS.get(parts.scheme)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    userinfo = parts.netloc.rpartition("@")[0]
    prefix = f"{userinfo}@" if userinfo else ""
    variants = [url]
    if default is None:
        return variants
    bare = urlunsplit(parts._replace(netloc=f"{prefix}{host}"))
    with_port = urlunsplit(parts._replace(netloc=f"{prefix}{host}:{parts.port or default}"))
    for candidate in (bare, with_port):
        if candidate not in variants:
            variants.append(candidate)
    return variants


def verify(auth_token: str, header: str | None, urls: list[str], form: Form) -> bool:
    """True when `header` is Twilio's signature of the form at one of `urls`."""
    if not header:
        return False
    given = header.strip().encode()
    found = False
    for url in dict.fromkeys(v for u in urls for v in url_variants(u)):
        expected = signature(auth_token, url, form.fields).encode()
        found |= hmac.compare_digest(expected, given)  # every variant: constant work
    return found


def candidate_urls(
    *, configured: str | None, public_url: str | None, path: str, seen: str
) -> list[str]:
    """The URLs Twilio may have signed: the one configured (setting), else the public base
    with this path, and always the URL as the request arrived."""
    seen_parts = urlsplit(seen)
    urls: list[str] = []
    if configured:
        urls.append(configured)
    elif public_url:
        query = f"?{seen_parts.query}" if seen_parts.query else ""
        urls.append(public_url.rstrip("/") + path + query)
    urls.append(seen)
    return urls


def request_verifier(
    request: Request, *, configured: str | None, public_url: str | None
) -> Callable[[str, Form], bool]:
    """`verify` for `routes.webhooks.signed_form`: the request's signature over the URLs
    Twilio may have called (`candidate_urls`)."""
    urls = candidate_urls(
        configured=configured, public_url=public_url, path=request.url.path, seen=str(request.url)
    )
    header = request.headers.get(SIGNATURE_HEADER)
    return lambda token, form: verify(token, header, urls, form)


def to_inbound(form: Form) -> Inbound:
    """The message as `hub.replies` takes it; WhatsApp by the `whatsapp:` address."""
    sid = form.get("MessageSid") or form.get("SmsMessageSid") or form.get("SmsSid")
    sender = form.get("From").strip()
    if not sid or not sender:
        raise BadTwilioMessageError("an inbound message names its MessageSid and From")
    whatsapp = sender.lower().startswith("whatsapp:")
    return Inbound(
        provider="twilio",
        message_id=sid.strip()[:200],
        channel="whatsapp" if whatsapp else "sms",
        sender=sender[:320],
        recipient=form.get("To").strip()[:320],
        text=form.get("Body"),
        # WhatsApp names the message a customer answered with "reply" (the message's sid,
        # as our send returned it); SMS has no such thing and matches by the number.
        in_reply_to=form.get("OriginalRepliedMessageSid").strip()[:320] or None,
    )
