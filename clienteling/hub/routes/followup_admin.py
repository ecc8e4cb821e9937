"""`GET /api/v1/followups/needs-check`: the follow-ups whose sending was interrupted, for
a manager to check with the provider (oldest first, with when and by which worker the
send was prepared). Keyset-paged, but the body stays a plain list (terminals from before
paging read one): the following page's `next` token comes in the `Next-Page` header.
`POST /api/v1/followups/{id}/resolve`: a manager settles one (`needs_check`) after
asking the provider: `{"outcome": "sent"}` (it did go out) or `{"outcome": "not_sent"}`
(it did not: the follow-up ends `failed`, and the associate may queue a new one). Never
a blind resend from here."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from clienteling.hub import followups as status
from clienteling.hub import pagination
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import HubDep, SessionDep, store_scope_filter
from clienteling.hub.errors import ApiError
from clienteling.hub.pagination import NextQuery
from clienteling.hub.tables import delivery_attempts, followups
from clienteling.protocol.followup_checks import (
    NEXT_PAGE_HEADER,
    FollowupSettled,
    FollowupToCheck,
    SettleRequest,
)

router = APIRouter(prefix="/api/v1/followups", tags=["follow-ups"])

_KEYSET = pagination.Keyset("followups-needs-check", (followups.c.updated_at, followups.c.id))
_NEXT_DOC = {
    NEXT_PAGE_HEADER: {
        "description": "Pass as `next` for the following page; absent on the last page.",
        "schema": {"type": "string"},
    }
}


def _require_manager(role: str) -> None:
    if role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "only a manager can settle an interrupted sending")


@router.get(
    "/needs-check",
    summary="Follow-ups whose sending needs a person to check",
    responses={200: {"headers": _NEXT_DOC}},
)
def needs_check(
    hub: HubDep,
    session: SessionDep,
    response: Response,
    store_id: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=pagination.MAX_LIMIT)] = 100,
    next: NextQuery = None,
) -> list[FollowupToCheck]:
    """Oldest first; at most `limit`, the rest after the `Next-Page` header's token."""
    _require_manager(session.role)
    attempt = (
        sa.select(
            delivery_attempts.c.followup_id,
            delivery_attempts.c.prepared_at,
            delivery_attempts.c.worker,
            delivery_attempts.c.provider_id,
        )
        .where(delivery_attempts.c.state == "unknown")
        .subquery()
    )
    query = (
        sa.select(followups, attempt.c.prepared_at, attempt.c.worker, attempt.c.provider_id)
        .outerjoin(attempt, attempt.c.followup_id == followups.c.id)
        .where(
            followups.c.status == "needs_check",
            store_scope_filter(session, store_id, followups.c.scope),
        )
    )
    with read_tx(hub.engine) as conn:
        rows, token = pagination.fetch(conn, query, _KEYSET, limit=limit, next=next)
    if token is not None:
        response.headers[NEXT_PAGE_HEADER] = token
    return [
        FollowupToCheck(
            id=r.id,
            customer_id=r.customer_id,
            store_id=r.store_id,
            associate_id=r.associate_id,
            associate_name=r.associate_name,
            channel=r.channel,
            template=r.template,
            reason=r.status_reason,
            since=r.updated_at,
            prepared_at=r.prepared_at,
            worker=r.worker,
            provider_id=r.provider_id,
        )
        for r in rows
    ]


@router.post("/{followup_id}/resolve", summary="Settle a follow-up that needs a check")
async def resolve(
    followup_id: str, body: SettleRequest, hub: HubDep, session: SessionDep
) -> FollowupSettled:
    _require_manager(session.role)

    def apply() -> FollowupSettled:
        with write_tx(hub.engine) as conn:
            row = status.load(conn, followup_id, lock=True)
            if row is None or not session.may_read_scope(row.scope):
                raise ApiError(404, "not_found", "no such follow-up")
            if row.status != "needs_check":
                raise ApiError(409, "not_needs_check", f"the follow-up is {row.status}")
            by = f"checked by {session.username} at {iso(utc_now())}"
            conn.execute(
                sa.update(delivery_attempts)
                .where(
                    delivery_attempts.c.followup_id == followup_id,
                    delivery_attempts.c.state == "unknown",
                )
                .values(state="sent" if body.outcome == "sent" else "failed", detail=by)
            )
            if body.outcome == "sent":
                status.set_status(conn, followup_id, "sent", by)
            else:
                status.set_status(conn, followup_id, "failed", f"not sent ({by})")
            return FollowupSettled(
                id=followup_id, status="sent" if body.outcome == "sent" else "failed"
            )

    return await run_in_threadpool(apply)
