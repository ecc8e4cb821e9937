from datetime import UTC, datetime, timedelta

from clienteling.domain.lifecycle import Stage, stage_for

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def days_ago(n: int) -> datetime:
    return NOW - timedelta(days=n)


def test_no_purchase_is_acquisition() -> None:
    assert stage_for([], now=NOW) is Stage.ACQUISITION


def test_one_recent_purchase_is_trial() -> None:
    assert stage_for([days_ago(10)], now=NOW) is Stage.TRIAL


def test_repeat_buyer_is_loyalty() -> None:
    assert stage_for([days_ago(300), days_ago(20)], now=NOW) is Stage.LOYALTY


def test_quiet_for_half_a_year_is_retention_then_recovery_after_a_year() -> None:
    assert stage_for([days_ago(400), days_ago(200)], now=NOW) is Stage.RETENTION
    assert stage_for([days_ago(179)], now=NOW) is Stage.TRIAL
    assert stage_for([days_ago(180)], now=NOW) is Stage.RETENTION
    assert stage_for([days_ago(365)], now=NOW) is Stage.RECOVERY


def test_order_of_input_does_not_matter() -> None:
    assert stage_for([days_ago(20), days_ago(300)], now=NOW) is Stage.LOYALTY
