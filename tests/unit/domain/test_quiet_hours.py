"""Quiet hours in the store's time zone, wrapping midnight and across DST."""

from __future__ import annotations

from datetime import UTC, datetime

from clienteling.domain.quiet_hours import quiet_until

PARIS = "Europe/Paris"


def test_daytime_is_not_quiet() -> None:
    noon = datetime(2025, 6, 1, 10, 0, tzinfo=UTC)  # 12:00 in Paris (CEST)
    assert quiet_until(noon, timezone=PARIS, start_hour=21, end_hour=8) is None


def test_late_evening_waits_for_the_next_morning() -> None:
    evening = datetime(2025, 6, 1, 20, 30, tzinfo=UTC)  # 22:30 in Paris
    assert quiet_until(evening, timezone=PARIS, start_hour=21, end_hour=8) == datetime(
        2025, 6, 2, 6, 0, tzinfo=UTC
    )


def test_early_morning_waits_for_the_same_morning() -> None:
    early = datetime(2025, 1, 15, 5, 0, tzinfo=UTC)  # 06:00 in Paris (CET)
    assert quiet_until(early, timezone=PARIS, start_hour=21, end_hour=8) == datetime(
        2025, 1, 15, 7, 0, tzinfo=UTC
    )


def test_other_time_zone() -> None:
    # 21:30 in Ho Chi Minh City (UTC+7) is 14:30 UTC.
    at = datetime(2025, 6, 1, 14, 30, tzinfo=UTC)
    assert quiet_until(at, timezone="Asia/Ho_Chi_Minh", start_hour=21, end_hour=8) == datetime(
        2025, 6, 2, 1, 0, tzinfo=UTC
    )


def test_equal_hours_mean_never_quiet() -> None:
    at = datetime(2025, 6, 1, 2, 0, tzinfo=UTC)
    assert quiet_until(at, timezone=PARIS, start_hour=0, end_hour=0) is None
