"""Appointments in the cache: booking one (works offline), rescheduling or cancelling,
and reading them for the task list and the profile.

Booking writes the appointment (`pending = 1`) and its `appointment.book` in one
transaction; the pulled row replaces it when the hub booked it, or the outbox keeps the
hub's refusal ("double_booked: …"), shown on the appointment. A reschedule or a
cancellation of a pulled appointment is a mark in `appointment_marks` that counts while
its mutation is pending, as task marks do; once answered the pulled row says what the hub
decided. Before queueing, a booking is checked against the appointments known here, so
an associate hears of a clash at once when the terminal can see it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from clienteling.domain import appointments as rules
from clienteling.domain.appointments import AppointmentStatus
from clienteling.domain.errors import ValidationError
from clienteling.protocol.entities import (
    AppointmentBookArgs,
    AppointmentCancelArgs,
    AppointmentRescheduleArgs,
    store_scope,
)
from clienteling.store import outbox
from clienteling.store.transactions import write_transaction

_PENDING = "(SELECT mutation_id FROM outbox WHERE status = 'pending')"
_MARK = (
    f"LEFT JOIN appointment_marks AS m ON m.appointment_id = a.id AND m.mutation_id IN {_PENDING}"
)
REFUSED_REASON = (
    "CASE WHEN a.pending THEN (SELECT coalesce(o.reason, '') FROM outbox AS o "
    "WHERE o.status = 'rejected' AND o.name = 'appointment.book' "
    "AND json_extract(o.args, '$.id') = a.id) END"
)
"""The hub's reason for refusing a booking made here (NULL while there is none)."""
_CHANGES = "('appointment.reschedule', 'appointment.cancel')"
CHANGE_REFUSED_REASON = (
    "(SELECT coalesce(o.reason, '') FROM outbox AS o WHERE o.status = 'rejected' "
    f"AND o.name IN {_CHANGES} AND json_extract(o.args, '$.id') = a.id "
    "AND m.mutation_id IS NULL ORDER BY o.mutation_id DESC LIMIT 1)"
)
"""The hub's reason for refusing the last reschedule or cancellation made here (NULL when
none, or while a newer change waits). Queueing a new change clears it (`_mark`)."""
_COLUMNS = (
    "a.id, a.customer_id, coalesce(c.display_name, ''), a.store_id, "
    "coalesce(m.associate_id, a.associate_id), coalesce(m.associate_name, a.associate_name), "
    "coalesce(m.starts_at, a.starts_at), coalesce(m.ends_at, a.ends_at), a.purpose, a.note, "
    f"coalesce(m.status, a.status), a.pending OR m.mutation_id IS NOT NULL, {REFUSED_REASON}, "
    f"{CHANGE_REFUSED_REASON}"
)
_FROM = f"FROM appointments AS a {_MARK} LEFT JOIN customers AS c ON c.id = a.customer_id"


class AppointmentClashError(ValidationError):
    """The associate already has an appointment then (as far as this terminal knows)."""

    code = "appointment_clash"

    def __init__(self, associate_name: str, starts_at: datetime, ends_at: datetime) -> None:
        super().__init__(f"{associate_name} already has an appointment at that time")
        self.associate_name = associate_name
        self.starts_at = starts_at
        self.ends_at = ends_at


@dataclass(frozen=True, slots=True)
class AppointmentView:
    id: str
    customer_id: str
    customer_name: str
    store_id: str
    associate_id: str
    associate_name: str
    starts_at: datetime
    ends_at: datetime
    purpose: str
    note: str
    status: str  # booked | cancelled (domain.appointments.AppointmentStatus)
    pending: bool  # booked or changed here, the hub has not answered yet
    refused: str | None  # the hub's reason when it refused the booking
    # The hub's reason when it refused the last reschedule/cancel made here: the row shows
    # the hub's values again, marked with this until the associate changes it anew.
    change_refused: str | None = None

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(frozen=True, slots=True)
class AssociateChoice:
    id: str
    name: str


def _time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _view(row: Sequence[object]) -> AppointmentView:
    refused = None if row[12] is None else str(row[12])
    return AppointmentView(
        id=str(row[0]),
        customer_id=str(row[1]),
        customer_name=str(row[2]),
        store_id=str(row[3]),
        associate_id=str(row[4]),
        associate_name=str(row[5]),
        starts_at=_time(str(row[6])),
        ends_at=_time(str(row[7])),
        purpose=str(row[8]),
        note=str(row[9]),
        status=str(row[10]),
        pending=bool(row[11]) and refused is None,
        refused=refused,
        change_refused=None if row[13] is None else str(row[13]),
    )


