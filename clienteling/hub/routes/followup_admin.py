"""`POST /api/v1/followups/{id}/resolve`: a manager settles a follow-up whose sending was
interrupted (`needs_check`) after asking the provider: `{"outcome": "sent"}` (it did go
out) or `{"outcome": "not_sent"}` (it did not: the follow-up ends `failed`, and the
associate may queue a new one). Never a blind resend from here."""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from fastapi import APIRouter
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from clienteling.hub import followups as status
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.db import write_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.errors import ApiError
from clienteling.hub.tables import delivery_attempts

router = APIRouter(prefix="/api/v1/followups", tags=["follow-ups"])


class ResolveIn(BaseModel):
    outcome: Literal["sent", "not_sent"]


class ResolveOut(BaseModel):
    id: str
    status: str


@router.post("/{followup_id}/resolve", summary="Settle a follow-up that needs a check")
async def resolve(
    followup_id: str, body: ResolveIn, hub: HubDep, session: SessionDep
) -> ResolveOut:
    if session.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", "only a manager can settle an interrupted sending")

    def apply() -> ResolveOut:
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
            return ResolveOut(id=followup_id, status="sent" if body.outcome == "sent" else "failed")

    return await run_in_threadpool(apply)
