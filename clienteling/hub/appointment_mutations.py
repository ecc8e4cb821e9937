"""`appointment.book`, `appointment.reschedule`, `appointment.cancel`: a customer booked
for a time with an associate of the device's store (issue 6).

The terminal books offline; the hub decides. An associate never has two booked
appointments that overlap: the check runs after the store scope's counter is locked
(`versions.allocate`), which every writer of the scope takes first, so two terminals
booking the same slot at the same moment are decided one after the other, on SQLite and
PostgreSQL alike. The loser is refused with a `domain.appointments.DOUBLE_BOOKED`
reason. The id is made on the terminal: a push sent again books nothing twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pydantic
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from clienteling.domain import appointments as rules
from clienteling.domain.appointments import AppointmentStatus
from clienteling.hub import versions
from clienteling.hub.clock import iso, utc_now
from clienteling.hub.mutation_kit import (
    Actor,
    MutationRejectedError,
    resolved_customer,
)
from clienteling.hub.tables import appointments, associates, locations


class _Slot(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)
    associate_id: str = pydantic.Field(min_length=1, max_length=64)
    starts_at: str = pydantic.Field(min_length=1, max_length=40)
    duration_minutes: int


class _Book(_Slot):
    """Validates `AppointmentBookArgs` (pydantic cannot use `typing.TypedDict` on 3.11)."""

    customer_id: str = pydantic.Field(min_length=1, max_length=64)
    purpose: str = pydantic.Field(default="", max_length=rules.MAX_PURPOSE * 2)
    note: str = pydantic.Field(default="", max_length=rules.MAX_NOTE * 2)
    created_at: str = pydantic.Field(default="", max_length=40)


class _Cancel(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)

    id: str = pydantic.Field(min_length=1, max_length=64)


def _validated(model: type[pydantic.BaseModel], args: dict[str, Any]) -> Any:
    try:
        return model.model_validate(args)
    except pydantic.ValidationError as exc:
        raise MutationRejectedError("invalid appointment arguments") from exc


def _start(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise MutationRejectedError("the appointment time is not a valid time")
    return moment.astimezone(UTC).replace(microsecond=0)


def _interval(slot: _Slot) -> tuple[datetime, datetime]:
    problem = rules.duration_problem(slot.duration_minutes)
    if problem is not None:
        raise MutationRejectedError(problem)
    start = _start(slot.starts_at)
    problem = rules.time_problem(start, now=utc_now())
    if problem is not None:
        raise MutationRejectedError(problem)
    return start, rules.ends_at(start, slot.duration_minutes)


def _associate(conn: Connection, actor: Actor, associate_id: str) -> str:
    """The display name of an associate of the device's store."""
    row = conn.execute(
        sa.select(associates.c.display_name, associates.c.store_id).where(
            associates.c.id == associate_id
        )
    ).first()
    if row is None or row.store_id != actor.store_id:
        raise MutationRejectedError("the associate does not work in this store")
    return str(row.display_name)


def _refuse_overlap(
    conn: Connection,
    *,
    store_id: str,
    associate_id: str,
    name: str,
    start: datetime,
    end: datetime,
    except_id: str,
) -> None:
    clash = conn.execute(
        sa.select(appointments.c.starts_at, appointments.c.ends_at)
        .where(
            appointments.c.associate_id == associate_id,
            appointments.c.status == str(AppointmentStatus.BOOKED),
            appointments.c.starts_at < iso(end),
            appointments.c.ends_at > iso(start),
            appointments.c.id != except_id,
        )
        .order_by(appointments.c.starts_at)
        .limit(1)
    ).first()
    if clash is None:
        return
    timezone = conn.execute(
        sa.select(locations.c.timezone).where(locations.c.id == store_id)
    ).scalar_one_or_none()
    zone = ZoneInfo(timezone or "UTC")
    raise MutationRejectedError(
        rules.double_booked_reason(
            name,
            datetime.fromisoformat(clash.starts_at).astimezone(zone),
            datetime.fromisoformat(clash.ends_at).astimezone(zone),
        )
    )