def store_appointments(
    db: Database, *, store_id: str, start: datetime, end: datetime
) -> list[AppointmentView]:
    """The store's appointments that overlap [start, end), by start time; cancelled ones
    are left out, refused bookings stay (with the reason) so the associate sees them."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE a.store_id = :store "
        "AND coalesce(m.starts_at, a.starts_at) < :end AND coalesce(m.ends_at, a.ends_at) > :start "
        "AND coalesce(m.status, a.status) = 'booked' "
        "ORDER BY coalesce(m.starts_at, a.starts_at), a.id",
        {"store": store_id, "start": _text(start), "end": _text(end)},
    ).fetchall()
    return [_view(r) for r in rows]


def customer_appointments(
    db: Database, customer_id: str, *, since: datetime
) -> list[AppointmentView]:
    """The customer's booked appointments that end after `since`, soonest first."""
    rows = db.conn.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE a.customer_id = :customer "
        "AND coalesce(m.ends_at, a.ends_at) > :since AND coalesce(m.status, a.status) = 'booked' "
        "ORDER BY coalesce(m.starts_at, a.starts_at), a.id",
        {"customer": customer_id, "since": _text(since)},
    ).fetchall()
    return [_view(r) for r in rows]


def appointment(db: Database, appointment_id: str) -> AppointmentView | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?", (appointment_id,)).fetchone()
    return None if row is None else _view(row)


def _check_slot(
    db: Database,
    *,
    associate_id: str,
    associate_name: str,
    start: datetime,
    minutes: int,
    except_id: str,
) -> datetime:
    """The end time, after the rules and the clashes this terminal can see."""
    problem = rules.duration_problem(minutes) or rules.time_problem(start, now=datetime.now(UTC))
    if problem is not None:
        raise ValidationError(f"{problem[0].upper()}{problem[1:]}.")
    end = rules.ends_at(start, minutes)
    clash = db.conn.execute(
        f"SELECT {_COLUMNS} {_FROM} WHERE coalesce(m.associate_id, a.associate_id) = :who "
        "AND coalesce(m.status, a.status) = 'booked' AND a.id != :id "
        "AND coalesce(m.starts_at, a.starts_at) < :end AND coalesce(m.ends_at, a.ends_at) > :start "
        "ORDER BY coalesce(m.starts_at, a.starts_at) LIMIT 5",
        {"who": associate_id, "id": except_id, "start": _text(start), "end": _text(end)},
    ).fetchall()
    for row in clash:
        other = _view(row)
        if other.refused is None:  # a refused booking holds no time
            raise AppointmentClashError(associate_name, other.starts_at, other.ends_at)
    return end


def book(
    db: Database,
    args: AppointmentBookArgs,
    *,
    store_id: str,
    associate_name: str,
    booked_by: str,
    booked_by_name: str,
) -> None:
    """Write the pending appointment and its `appointment.book` in one transaction."""
    purpose = " ".join(args["purpose"].split())
    note = args["note"].strip()
    if len(purpose) > rules.MAX_PURPOSE:
        raise ValidationError(f"The purpose is too long (at most {rules.MAX_PURPOSE}).")
    if len(note) > rules.MAX_NOTE:
        raise ValidationError(f"The note is too long (at most {rules.MAX_NOTE}).")
    start = _time(args["starts_at"])
    with write_transaction(db):
        customer = db.conn.execute(
            "SELECT scope FROM customers WHERE id = ?", (args["customer_id"],)
        ).fetchone()
        if customer is None:
            raise ValidationError("This customer is not known on this terminal.")
        end = _check_slot(
            db,
            associate_id=args["associate_id"],
            associate_name=associate_name,
            start=start,
            minutes=args["duration_minutes"],
            except_id=args["id"],
        )
        db.conn.execute(
            "INSERT INTO appointments (id, customer_id, store_id, associate_id, associate_name, "
            "starts_at, ends_at, purpose, note, status, booked_by, booked_by_name, created_at, "
            "updated_at, scope, version, pending) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?, ?, 0, 1)",
            (
                args["id"],
                args["customer_id"],
                store_id,
                args["associate_id"],
                associate_name,
                _text(start),
                _text(end),
                purpose,
                note,
                booked_by,
                booked_by_name,
                args["created_at"],
                args["created_at"],
                customer[0] or store_scope(store_id),
            ),
        )
        outbox.enqueue(db, "appointment.book", dict(args, purpose=purpose, note=note))


