"""`POST /api/v1/sync/push` and `/pull` (DESIGN.md, Sync)."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from clienteling.hub.context import HubContext, Session
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, PushSessionDep, SessionDep
from clienteling.hub.errors import ApiError, check_protocol
from clienteling.hub.feed import BadCursorError, read_page
from clienteling.hub.long_poll import wait_for_change
from clienteling.hub.mutations import push as apply_push
from clienteling.hub.read_ahead import PageKey
from clienteling.hub.scope_check import check_scope
from clienteling.hub.tables import devices
from clienteling.protocol.models import (
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    ScopeCheckRequest,
    ScopeCheckResponse,
)

router = APIRouter(prefix="/api/v1/sync", tags=["sync"])


@router.post("/push")
def push(body: PushRequest, hub: HubDep, session: PushSessionDep) -> PushResponse:
    """Also a revoked device's final push (`hub.revocation`): applied, and answered
    with `device_revoked`."""
    check_protocol(body.protocol_version, hub.settings)
    answer = apply_push(hub.engine, session=session, request=body)
    if session.revoked:
        answer.device_revoked = True
    return answer


@router.post("/pull", response_model=PullResponse)
async def pull(body: PullRequest, request: Request, hub: HubDep, session: SessionDep) -> Response:
    """With `wait`, a caught-up pull waits for the scope to change (`hub.long_poll`) on
    the event loop; the page itself is read on the thread pool."""
    check_protocol(body.protocol_version, hub.settings)
    if body.device_id != session.device_id:
        raise ApiError(403, "device_mismatch", "the token was issued to another device")
    if not session.may_read_scope(body.scope):
        raise ApiError(403, "forbidden_scope", f"this sign-in may not read {body.scope!r}")
    if body.wait and not await wait_for_change(
        hub.engine,
        epoch=hub.epoch,
        scope=body.scope,
        cursor=body.cursor,
        wait_s=body.wait,
        gone=request.is_disconnected,
    ):
        return Response(status_code=204)  # the terminal hung up: nobody reads an answer
    return await run_in_threadpool(_pull_page, body, hub, session)


def _pull_page(body: PullRequest, hub: HubContext, session: Session) -> Response:
    """Serialised here, once, straight to bytes (`Page.to_json`): FastAPI would validate a
    snapshot page of thousands of rows against `PullResponse` again before encoding it."""
    ahead = hub.read_ahead
    with read_tx(hub.engine) as conn:
        page = None
        if ahead is not None and body.cursor is not None:
            page = ahead.take(conn, _key(body, body.cursor))
        if page is None:
            try:
                page = read_page(
                    conn,
                    epoch=hub.epoch,
                    scope=body.scope,
                    cursor=body.cursor,
                    limit=body.limit,
                    layout=body.layout,
                )
            except BadCursorError as exc:
                raise ApiError(400, "invalid_cursor", str(exc)) from exc
        last = conn.execute(
            sa.select(devices.c.last_mutation_id).where(devices.c.id == session.device_id)
        ).scalar_one_or_none()
    if ahead is not None and page.snapshot and page.has_more:
        ahead.prepare(_key(body, page.cursor))  # read while the terminal takes this one in
    encoded = page.to_json(last_mutation_id=int(last or 0))
    return Response(content=encoded, media_type="application/json")


def _key(body: PullRequest, cursor: str) -> PageKey:
    return PageKey(scope=body.scope, cursor=cursor, limit=body.limit, layout=body.layout)


@router.post("/check")
def check(body: ScopeCheckRequest, hub: HubDep, session: SessionDep) -> ScopeCheckResponse:
    """Per entity kind, the scope's row count and version sum, once the terminal's cursor
    is caught up (`hub.scope_check`); the terminal compares them with its own rows."""
    check_protocol(body.protocol_version, hub.settings)
    if body.device_id != session.device_id:
        raise ApiError(403, "device_mismatch", "the token was issued to another device")
    if not session.may_read_scope(body.scope):
        raise ApiError(403, "forbidden_scope", f"this sign-in may not read {body.scope!r}")
    with read_tx(hub.engine) as conn:
        try:
            return check_scope(conn, epoch=hub.epoch, scope=body.scope, cursor=body.cursor)
        except BadCursorError as exc:
            raise ApiError(400, "invalid_cursor", str(exc)) from exc
