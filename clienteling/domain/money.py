"""Money as integer minor units plus an ISO 4217 currency; one price for every channel."""

from __future__ import annotations

from dataclasses import dataclass

# Minor-unit exponents of the currencies the demo chains use.
_EXPONENT = {"VND": 0, "EUR": 2, "RUB": 2, "USD": 2, "GBP": 2, "JPY": 0}


@dataclass(frozen=True, slots=True)
class Money:
    minor: int
    currency: str

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.minor + other.minor, self.currency)


def exponent(currency: str) -> int:
    return _EXPONENT.get(currency.upper(), 2)


def format_money(minor: int, currency: str) -> str:
    """A plain, locale-neutral rendering: "1 299.00 EUR", "25 990 000 VND"."""
    exp = exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10**exp) if exp else (abs(minor), 0)
    grouped = f"{whole:,}".replace(",", "\u202f")
    if exp:
        return f"{sign}{grouped}.{frac:0{exp}d} {currency}"
    return f"{sign}{grouped} {currency}"
