"""New customers: the rules both the terminal (inline, while typing) and the hub (on
`customer.create`) apply to names, emails and phone numbers."""

from __future__ import annotations

import re

# Something@something.tld, no spaces: deliberately loose (real checking is a sent email).
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")

# The country a store's phone numbers default to, by the store's time zone.
_REGION_BY_TIMEZONE = {
    "Europe/Paris": "FR",
    "Europe/Brussels": "BE",
    "Europe/Luxembourg": "LU",
    "Europe/Monaco": "MC",
    "Europe/Zurich": "CH",
    "Europe/Berlin": "DE",
    "Europe/London": "GB",
    "Europe/Madrid": "ES",
    "Europe/Rome": "IT",
    "Europe/Moscow": "RU",
    "Asia/Ho_Chi_Minh": "VN",
    "Asia/Saigon": "VN",
    "America/New_York": "US",
}
DEFAULT_REGION = "FR"

# Countries offered first in the picker (the chain's customers' home countries).
COMMON_REGIONS = ("FR", "VN", "RU", "GB", "BE", "CH", "DE", "ES", "IT", "US")

CHANNELS = ("email", "sms", "whatsapp")
LANGUAGES = ("fr", "vi", "ru", "en")


def clean_name(text: str) -> str:
    """A name as stored: surrounding and repeated inner whitespace removed."""
    return " ".join(text.split())


def display_name(given_name: str, family_name: str, *, language: str) -> str:
    """How the name is written: family name first in Vietnamese ("Nguyễn Văn Ánh")."""
    given, family = clean_name(given_name), clean_name(family_name)
    parts = [family, given] if language == "vi" else [given, family]
    return " ".join(p for p in parts if p)


def normalize_email(text: str) -> str:
    return text.strip().lower()


def looks_like_email(text: str) -> bool:
    return bool(_EMAIL.fullmatch(text.strip())) and len(text.strip()) <= 254


def region_for_timezone(timezone: str | None) -> str:
    """The default phone country of a store in `timezone` (FR when unknown)."""
    return _REGION_BY_TIMEZONE.get(timezone or "", DEFAULT_REGION)
