"""Which PINs an associate may choose."""

from __future__ import annotations

import pytest

from clienteling.domain.pins import pin_problem


@pytest.mark.parametrize("pin", ["2580", "1357", "90210", "48151623", "1123", "0707"])
def test_ordinary_pins_are_allowed(pin: str) -> None:
    assert pin_problem(pin) is None


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("0000", "repeated"),
        ("77777777", "repeated"),
        ("1234", "sequence"),
        ("4321", "sequence"),
        ("7890", "sequence"),  # wraps past 9
        ("98765", "sequence"),
        ("123", "length"),
        ("123456789", "length"),
        ("12a4", "not_digits"),
        ("١٢٣٤", "not_digits"),  # Arabic-Indic digits: only ASCII digits are typed on pads
        ("", "not_digits"),
    ],
)
def test_trivial_or_malformed_pins_are_refused(pin: str, problem: str) -> None:
    assert pin_problem(pin) == problem