def _mark(db: Database, view: AppointmentView, mutation_id: int, **values: str) -> None:
    db.conn.execute(f"DELETE FROM appointment_marks WHERE mutation_id NOT IN {_PENDING}")
    # A new change answers an earlier refused one: the associate saw it on the row and
    # acted, so it leaves the outbox (and the refused count) rather than linger after the
    # new change is acknowledged and trimmed.
    db.conn.execute(
        f"DELETE FROM outbox WHERE status = 'rejected' AND name IN {_CHANGES} "
        "AND json_extract(args, '$.id') = ? AND mutation_id < ?",
        (view.id, mutation_id),
    )
    row = {
        "status": view.status,
        "associate_id": view.associate_id,
        "associate_name": view.associate_name,
        "starts_at": _text(view.starts_at),
        "ends_at": _text(view.ends_at),
    } | values
    db.conn.execute(
        "INSERT INTO appointment_marks (appointment_id, mutation_id, status, associate_id, "
        "associate_name, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(appointment_id) DO UPDATE SET mutation_id = excluded.mutation_id, "
        "status = excluded.status, associate_id = excluded.associate_id, "
        "associate_name = excluded.associate_name, starts_at = excluded.starts_at, "
        "ends_at = excluded.ends_at",
        (
            view.id,
            mutation_id,
            row["status"],
            row["associate_id"],
            row["associate_name"],
            row["starts_at"],
            row["ends_at"],
        ),
    )


def _changeable(db: Database, appointment_id: str) -> AppointmentView:
    view = appointment(db, appointment_id)
    if view is None or view.status != AppointmentStatus.BOOKED or view.refused is not None:
        raise ValidationError("This appointment can no longer be changed.")
    if db.conn.execute(
        "SELECT 1 FROM appointments WHERE id = ? AND pending = 1", (appointment_id,)
    ).fetchone():
        raise ValidationError("This appointment waits for the hub: sync, then change it.")
    return view


def reschedule(db: Database, args: AppointmentRescheduleArgs, *, associate_name: str) -> None:
    """Move a booked appointment (another time, perhaps another associate); queued."""
    start = _time(args["starts_at"])
    with write_transaction(db):
        view = _changeable(db, args["id"])
        end = _check_slot(
            db,
            associate_id=args["associate_id"],
            associate_name=associate_name,
            start=start,
            minutes=args["duration_minutes"],
            except_id=view.id,
        )
        mutation_id = outbox.enqueue(db, "appointment.reschedule", dict(args))
        _mark(
            db,
            view,
            mutation_id,
            associate_id=args["associate_id"],
            associate_name=associate_name,
            starts_at=_text(start),
            ends_at=_text(end),
        )


def cancel(db: Database, args: AppointmentCancelArgs) -> None:
    """Cancel a booked appointment; queued (it leaves the lists at once)."""
    with write_transaction(db):
        view = _changeable(db, args["id"])
        mutation_id = outbox.enqueue(db, "appointment.cancel", dict(args))
        _mark(db, view, mutation_id, status=str(AppointmentStatus.CANCELLED))


def known_associates(db: Database, store_id: str, *, fetched: str | None) -> list[AssociateChoice]:
    """The store's associates as known here: the list last fetched from the hub (JSON
    from `meta`), and whoever signed in here, booked or was booked, by name."""
    found: dict[str, str] = {}
    if fetched:
        for person in json.loads(fetched):
            found[str(person["id"])] = str(person["name"])
    for row in db.conn.execute(
        "SELECT associate_id, display_name FROM pins WHERE store_id = ? "
        "UNION SELECT associate_id, associate_name FROM appointments WHERE store_id = ? "
        "UNION SELECT booked_by, booked_by_name FROM appointments WHERE store_id = ?",
        (store_id, store_id, store_id),
    ):
        found.setdefault(str(row[0]), str(row[1]))
    choices = [AssociateChoice(id=i, name=n) for i, n in found.items() if n]
    return sorted(choices, key=lambda c: (c.name.casefold(), c.id))
