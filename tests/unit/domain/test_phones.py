import pytest

from clienteling.domain.phones import (
    InvalidPhoneError,
    looks_like_phone_or_card,
    search_keys,
    to_e164,
)


@pytest.mark.parametrize(
    ("raw", "region", "e164"),
    [
        ("090 123 4567", "VN", "+84901234567"),
        ("+84 90-123-4567", "FR", "+84901234567"),
        ("06 12 34 56 78", "FR", "+33612345678"),
        ("8 (916) 123-45-67", "RU", "+79161234567"),
        ("(415) 555-2671", "US", "+14155552671"),
    ],
)
def test_to_e164_normalizes_any_format(raw: str, region: str, e164: str) -> None:
    assert to_e164(raw, region=region) == e164


def test_invalid_number_is_refused() -> None:
    with pytest.raises(InvalidPhoneError):
        to_e164("12", region="FR")
    with pytest.raises(InvalidPhoneError):
        to_e164("hello", region="FR")


def test_search_keys_cover_international_national_and_bare() -> None:
    assert search_keys("+33612345678") == ["33612345678", "0612345678", "612345678"]
    assert "89161234567" in search_keys("+79161234567")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("090 123", True), ("+3 ", False), ("+33 612", True), ("nguyen", False), ("", False)],
)
def test_looks_like_phone_or_card(query: str, expected: bool) -> None:
    assert looks_like_phone_or_card(query) is expected
