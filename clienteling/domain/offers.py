"""Single-use offers and holds: the rules both sides agree on (no I/O here).

An offer moves the customer between channels: a cashback or a gift valid only in the
store, or free delivery or pickup valid only online. Its code is made on the hub, is
unguessable (50 random bits) and readable aloud or typed at the till: ten characters of
Crockford's base32 alphabet (no I, L, O, U), shown as two groups of five. Typing is
forgiving: case, spaces and dashes do not matter, and O/I/L read as 0/1/1.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Literal

OfferKind = Literal["store_cashback", "store_gift", "free_delivery", "free_pickup"]
OFFER_KINDS: tuple[OfferKind, ...] = (
    "store_cashback",
    "store_gift",
    "free_delivery",
    "free_pickup",
)
OfferChannel = Literal["store", "online"]

OFFER_VALIDITY = timedelta(days=30)
DEFAULT_HOLD_HOURS = 48.0
MAX_HOLD_QUANTITY = 5

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_READS_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def valid_in(kind: str) -> OfferChannel:
    """Where an offer of this kind can be redeemed."""
    return "store" if kind.startswith("store_") else "online"


def new_code() -> str:
    """A fresh code, grouped for reading: "7K2QF-M9XDA"."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalize_code(typed: str) -> str | None:
    """The stored form of a typed code, or None when it cannot be one of ours."""
    compact = "".join(c for c in typed.upper() if c not in " -\t").translate(_READS_AS)
    if len(compact) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in compact):
        return None
    return f"{compact[:5]}-{compact[5:]}"
