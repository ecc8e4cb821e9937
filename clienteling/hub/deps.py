"""Typed FastAPI dependencies: the hub context and the signed-in session."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import HubContext, Session
from clienteling.hub.db import read_tx
from clienteling.hub.errors import ApiError
from clienteling.hub.passwords import token_hash
from clienteling.hub.tables import associates, sessions

_bearer = HTTPBearer(auto_error=False)


def get_hub(request: Request) -> HubContext:
    hub: HubContext = request.app.state.hub
    return hub


HubDep = Annotated[HubContext, Depends(get_hub)]


def get_session(
    hub: HubDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Session:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "sign in first (Authorization: Bearer <token>)")
    query = (
        sa.select(
            sessions.c.expires_at,
            sessions.c.device_id,
            associates.c.id,
            associates.c.username,
            associates.c.display_name,
            associates.c.role,
            associates.c.store_id,
        )
        .join(associates, associates.c.id == sessions.c.associate_id)
        .where(sessions.c.token_hash == token_hash(credentials.credentials))
    )
    with read_tx(hub.engine) as conn:
        row = conn.execute(query).first()
    if row is None:
        raise ApiError(401, "unauthorized", "unknown token: sign in again")
    if row.expires_at <= iso(utc_now()):
        raise ApiError(401, "session_expired", "the session has expired: sign in again")
    return Session(
        associate_id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        store_id=row.store_id,
        device_id=row.device_id,
    )


SessionDep = Annotated[Session, Depends(get_session)]
