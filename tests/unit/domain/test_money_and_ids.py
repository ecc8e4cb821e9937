import uuid

import pytest

from clienteling.domain.ids import uuid7
from clienteling.domain.money import Money, format_money


def test_format_money_uses_the_currency_exponent() -> None:
    assert format_money(129900, "EUR") == "1\u202f299.00 EUR"
    assert format_money(25990000, "VND") == "25\u202f990\u202f000 VND"
    assert format_money(-505, "EUR") == "-5.05 EUR"


def test_format_money_writes_numbers_as_the_language_does() -> None:
    assert format_money(129900, "EUR", "en") == "1,299.00 EUR"
    assert format_money(129900, "EUR", "fr") == "1\u202f299,00 EUR"
    assert format_money(129900, "EUR", "ru") == "1\u00a0299,00 EUR"
    assert format_money(25990000, "VND", "vi") == "25.990.000 VND"
    assert format_money(-505, "EUR", "fr") == "-5,05 EUR"
    assert format_money(129900, "EUR", "de") == format_money(129900, "EUR")  # not ours


def test_money_refuses_mixed_currencies() -> None:
    assert Money(100, "EUR") + Money(5, "EUR") == Money(105, "EUR")
    with pytest.raises(ValueError):
        Money(100, "EUR") + Money(5, "USD")


def test_uuid7_is_version_7_and_time_ordered() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 for i in ids)


def test_uuid7_stays_ordered_when_the_clock_goes_back() -> None:
    first = uuid7(now_ms=2_000_000_000_000)
    second = uuid7(now_ms=1_000_000_000_000)
    assert second > first
