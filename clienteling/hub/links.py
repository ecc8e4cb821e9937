"""Signed, unguessable links of follow-ups (`/f/…` landing, `/u/…` preferences, `/s/…`
survey).

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
import secrets
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.hub.tables import hub_meta

LinkKind = Literal["landing", "unsubscribe", "survey", "reserve"]
_SECRET_KEY = "link_secret"
PATHS: dict[LinkKind, str] = {"landing": "f", "unsubscribe": "u", "survey": "s", "reserve": "r"}


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
    return f"{base_url.rstrip('/')}/{PATHS[kind]}/{token}"


def looks_like_token(token: str) -> bool:
    """A cheap check before any lookup: 16-64 URL-safe characters (ours are 43; survey
    tokens registered by other parts through `hub.surveys` may be shorter or longer)."""
    return 16 <= len(token) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in token)
