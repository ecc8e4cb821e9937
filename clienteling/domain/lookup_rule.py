"""Which searches may reach other stores' customers (hub.lookups, the terminal's search).

A customer of another store is found only by what they hand over at the counter: their
exact email, their phone (any format, at least `MIN_DIGITS` digits) or their loyalty card.
A name finds customers of the associate's own store only: names are not secret, and a
search by name across the chain would show every store's customers to every associate.
"""

from __future__ import annotations

from typing import Literal

from clienteling.domain.contacts import looks_like_email
from clienteling.domain.phones import looks_like_phone_or_card
from clienteling.domain.text import digits

MIN_DIGITS = 8
"""Fewer digits are a prefix, not a phone or a card: it would list strangers."""

IdentifierKind = Literal["email", "number", "card"]


def identifier_kind(query: str) -> IdentifierKind | None:
    """ "email", "number" (a phone or a numeric card), "card" (a card with letters), or
    None when `query` is not an exact identifier (a name, a short prefix)."""
    text = query.strip()
    if not text:
        return None
    if looks_like_email(text):
        return "email"
    if looks_like_phone_or_card(text):
        return "number" if len(digits(text)) >= MIN_DIGITS else None
    if (
        4 <= len(text) <= 40
        and not any(ch.isspace() for ch in text)
        and any(ch.isdigit() for ch in text)
        and all(ch.isalnum() or ch in "-_" for ch in text)
    ):
        return "card"
    return None
