"""Sign-in and token refresh.

`POST /api/v1/auth/sign-in`: password check (argon2), device registration, a short-lived
access token and a single-use refresh token (both random, stored only as hashes).
`POST /api/v1/auth/refresh`: a refresh token buys a new pair; a refresh token presented a
second time was copied, so every token of that device is dropped. Failed sign-ins are
rate limited per user name and per client address (`hub.ratelimit`). An enrolled
terminal presents its device secret at sign-in (`hub.enrollment`).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from fastapi import APIRouter, Request
from sqlalchemy.engine import Connection

from clienteling.hub import audit, enrollment, ratelimit, revocation
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import HubContext
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.deps import HubDep, client_address
from clienteling.hub.errors import ApiError, check_protocol
from clienteling.hub.passwords import new_token, token_hash, verify_password
from clienteling.hub.tables import (
    associates,
    device_revocations,
    devices,
    locations,
    refresh_tokens,
    sessions,
)
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope
from clienteling.protocol.models import (
    AssociateInfo,
    ErrorBody,
    RefreshRequest,
    RefreshResponse,
    SignInRequest,
    SignInResponse,
    StoreInfo,
)

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/auth", tags=["auth"])

_SIGN_IN_ERRORS: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody, "description": "Wrong user name or password."},
    403: {
        "model": ErrorBody,
        "description": "This device was revoked (`device_revoked`), its enrollment is not "
        "valid (`device_secret_invalid`, `device_not_enrolled`) or it belongs to another "
        "store (`wrong_store`).",
    },
    429: {"model": ErrorBody, "description": "Too many failed attempts; see Retry-After."},
}


def _revoked_at(conn: Connection, device_id: str) -> str | None:
    query = sa.select(device_revocations.c.revoked_at).where(
        device_revocations.c.device_id == device_id
    )
    value = conn.execute(query).scalar_one_or_none()
    return str(value) if value is not None else None


def _revoked(conn: Connection, device_id: str) -> bool:
    return _revoked_at(conn, device_id) is not None


def _issue(
    conn: Connection, hub: HubContext, *, associate_id: str, device_id: str, now: datetime
) -> RefreshResponse:
    """A new access token and refresh token for (associate, device)."""
    settings = hub.settings
    token, refresh = new_token(), new_token()
    expires_at = iso(now + timedelta(minutes=settings.access_token_ttl_minutes))
    refresh_expires_at = iso(now + timedelta(days=settings.refresh_token_ttl_days))
    # A terminal signs in and refreshes for months: drop what can never be used again.
    conn.execute(
        sa.delete(sessions).where(
            sessions.c.device_id == device_id, sessions.c.expires_at <= iso(now)
        )
    )
    conn.execute(
        sa.delete(refresh_tokens).where(
            refresh_tokens.c.device_id == device_id,
            sa.or_(
                refresh_tokens.c.expires_at <= iso(now),
                # Kept a day after use, so a copy presented again is recognised as one.
                refresh_tokens.c.used_at <= iso(now - timedelta(days=1)),
            ),
        )
    )
    conn.execute(
        sa.insert(sessions).values(
            token_hash=token_hash(token),
            associate_id=associate_id,
            device_id=device_id,
            created_at=iso(now),
            expires_at=expires_at,
        )
    )
    conn.execute(
        sa.insert(refresh_tokens).values(
            token_hash=token_hash(refresh),
            associate_id=associate_id,
            device_id=device_id,
            created_at=iso(now),
            expires_at=refresh_expires_at,
            used_at=None,
        )
    )
    return RefreshResponse(
        token=token,
        expires_at=expires_at,
        refresh_token=refresh,
        refresh_expires_at=refresh_expires_at,
    )


def _check_rate(hub: HubContext, *, keys: dict[str, int], now: datetime) -> None:
    window = timedelta(seconds=hub.settings.sign_in_window_s)
    with read_tx(hub.engine) as conn:
        wait = ratelimit.retry_after(conn, limits=keys, now=now, window=window)
    if wait is not None:
        raise ApiError(
            429,
            "too_many_attempts",
            f"too many failed sign-ins: wait {wait} seconds, then try again",
            detail={"retry_after": wait},
            headers={"Retry-After": str(wait)},
        )


@router.post("/sign-in", responses=_SIGN_IN_ERRORS)
def sign_in(body: SignInRequest, request: Request, hub: HubDep) -> SignInResponse:
    check_protocol(body.protocol_version, hub.settings)
    if not body.device_id.strip():
        raise ApiError(422, "invalid_request", "device_id is empty")
    settings = hub.settings
    now = utc_now()
    user_key = ratelimit.user_key(body.username)
    address_key = ratelimit.address_key(client_address(request))
    _check_rate(
        hub,
        keys={
            user_key: settings.sign_in_max_failures_per_user,
            address_key: settings.sign_in_max_failures_per_address,
        },
        now=now,
    )
    with read_tx(hub.engine) as conn:
        who = conn.execute(
            sa.select(associates).where(associates.c.username == body.username.strip())
        ).first()
        store = None
        if who is not None and who.store_id is not None:
            store = conn.execute(sa.select(locations).where(locations.c.id == who.store_id)).first()
        revoked = _revoked(conn, body.device_id)
    if not verify_password(who.password_hash if who else None, body.password) or who is None:
        with write_tx(hub.engine) as conn:
            ratelimit.record_failure(
                conn,
                keys=[user_key, address_key],
                now=now,
                window=timedelta(seconds=settings.sign_in_window_s),
            )
            audit.record(
                conn,
                action=audit.SIGN_IN_REFUSED,
                associate_id=who.id if who else None,
                device_id=body.device_id,
            )
        log.info("sign-in refused for device %s", body.device_id)
        raise ApiError(401, "invalid_credentials", "wrong user name or password")
    if revoked:
        log.warning("sign-in on revoked device %s refused", body.device_id)
        raise ApiError(
            403,
            "device_revoked",
            "an administrator revoked this terminal: ask them to enroll it again",
        )

    with write_tx(hub.engine) as conn:
        # An enrolled terminal presents its secret and keeps its store (`hub.enrollment`).
        enrolled_store = enrollment.check_sign_in(
            conn,
            settings,
            device_id=body.device_id,
            device_secret=body.device_secret,
            role=who.role,
            store_id=who.store_id,
        )
        device_store = enrolled_store or who.store_id
        # Two sign-ins of one new device at once: the second waits, then updates.
        added = insert_ignoring_conflicts(
            conn,
            devices,
            {
                "id": body.device_id,
                "store_id": device_store,
                "last_mutation_id": 0,
                "last_seen_at": iso(now),
            },
        )
        if not added:
            conn.execute(
                sa.update(devices)
                .where(devices.c.id == body.device_id)
                .values(store_id=device_store, last_seen_at=iso(now))
            )
        tokens = _issue(conn, hub, associate_id=who.id, device_id=body.device_id, now=now)
        ratelimit.clear(conn, user_key)
        audit.record(conn, action=audit.SIGN_IN, associate_id=who.id, device_id=body.device_id)
    log.info("associate %s signed in on device %s", who.id, body.device_id)
    scopes = [CATALOG_SCOPE] + ([store_scope(who.store_id)] if who.store_id else [])
    return SignInResponse(
        token=tokens.token,
        expires_at=tokens.expires_at,
        refresh_token=tokens.refresh_token,
        refresh_expires_at=tokens.refresh_expires_at,
        associate=AssociateInfo(
            id=who.id,
            username=who.username,
            display_name=who.display_name,
            role=who.role,
            store_id=who.store_id,
        ),
        store=StoreInfo(
            id=store.id, name=store.name, timezone=store.timezone, currency=store.currency
        )
        if store is not None
        else None,
        scopes=scopes,
    )


@router.post(
    "/refresh",
    responses={401: {"model": ErrorBody, "description": "Sign in again (see `code`)."}},
)
def refresh(body: RefreshRequest, hub: HubDep) -> RefreshResponse:
    """Trade a refresh token for a new access token and a new refresh token."""
    check_protocol(body.protocol_version, hub.settings)
    now = utc_now()
    refused: ApiError | None = None
    with write_tx(hub.engine) as conn:
        row = conn.execute(
            sa.select(refresh_tokens)
            .where(refresh_tokens.c.token_hash == token_hash(body.refresh_token))
            .with_for_update()
        ).first()
        if row is None or row.device_id != body.device_id:
            refused = ApiError(401, "invalid_refresh_token", "unknown refresh token: sign in again")
        elif (revoked_at := _revoked_at(conn, row.device_id)) is not None:
            refused = revocation.refused(
                conn, device_id=row.device_id, revoked_at=revoked_at, settings=hub.settings
            )
        elif row.used_at is not None:
            # Used twice: someone holds a copy. Drop every token of the device (committed).
            conn.execute(sa.delete(sessions).where(sessions.c.device_id == row.device_id))
            conn.execute(
                sa.delete(refresh_tokens).where(refresh_tokens.c.device_id == row.device_id)
            )
            log.warning("refresh token reused on device %s: its tokens dropped", row.device_id)
            refused = ApiError(
                401, "refresh_reused", "this sign-in was used elsewhere: sign in again"
            )
        elif row.expires_at <= iso(now):
            refused = ApiError(401, "session_expired", "the sign-in has expired: sign in again")
        else:
            conn.execute(
                sa.update(refresh_tokens)
                .where(refresh_tokens.c.token_hash == row.token_hash)
                .values(used_at=iso(now))
            )
            tokens = _issue(
                conn, hub, associate_id=row.associate_id, device_id=row.device_id, now=now
            )
            audit.record(
                conn,
                action=audit.TOKEN_REFRESH,
                associate_id=row.associate_id,
                device_id=row.device_id,
            )
    if refused is not None:
        raise refused
    return tokens
