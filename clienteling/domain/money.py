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


# How each language of the product writes an amount (CLDR): the digit group separator and
# the decimal mark. Without a language: narrow spaces between groups and a decimal point.
_MARKS = {"en": (",", "."), "fr": ("\u202f", ","), "ru": ("\u00a0", ","), "vi": (".", ",")}
_NEUTRAL = ("\u202f", ".")


def format_money(minor: int, currency: str, language: str | None = None) -> str:
    """An amount and its ISO code, written as `language` writes numbers ("1,299.00 EUR"
    in English, "1 299,00 EUR" in French, "25.990.000 VND" in Vietnamese); without one,
    locale-neutral: "1 299.00 EUR", "25 990 000 VND". Exact: no float on the way."""
    group, point = _MARKS.get(language or "", _NEUTRAL)
    exp = exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 10**exp) if exp else (abs(minor), 0)
    grouped = f"{whole:,}".replace(",", group)
    if exp:
        return f"{sign}{grouped}{point}{frac:0{exp}d} {currency}"
    return f"{sign}{grouped} {currency}"