def _free_slot(
    conn: Connection,
    actor: Actor,
    slot: _Slot,
    *,
    scope: str,
    store_id: str,
    start: datetime,
    end: datetime,
) -> tuple[int, str]:
    """(a version of the scope, the associate's name) once the associate is known to work
    here and free then. The scope's counter is locked first: bookings one at a time."""
    name = _associate(conn, actor, slot.associate_id)
    version = versions.allocate(conn, scope)
    _refuse_overlap(
        conn,
        store_id=store_id,
        associate_id=slot.associate_id,
        name=name,
        start=start,
        end=end,
        except_id=slot.id,
    )
    return version, name


def book(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    request: _Book = _validated(_Book, args)
    if conn.execute(sa.select(appointments.c.id).where(appointments.c.id == request.id)).first():
        return  # sent again: already decided
    if actor.store_id is None:
        raise MutationRejectedError("appointments are booked from a store's terminal")
    purpose = " ".join(request.purpose.split())
    note = request.note.strip()
    if len(purpose) > rules.MAX_PURPOSE or len(note) > rules.MAX_NOTE:
        raise MutationRejectedError("the purpose or the note is too long")
    start, end = _interval(request)
    customer_id, scope = resolved_customer(conn, actor, request.customer_id)
    version, name = _free_slot(
        conn, actor, request, scope=scope, store_id=actor.store_id, start=start, end=end
    )
    now = iso(utc_now())
    conn.execute(
        sa.insert(appointments).values(
            id=request.id,
            customer_id=customer_id,
            store_id=actor.store_id,
            associate_id=request.associate_id,
            associate_name=name,
            starts_at=iso(start),
            ends_at=iso(end),
            purpose=purpose,
            note=note,
            status=str(AppointmentStatus.BOOKED),
            booked_by=actor.session.associate_id,
            booked_by_name=actor.session.display_name,
            created_at=now,
            updated_at=now,
            scope=scope,
            version=version,
        )
    )


def _own(conn: Connection, actor: Actor, appointment_id: str) -> Any:
    row = conn.execute(sa.select(appointments).where(appointments.c.id == appointment_id)).first()
    if row is None:
        raise MutationRejectedError("unknown appointment")
    if actor.store_id is not None and row.store_id != actor.store_id:
        raise MutationRejectedError("the appointment belongs to another store")
    return row


def reschedule(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    request: _Slot = _validated(_Slot, args)
    row = _own(conn, actor, request.id)
    if row.status != str(AppointmentStatus.BOOKED):
        raise MutationRejectedError("the appointment was cancelled")
    start, end = _interval(request)
    version, name = _free_slot(
        conn, actor, request, scope=row.scope, store_id=row.store_id, start=start, end=end
    )
    status = conn.execute(
        sa.select(appointments.c.status).where(appointments.c.id == row.id)
    ).scalar_one()
    if status != str(AppointmentStatus.BOOKED):
        raise MutationRejectedError("the appointment was cancelled")  # meanwhile
    conn.execute(
        sa.update(appointments)
        .where(appointments.c.id == row.id)
        .values(
            associate_id=request.associate_id,
            associate_name=name,
            starts_at=iso(start),
            ends_at=iso(end),
            updated_at=iso(utc_now()),
            version=version,
        )
    )


def cancel(conn: Connection, actor: Actor, args: dict[str, Any]) -> None:
    """Cancelling twice (two terminals, a push sent again) changes nothing more."""
    request: _Cancel = _validated(_Cancel, args)
    row = _own(conn, actor, request.id)
    if row.status == str(AppointmentStatus.CANCELLED):
        return
    version = versions.allocate(conn, row.scope)
    conn.execute(
        sa.update(appointments)
        .where(appointments.c.id == row.id)
        .values(
            status=str(AppointmentStatus.CANCELLED),
            updated_at=iso(utc_now()),
            version=version,
        )
    )
