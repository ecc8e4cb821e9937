"""A store's appointments (read side; booked, rescheduled and cancelled through the
outbox mutations `appointment.*`). Those that overlap [start, end), earliest first."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from clienteling.hub import pagination
from clienteling.hub.clock import iso
from clienteling.hub.db import read_tx
from clienteling.hub.deps import HubDep, SessionDep, store_scope_filter
from clienteling.hub.entities import APPOINTMENT
from clienteling.hub.errors import ApiError
from clienteling.hub.pagination import LimitQuery, NextQuery, Page
from clienteling.hub.tables import appointments

router = APIRouter(prefix="/api/v1", tags=["appointments"])

_KEYSET = pagination.Keyset("appointments", (appointments.c.starts_at, appointments.c.id))
_TIME = "An ISO 8601 time with its offset, e.g. 2026-12-03T00:00:00+01:00."


class AppointmentPublic(BaseModel):
    id: str
    customer_id: str
    store_id: str
    associate_id: str = Field(description="Who sees the customer.")
    associate_name: str
    starts_at: str = Field(description="UTC ISO 8601.")
    ends_at: str
    purpose: str
    note: str
    status: str = Field(description="booked or cancelled.")
    booked_by: str
    booked_by_name: str
    created_at: str
    updated_at: str


def _moment(text: str | None, name: str) -> str | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ApiError(400, "invalid_time", f"`{name}` must be an ISO 8601 time with an offset")
    return iso(moment.astimezone(UTC))


@router.get("/appointments")
def list_appointments(
    hub: HubDep,
    session: SessionDep,
    store_id: Annotated[
        str | None,
        Query(
            max_length=64,
            description="Only this store's (default: every store the caller may read).",
        ),
    ] = None,
    start: Annotated[str | None, Query(max_length=40, description=_TIME)] = None,
    end: Annotated[str | None, Query(max_length=40, description=_TIME)] = None,
    status: Annotated[str | None, Query(max_length=16, description="booked or cancelled.")] = None,
    limit: LimitQuery = pagination.DEFAULT_LIMIT,
    next: NextQuery = None,
) -> Page[AppointmentPublic]:
    """Appointments of the store's customers that overlap [start, end), by start time."""
    table = appointments.c
    where = store_scope_filter(session, store_id, table.scope)
    if store_id is not None:
        where = sa.and_(where, table.store_id == store_id)
    since, until = _moment(start, "start"), _moment(end, "end")
    if since is not None:
        where = sa.and_(where, table.ends_at > since)
    if until is not None:
        where = sa.and_(where, table.starts_at < until)
    if status is not None:
        where = sa.and_(where, table.status == status)
    with read_tx(hub.engine) as conn:
        items, token = pagination.fetch(
            conn, sa.select(appointments).where(where), _KEYSET, limit=limit, next=next
        )
    return Page(
        items=[AppointmentPublic.model_validate(APPOINTMENT.to_data(r._mapping)) for r in items],
        next=token,
    )
