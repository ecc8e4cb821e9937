"""Personal PINs for the quick switch on a shared terminal: what a PIN may be, and the
errors a PIN unlock can end with. Pure rules (the hash and the counting live in store)."""

from __future__ import annotations

from itertools import pairwise
from typing import Literal

from clienteling.domain.errors import ClientelingError, ValidationError

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
MAX_PIN_FAILURES = 5
"""Wrong PINs in a row after which the PIN is disabled and the password is required."""

PinProblem = Literal["not_digits", "length", "repeated", "sequence"]


def pin_problem(pin: str) -> PinProblem | None:
    """Why `pin` may not be used, or None when it may.

    Refused: anything but 4 to 8 ASCII digits, one digit repeated (0000, 777777), and
    runs up or down (1234, 98765, 0123...), the first PINs anyone tries."""
    if not pin.isascii() or not pin.isdigit():
        return "not_digits"
    if not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        return "length"
    if len(set(pin)) == 1:
        return "repeated"
    steps = {(int(b) - int(a)) % 10 for a, b in pairwise(pin)}
    if steps in ({1}, {9}):
        return "sequence"
    return None


class WeakPinError(ValidationError):
    """The PIN chosen is not allowed (`problem` says why)."""

    code = "pin_weak"

    def __init__(self, problem: PinProblem) -> None:
        super().__init__(f"PIN not allowed: {problem}")
        self.problem = problem


class WrongPinError(ClientelingError):
    """The PIN typed is not this associate's; `attempts_left` before it is disabled."""

    code = "pin_wrong"

    def __init__(self, attempts_left: int) -> None:
        super().__init__(f"wrong PIN, {attempts_left} attempts left")
        self.attempts_left = attempts_left


class PinDisabledError(ClientelingError):
    """Too many wrong PINs (or none set): the associate signs in with their password."""

    code = "pin_disabled"


class PinOtherStoreError(ClientelingError):
    """The PIN's associate belongs to another store than the one this terminal is enrolled
    for (a terminal moved to another store keeps its old PINs): the cache is this store's,
    their token has their own store's scope, so the quick switch is refused; a password
    sign-in lets the hub decide (it refuses other stores' associates, admins excepted)."""

    code = "pin_other_store"
