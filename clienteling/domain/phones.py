"""Phone numbers: stored in E.164, matched in any format the associate types."""

from __future__ import annotations

import re

import phonenumbers

from clienteling.domain.text import digits


class InvalidPhoneError(ValueError):
    """The text is not a phone number valid for the given region."""


def to_e164(raw: str, *, region: str) -> str:
    """Normalize `raw` ("090 123 4567", region "VN") to E.164 ("+84901234567")."""
    try:
        parsed = phonenumbers.parse(raw, region.upper())
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneError(str(exc)) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidPhoneError(f"not a valid number for {region}")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def search_keys(e164: str) -> list[str]:
    """Digit strings under which a stored E.164 number is found.

    "+84901234567" -> ["84901234567", "0901234567", "901234567"]: the associate may type
    the number with the country code, in national format with the trunk prefix, or bare.
    """
    keys = [digits(e164)]
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return keys
    national = str(parsed.national_number)
    prefix = phonenumbers.ndd_prefix_for_region(
        phonenumbers.region_code_for_number(parsed) or "", True
    )
    if prefix:
        keys.append(prefix + national)
    keys.append(national)
    return list(dict.fromkeys(keys))


def looks_like_phone_or_card(query: str) -> bool:
    """True when a search query is mostly digits (a phone or a loyalty card number)."""
    stripped = query.strip()
    if not stripped:
        return False
    allowed = set("0123456789 +-().")
    return len(digits(stripped)) >= 3 and all(ch in allowed for ch in stripped)


def display(e164: str) -> str:
    """The international human format of an E.164 number ("+84 90 123 45 67")."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def is_e164(text: str) -> bool:
    """True for a valid number written in E.164 ("+33612345678")."""
    if not re.fullmatch(r"\+[1-9][0-9]{6,14}", text):
        return False
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(parsed)


def calling_code(region: str) -> int:
    """+33 for "FR"."""
    return int(phonenumbers.country_code_for_region(region.upper()))
