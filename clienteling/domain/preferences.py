"""A customer's preferences (sizes, style, brands, important dates): the rules both the
terminal (next to the fields, while editing) and the hub (on `customer.patch`) apply.

Stored as one JSON object with these keys, each optional:
- `sizes`: {"top": "M", "bottom": "38", "shoes": "39", ...} (short free labels)
- `style`: free text ("classic, navy and beige")
- `brands`: ["Maison Lumière", "Atelier Nord"]
- `dates`: {"birthday": "1990-05-14" or "--05-14" (ISO 8601, year unknown), ...}
Each top-level key is one field for last-writer-wins: two associates changing the sizes
and the brands of one customer offline both keep their change.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

PREFERENCE_KEYS = ("sizes", "style", "brands", "dates")
SIZE_KINDS = ("top", "bottom", "shoes")
BIRTHDAY = "birthday"

MAX_SIZES = 10
MAX_SIZE_LENGTH = 32
MAX_STYLE_LENGTH = 300
MAX_BRANDS = 20
MAX_BRAND_LENGTH = 80
MAX_DATES = 10
MAX_LABEL_LENGTH = 32

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_NO_YEAR = re.compile(r"-?-?(\d{1,2})-(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?")


class InvalidPreferenceError(ValueError):
    """A preference value that cannot be stored; the message says which and why."""


def parse_date(text: str) -> str:
    """A date as typed ("14/05/1990", "14.05", "1990-05-14", "--05-14") in ISO 8601:
    "1990-05-14", or "--05-14" when the year is not known. Day first, as in vi, fr, ru."""
    raw = text.strip()
    year: int | None
    if match := _ISO.fullmatch(raw):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _DAY_FIRST.fullmatch(raw):
        day, month = int(match[1]), int(match[2])
        year = int(match[3]) if match[3] else None
    elif match := _ISO_NO_YEAR.fullmatch(raw):
        year, month, day = None, int(match[1]), int(match[2])
    else:
        raise InvalidPreferenceError(f"not a date: {text!r}")
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February is allowed
    except ValueError as exc:
        raise InvalidPreferenceError(f"not a date: {text!r}") from exc
    if year is not None and not 1900 <= year <= 2100:
        raise InvalidPreferenceError(f"not a plausible year: {year}")
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _short_map(value: Any, *, name: str, most: int, longest: int) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InvalidPreferenceError(f"{name} must be an object")
    cleaned: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str):
            raise InvalidPreferenceError(f"{name} holds text only")
        label, text = " ".join(key.split()), " ".join(item.split())
        if not label or len(label) > MAX_LABEL_LENGTH or len(text) > longest:
            raise InvalidPreferenceError(f"{name}: {key!r} is empty or too long")
        if text:
            cleaned[label] = text
    if len(cleaned) > most:
        raise InvalidPreferenceError(f"{name}: at most {most} entries")
    return cleaned


def clean_preference(key: str, value: Any) -> Any:
    """One preference as stored (whitespace tidied, dates in ISO 8601); None clears it."""
    if value is None:
        return None
    if key == "sizes":
        return _short_map(value, name="sizes", most=MAX_SIZES, longest=MAX_SIZE_LENGTH) or None
    if key == "style":
        if not isinstance(value, str):
            raise InvalidPreferenceError("style must be text")
        style = " ".join(value.split())
        if len(style) > MAX_STYLE_LENGTH:
            raise InvalidPreferenceError("style is too long")
        return style or None
    if key == "brands":
        if not isinstance(value, list) or not all(isinstance(b, str) for b in value):
            raise InvalidPreferenceError("brands must be a list of names")
        brands = list(dict.fromkeys(" ".join(b.split()) for b in value if b.strip()))
        if len(brands) > MAX_BRANDS or any(len(b) > MAX_BRAND_LENGTH for b in brands):
            raise InvalidPreferenceError("too many brands, or a brand name is too long")
        return brands or None
    if key == "dates":
        dates = _short_map(value, name="dates", most=MAX_DATES, longest=20)
        return {label: parse_date(text) for label, text in dates.items()} or None
    raise InvalidPreferenceError(f"unknown preference {key!r}")


def apply_preferences(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`current` with each changed key replaced (a None value removes the key)."""
    merged = dict(current)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def split_brands(text: str) -> list[str]:
    """Brands as typed in one field: "Maison Lumière, Atelier Nord"."""
    return [b.strip() for b in re.split(r"[,;\n]", text) if b.strip()]


def parse_other_dates(text: str) -> dict[str, str]:
    """Important dates besides the birthday, as an associate types them: "wedding 12/06;
    name day 24/07/1990" -> {"wedding": "--06-12", "name day": "1990-07-24"}. Entries are
    separated by ";" (or new lines); each is a label and a date, the date last."""
    found: dict[str, str] = {}
    for entry in re.split(r"[;\n]+", text):
        words = entry.split()
        if not words:
            continue
        if len(words) < 2:
            raise InvalidPreferenceError(f"a label and a date: {entry.strip()!r}")
        label = " ".join(words[:-1])
        if len(label) > MAX_LABEL_LENGTH or label.casefold() == BIRTHDAY:
            raise InvalidPreferenceError(f"not a label for a date: {label!r}")
        found[label] = parse_date(words[-1])
    if len(found) > MAX_DATES - 1:  # one place is the birthday's
        raise InvalidPreferenceError(f"at most {MAX_DATES - 1} other dates")
    return found
