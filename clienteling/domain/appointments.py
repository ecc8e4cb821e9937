"""Appointments: a customer booked for a time with an associate of the store.

Rules written once for the hub (which decides) and the terminal (which books offline and
warns early): times are UTC, chosen in the store's time zone; an appointment lasts one of
`DURATIONS`; an associate cannot have two booked appointments that overlap (touching
ends do not overlap: 10:00-10:30 and 10:30-11:00 are fine).

The hub refuses a double booking with a reason that starts with `DOUBLE_BOOKED`, so the
terminal can say it in the associate's language; the rest of the reason is English
detail for logs and tooltips.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"


DURATIONS = (15, 30, 45, 60, 90, 120)
"""Minutes an associate can choose."""
DEFAULT_DURATION = 30
MIN_DURATION = 5
MAX_DURATION = 240
MAX_PURPOSE = 200
MAX_NOTE = 1000
MAX_AHEAD = timedelta(days=366)
# A booking made offline may reach the hub a little after its start (the customer is at
# the counter now); older than this is a mistake.
MAX_PAST = timedelta(hours=12)

DOUBLE_BOOKED = "double_booked"


def overlaps(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    """Two half-open intervals [start, end) share a moment."""
    return start < other_end and other_start < end


def ends_at(start: datetime, duration_minutes: int) -> datetime:
    return start + timedelta(minutes=duration_minutes)


def duration_problem(minutes: int) -> str | None:
    """Why a duration is not allowed (English, for the hub's refusal), or None."""
    if not MIN_DURATION <= minutes <= MAX_DURATION:
        return f"an appointment lasts {MIN_DURATION} to {MAX_DURATION} minutes"
    return None


def time_problem(start: datetime, *, now: datetime) -> str | None:
    """Why a start time cannot be booked (English), or None."""
    if start < now - MAX_PAST:
        return "the appointment time is in the past"
    if start > now + MAX_AHEAD:
        return "appointments are booked at most a year ahead"
    return None


def double_booked_reason(associate_name: str, start_local: datetime, end_local: datetime) -> str:
    """The hub's refusal: machine-readable prefix, then the detail."""
    return (
        f"{DOUBLE_BOOKED}: {associate_name} already has an appointment from "
        f"{start_local:%Y-%m-%d %H:%M} to {end_local:%H:%M}"
    )


def is_double_booked(reason: str | None) -> bool:
    return bool(reason) and str(reason).startswith(DOUBLE_BOOKED)


def store_moment(day: date, at: time, timezone: str) -> datetime:
    """A wall-clock time of the store, as an aware UTC datetime."""
    local = datetime.combine(day, at).replace(tzinfo=ZoneInfo(timezone or "UTC"))
    return local.astimezone(UTC)


def store_day(day: date, timezone: str) -> tuple[datetime, datetime]:
    """[start, end) of a local day of the store, in UTC (days can be 23 or 25 hours)."""
    start = store_moment(day, time(0, 0), timezone)
    end = store_moment(day + timedelta(days=1), time(0, 0), timezone)
    return start, end
