"""Important dates besides the birthday, typed as an associate writes them."""

from __future__ import annotations

import pytest

from clienteling.domain.preferences import InvalidPreferenceError, parse_other_dates


def test_other_dates_as_typed() -> None:
    assert parse_other_dates("wedding 12/06; name day 24/07/1990\n") == {
        "wedding": "--06-12",
        "name day": "1990-07-24",
    }
    assert parse_other_dates("  ") == {}
    for bad in ("wedding", "wedding 31/02", "birthday 14/05", "x" * 40 + " 12/06"):
        with pytest.raises(InvalidPreferenceError):
            parse_other_dates(bad)
