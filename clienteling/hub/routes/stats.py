"""`GET /api/v1/stats/stores/{store_id}/dashboard`: a store's journey figures for a period.

Managers read their own store, admins any store; associates get 403. The store scope is
enforced here, never only in the terminal's UI.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from clienteling.domain.metrics import Period
from clienteling.hub.clock import utc_now
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.errors import ApiError
from clienteling.hub.stats.dashboard import UnknownStoreError, store_dashboard
from clienteling.protocol.dashboard import StoreDashboard

router = APIRouter(prefix="/api/v1/stats", tags=["stats"])

MAX_PERIOD_DAYS = 731


@router.get("/stores/{store_id}/dashboard")
def dashboard(
    store_id: str,
    hub: HubDep,
    session: SessionDep,
    start: Annotated[date, Query(description="First local day of the period.")],
    end: Annotated[date, Query(description="Last local day of the period (included).")],
) -> StoreDashboard:
    if session.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden_role", "store statistics are for managers")
    if session.role == "manager" and session.store_id != store_id:
        raise ApiError(403, "forbidden_store", "managers see their own store's statistics")
    if end < start:
        raise ApiError(422, "invalid_period", "the period ends before it starts")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise ApiError(422, "invalid_period", "choose a period of at most two years")
    period = Period(start, end + timedelta(days=1))
    with read_tx(hub.engine) as conn:
        try:
            return store_dashboard(conn, store_id=store_id, period=period, now=utc_now())
        except UnknownStoreError as exc:
            raise ApiError(404, "not_found", "no such store") from exc
