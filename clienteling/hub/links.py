"""Signed, unguessable links of follow-ups (`/f/…` landing, `/u/…` preferences, `/s/…`
survey, `/r/…` reserve, `/o/….gif` the email's open pixel), and the reply token of the
email's Reply-To address (`reply_address`), and the bounce token of its envelope sender
(`bounce_address`: VERP, a relay's bounce report comes back naming the attempt).

A token is base64url(HMAC-SHA256(secret, "<kind>:<follow-up id>")): 43 characters
(`domain.followup_templates.LINK_TOKEN_LENGTH`, so previews have the real length),
deterministic, so queueing the same follow-up twice makes the same links, and impossible
to forge or guess without the secret. Tokens are also stored (`followup_links`,
`survey_links`), so a page finds its follow-up by primary key and a leaked secret alone
opens nothing that was never sent.

The secret is the hub's (`hub_meta.link_secret`): `CLIENTELING_LINK_SECRET` when set
(several hubs on one database must share it), otherwise made once at random.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from email.utils import parseaddr
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.tables import hub_meta

LinkKind = Literal["landing", "unsubscribe", "survey", "reserve", "open"]
_SECRET_KEY = "link_secret"
PATHS: dict[LinkKind, str] = {
    "landing": "f",
    "unsubscribe": "u",
    "survey": "s",
    "reserve": "r",
    "open": "o",
}
REPLY_TOKEN_LENGTH = 32


def install_secret(conn: Connection, configured: str | None) -> None:
    """Keep the configured secret, or make one at random when there is none yet."""
    current = conn.execute(
        sa.select(hub_meta.c.value).where(hub_meta.c.key == _SECRET_KEY)
    ).scalar_one_or_none()
    wanted = configured or current or secrets.token_urlsafe(32)
    if current is None:
        conn.execute(sa.insert(hub_meta).values(key=_SECRET_KEY, value=wanted))
    elif current != wanted:
        conn.execute(sa.update(hub_meta).where(hub_meta.c.key == _SECRET_KEY).values(value=wanted))


def link_secret(conn: Connection) -> str:
    value = conn.execute(
        sa.select(hub_meta.c.value).where(hub_meta.c.key == _SECRET_KEY)
    ).scalar_one_or_none()
    if value is None:  # a database migrated by a hub that never started: make it now
        install_secret(conn, None)
        return link_secret(conn)
    return str(value)


def make_token(secret: str, kind: LinkKind, subject_id: str) -> str:
    digest = hmac.new(secret.encode(), f"{kind}:{subject_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def url(base_url: str, kind: LinkKind, token: str) -> str:
    suffix = ".gif" if kind == "open" else ""
    return f"{base_url.rstrip('/')}/{PATHS[kind]}/{token}{suffix}"


def make_reply_token(secret: str, followup_id: str) -> str:
    """The token of a follow-up's Reply-To address: lower-case base32 (160 bits), since
    mail systems may change the case of an address's local part."""
    digest = hmac.new(secret.encode(), f"reply:{followup_id}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:20]).decode().lower()


def reply_address(mail_from: str, token: str, reply_domain: str | None) -> str:
    """`reply+<token>@<reply_domain>`, or, without a reply domain, the sender's own
    address with `+<token>` (plus addressing, which inbound-parse services keep)."""
    address = parseaddr(mail_from)[1] or "no-reply@clienteling.local"
    local, _, domain = address.rpartition("@")
    if reply_domain:
        return f"reply+{token}@{reply_domain}"
    return f"{local.split('+', 1)[0]}+{token}@{domain}"


def make_bounce_token(secret: str, idempotency_key: str) -> str:
    """`<key as 32 hex>.<120-bit HMAC, lower-case base32>`: names the delivery attempt and
    cannot be forged without the secret; 57 characters, so `bounce+<token>` fits the 64
    of an address's local part. Lower case only, as for the reply token."""
    key = idempotency_key.replace("-", "").lower()
    digest = hmac.new(secret.encode(), f"bounce:{key}".encode(), hashlib.sha256).digest()
    return f"{key}.{base64.b32encode(digest[:15]).decode().lower()}"


def bounce_address(token: str, reply_domain: str) -> str:
    """The envelope sender (MAIL FROM) of an email: where the relay sends its bounce."""
    return f"bounce+{token}@{reply_domain}"


_BOUNCE_TOKEN = re.compile(r"\+([0-9a-f]{32})\.([a-z2-7]{24})@")


def is_bounce_address(address: str) -> bool:
    """The address has the shape of a bounce address (a forged one too): never a reply."""
    return _BOUNCE_TOKEN.search(address.lower()) is not None


def bounce_key(secret: str, address: str) -> str | None:
    """The idempotency key a bounce address names, when its HMAC is ours; else None."""
    found = _BOUNCE_TOKEN.search(address.lower())
    if found is None:
        return None
    key = found.group(1)
    if not hmac.compare_digest(make_bounce_token(secret, key), f"{key}.{found.group(2)}"):
        return None
    return f"{key[:8]}-{key[8:12]}-{key[12:16]}-{key[16:20]}-{key[20:]}"


_REPLY_TOKEN = re.compile(rf"\+([a-z2-7]{{{REPLY_TOKEN_LENGTH}}})@")


def reply_token_in(address: str) -> str | None:
    """The reply token an inbound email was sent to (`…+<token>@…`), if any."""
    found = _REPLY_TOKEN.search(address.lower())
    return found.group(1) if found else None


def looks_like_token(token: str) -> bool:
    """A cheap check before any lookup: 16-64 URL-safe characters (ours are 43; survey
    tokens registered by other parts through `hub.surveys` may be shorter or longer)."""
    return 16 <= len(token) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in token)
