"""`POST /api/v1/auth/sign-in`: password check, device registration, a short-lived token."""

from __future__ import annotations

import logging
from datetime import timedelta

import sqlalchemy as sa
from fastapi import APIRouter

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import insert_ignoring_conflicts, read_tx, write_tx
from clienteling.hub.deps import HubDep
from clienteling.hub.errors import ApiError, check_protocol
from clienteling.hub.passwords import new_token, token_hash, verify_password
from clienteling.hub.tables import associates, devices, locations, sessions
from clienteling.protocol.entities import CATALOG_SCOPE, store_scope
from clienteling.protocol.models import AssociateInfo, SignInRequest, SignInResponse, StoreInfo

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


@router.post("/sign-in")
def sign_in(body: SignInRequest, hub: HubDep) -> SignInResponse:
    check_protocol(body.protocol_version)
    if not body.device_id.strip():
        raise ApiError(422, "invalid_request", "device_id is empty")
    with read_tx(hub.engine) as conn:
        who = conn.execute(
            sa.select(associates).where(associates.c.username == body.username.strip())
        ).first()
        store = None
        if who is not None and who.store_id is not None:
            store = conn.execute(sa.select(locations).where(locations.c.id == who.store_id)).first()
    if not verify_password(who.password_hash if who else None, body.password) or who is None:
        log.info("sign-in refused for device %s", body.device_id)
        raise ApiError(401, "invalid_credentials", "wrong user name or password")

    token = new_token()
    now = utc_now()
    expires_at = iso(now + timedelta(hours=hub.settings.token_ttl_hours))
    with write_tx(hub.engine) as conn:
        # Two sign-ins of one new device at once: the second waits, then updates.
        added = insert_ignoring_conflicts(
            conn,
            devices,
            {
                "id": body.device_id,
                "store_id": who.store_id,
                "last_mutation_id": 0,
                "last_seen_at": iso(now),
            },
        )
        if not added:
            conn.execute(
                sa.update(devices)
                .where(devices.c.id == body.device_id)
                .values(store_id=who.store_id, last_seen_at=iso(now))
            )
        conn.execute(
            sa.insert(sessions).values(
                token_hash=token_hash(token),
                associate_id=who.id,
                device_id=body.device_id,
                created_at=iso(now),
                expires_at=expires_at,
            )
        )
    log.info("associate %s signed in on device %s", who.id, body.device_id)
    scopes = [CATALOG_SCOPE] + ([store_scope(who.store_id)] if who.store_id else [])
    return SignInResponse(
        token=token,
        expires_at=expires_at,
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
