"""`GET /api/v1/stats/stores/{store_id}/dashboard`: a store's journey figures for a period.

Managers read their own store, admins any store; associates get 403. The drill-down lists
the rows behind one number (customer names included, so each read is audited). The store scope is
enforced here, never only in the terminal's UI.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from clienteling.domain.metrics import DRILLDOWN_FIGURES, Period
from clienteling.hub import audit
from clienteling.hub.clock import utc_now
from clienteling.hub.context import Session
from clienteling.hub.db import read_tx, write_tx
from clienteling.hub.deps import HubDep, SessionDep
from clienteling.hub.errors import ApiError
from clienteling.hub.stats.dashboard import UnknownStoreError, store_dashboard
from clienteling.hub.stats.drilldown import UnknownFigureError, drilldown
from clienteling.protocol.dashboard import DrillDown, StoreDashboard

router = APIRouter(prefix="/api/v1/stats", tags=["stats"])

MAX_PERIOD_DAYS = 731
MAX_DRILLDOWN_ROWS = 1000


StartDay = Annotated[date, Query(description="First local day of the period.")]
EndDay = Annotated[date, Query(description="Last local day of the period (included).")]


def _period(session: Session, store_id: str, start: date, end: date) -> Period:
    """The local days asked for, once the caller may read the store's statistics."""
    if session.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden_role", "store statistics are for managers")
    if session.role == "manager" and session.store_id != store_id:
        raise ApiError(403, "forbidden_store", "managers see their own store's statistics")
    if end < start:
        raise ApiError(422, "invalid_period", "the period ends before it starts")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise ApiError(422, "invalid_period", "choose a period of at most two years")
    return Period(start, end + timedelta(days=1))


@router.get("/stores/{store_id}/dashboard")
def dashboard(
    store_id: str, hub: HubDep, session: SessionDep, start: StartDay, end: EndDay
) -> StoreDashboard:
    period = _period(session, store_id, start, end)
    with read_tx(hub.engine) as conn:
        try:
            return store_dashboard(
                conn,
                store_id=store_id,
                period=period,
                now=utc_now(),
                attribution_window_days=hub.settings.attribution_window_days,
            )
        except UnknownStoreError as exc:
            raise ApiError(404, "not_found", "no such store") from exc


@router.get("/stores/{store_id}/drilldown")
def drilldown_rows(
    store_id: str,
    hub: HubDep,
    session: SessionDep,
    start: StartDay,
    end: EndDay,
    figure: Annotated[str, Query(description="One of domain.metrics.DRILLDOWN_FIGURES.")],
    key: Annotated[
        str | None, Query(max_length=64, description="Funnel step, reason, stage or associate.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_DRILLDOWN_ROWS)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> DrillDown:
    """The visits, follow-ups, orders or customers one dashboard number counts."""
    period = _period(session, store_id, start, end)
    if figure not in DRILLDOWN_FIGURES:
        raise ApiError(422, "unknown_figure", "the dashboard has no such figure")
    with read_tx(hub.engine) as conn:
        try:
            found = drilldown(
                conn,
                store_id=store_id,
                period=period,
                figure=figure,
                key=key,
                now=utc_now(),
                limit=limit,
                offset=offset,
            )
        except UnknownStoreError as exc:
            raise ApiError(404, "not_found", "no such store") from exc
        except UnknownFigureError as exc:
            raise ApiError(422, "unknown_figure", "the dashboard has no such figure") from exc
    with write_tx(hub.engine) as conn:
        audit.record(
            conn,
            action=audit.STATS_DRILLDOWN,
            associate_id=session.associate_id,
            device_id=session.device_id,
            detail=f"{store_id} {figure}:{key or ''} {start}..{end}",
        )
    return found
