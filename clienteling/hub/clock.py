"""UTC time as the wire carries it: ISO 8601 strings."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """ "2025-03-01T09:30:00+00:00": second precision, always UTC, sorts as text."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()
