"""Loyalty card numbers: one stored form whatever the associate typed or scanned."""

from __future__ import annotations

import pytest

from clienteling.domain.cards import InvalidCardError, clean_card


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2764127106912", "2764127106912"),
        (" 2764 1271 0691 2 ", "2764127106912"),
        ("lm-0042-77", "LM004277"),
        ("", None),
        ("  ", None),
    ],
)
def test_typed_and_scanned_numbers_are_stored_one_way(typed: str, stored: str | None) -> None:
    assert clean_card(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "1" * 33, "2764-1271-069é", "12345#678"])
def test_what_is_not_a_card_is_refused_with_the_rule(typed: str) -> None:
    with pytest.raises(InvalidCardError, match="6 to 32 letters or digits"):
        clean_card(typed)
