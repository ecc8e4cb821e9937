"""Amounts on the terminal are written as the interface language writes numbers (the same
digits as the counts beside them), exactly, with the currency's own decimals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from clienteling.ui.labels import decimal_number, money_text, whole_number


@pytest.fixture
def locale_of() -> Iterator[type[QLocale]]:
    before = QLocale()
    yield QLocale
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("language", "eur", "vnd"),
    [
        ("en_US", "294,414.15\u00a0EUR", "25,990,000\u00a0VND"),
        ("fr_FR", "294\u202f414,15\u00a0EUR", "25\u202f990\u202f000\u00a0VND"),
        ("vi_VN", "294.414,15\u00a0EUR", "25.990.000\u00a0VND"),
        ("ru_RU", "294\u00a0414,15\u00a0EUR", "25\u00a0990\u00a0000\u00a0VND"),
    ],
)
def test_each_language_writes_amounts_its_way(
    qapp: QApplication, locale_of: type[QLocale], language: str, eur: str, vnd: str
) -> None:
    QLocale.setDefault(QLocale(language))
    assert money_text(29_441_415, "EUR") == eur
    assert money_text(25_990_000, "VND") == vnd  # no minor unit
    assert money_text(-505, "EUR").endswith(
        "5.05\u00a0EUR" if language == "en_US" else "5,05\u00a0EUR"
    )
    assert money_text(7, "EUR").startswith("0")  # 0.07


@given(minor=st.integers(-(10**15), 10**15))
def test_the_digits_are_exact_and_grouped_as_counts_are(minor: int) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        text = money_text(minor, "EUR")
        whole, cents = divmod(abs(minor), 100)
        assert text.startswith(("-" if minor < 0 else "") + whole_number(whole) + ",")
        assert text.endswith(f",{cents:02d}\u00a0EUR")
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("language", "shown"), [("en_US", "3.7"), ("fr_FR", "3,7"), ("vi_VN", "3,7")]
)
def test_measures_take_the_languages_decimal_mark(
    locale_of: type[QLocale], language: str, shown: str
) -> None:
    QLocale.setDefault(QLocale(language))
    assert decimal_number(3.66) == shown  # purchases a year, a score out of 5
