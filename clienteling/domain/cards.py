"""Loyalty card numbers as an associate types or scans them: spaces and dashes dropped,
letters in capitals, 6 to 32 letters or digits. The same card on two new customers makes
the hub merge them (`hub.identity`), so the number is normalised the same way on the
terminal and on the hub."""

from __future__ import annotations

import re

MIN_LENGTH, MAX_LENGTH = 6, 32
_SEPARATORS = re.compile(r"[\s\-.]+")
_VALID = re.compile(rf"[0-9A-Z]{{{MIN_LENGTH},{MAX_LENGTH}}}")


class InvalidCardError(ValueError):
    """Not a loyalty card number."""


def clean_card(text: str) -> str | None:
    """The card number in its one stored form; None when nothing was typed."""
    card = _SEPARATORS.sub("", text).upper()
    if not card:
        return None
    if not _VALID.fullmatch(card):
        raise InvalidCardError(f"a loyalty card has {MIN_LENGTH} to {MAX_LENGTH} letters or digits")
    return card
