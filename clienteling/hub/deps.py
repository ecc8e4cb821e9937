"""Typed FastAPI dependencies: the hub context and the signed-in session."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from clienteling.hub import revocation
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.context import HubContext, Session
from clienteling.hub.db import read_now
from clienteling.hub.errors import ApiError
from clienteling.hub.passwords import token_hash
from clienteling.hub.tables import associates, device_revocations, sessions
from clienteling.protocol.entities import store_scope

_bearer = HTTPBearer(auto_error=False)

IdPath = Annotated[str, Path(min_length=1, max_length=64, description="A UUID (or an id).")]


def get_hub(request: Request) -> HubContext:
    hub: HubContext = request.app.state.hub
    return hub


HubDep = Annotated[HubContext, Depends(get_hub)]


def _session(
    hub: HubContext,
    credentials: HTTPAuthorizationCredentials | None,
    *,
    final_push: bool,
) -> Session:
    """The session behind the bearer token; a revoked device's is refused (telling it
    what to do), except for its final push (`hub.revocation`)."""
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
            device_revocations.c.revoked_at,
        )
        .join(associates, associates.c.id == sessions.c.associate_id)
        .outerjoin(device_revocations, device_revocations.c.device_id == sessions.c.device_id)
        .where(sessions.c.token_hash == token_hash(credentials.credentials))
    )
    with read_now(hub.engine) as conn:  # one statement: no transaction needed
        row = conn.execute(query).first()
        if row is None:
            raise ApiError(401, "unauthorized", "unknown token: sign in again")
        revoked = row.revoked_at is not None
        if revoked and not (
            final_push
            and revocation.final_push_open(
                conn, device_id=row.device_id, revoked_at=row.revoked_at, settings=hub.settings
            )
        ):
            raise revocation.refused(
                conn, device_id=row.device_id, revoked_at=row.revoked_at, settings=hub.settings
            )
    # A revoked device's token is never refreshed again: its final push may come late.
    if not revoked and row.expires_at <= iso(utc_now()):
        raise ApiError(401, "session_expired", "the session has expired: sign in again")
    return Session(
        associate_id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=row.role,
        store_id=row.store_id,
        device_id=row.device_id,
        revoked=revoked,
    )


def get_session(
    hub: HubDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Session:
    return _session(hub, credentials, final_push=False)


def get_push_session(
    hub: HubDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Session:
    """`get_session`, but a revoked device may still push what it owes (`revoked`)."""
    return _session(hub, credentials, final_push=True)


SessionDep = Annotated[Session, Depends(get_session)]
PushSessionDep = Annotated[Session, Depends(get_push_session)]


def require_admin(session: SessionDep) -> Session:
    if not session.is_admin:
        raise ApiError(403, "forbidden_role", "only an administrator may do this")
    return session


AdminDep = Annotated[Session, Depends(require_admin)]


def require_store(session: Session, store_id: str) -> None:
    """A store's own lists (its orders, staff, devices): 403 for another store's. Stores
    themselves are no secret (every terminal has them in its catalog)."""
    if not session.may_see_store(store_id):
        raise ApiError(403, "forbidden_store", "this sign-in may not read another store")


def store_scope_filter(
    session: Session, store_id: str | None, scope_column: sa.ColumnElement[str]
) -> sa.ColumnElement[bool]:
    """Rows of the store scopes the caller may read: `store_id`'s only when given (403
    for another store's), else every store scope visible to the caller."""
    scopes = session.visible_scopes()
    if store_id is not None:
        require_store(session, store_id)
        scopes = [store_scope(store_id)]
    return sa.true() if scopes is None else scope_column.in_(scopes)


def client_address(request: Request) -> str:
    """The caller's address as the hub sees it (behind a proxy: configure uvicorn's
    --forwarded-allow-ips so this is the client's, not the proxy's)."""
    return request.client.host if request.client else "unknown"
