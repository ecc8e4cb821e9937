"""Quiet hours: no message reaches a customer at night, in the store's time zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


def quiet_until(now: datetime, *, timezone: str, start_hour: int, end_hour: int) -> datetime | None:
    """When the quiet hours around `now` end (UTC), or None when `now` is not quiet.

    The hours run from `start_hour` (inclusive) to `end_hour` (exclusive) local time and
    may wrap midnight (21 -> 8); equal hours mean no quiet hours.
    """
    if start_hour == end_hour:
        return None
    local = now.astimezone(ZoneInfo(timezone))
    hour = local.hour
    if start_hour < end_hour:
        quiet = start_hour <= hour < end_hour
    else:
        quiet = hour >= start_hour or hour < end_hour
    if not quiet:
        return None
    end = local.replace(hour=end_hour, minute=0, second=0, microsecond=0)
    if end <= local:
        end = (local + timedelta(days=1)).replace(hour=end_hour, minute=0, second=0)
    return end.astimezone(UTC)
