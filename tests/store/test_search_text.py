"""The store's fast paths for indexing give exactly what the domain functions give."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clienteling.domain.phones import search_keys
from clienteling.domain.text import digits, fold, words
from clienteling.store.search import (
    _fold,
    _plain_e164,
    _words,
    phone_keys,
    search_text,
    sort_name,
    sorted_and_searched,
)


@given(st.text())
def test_words_and_fold_match_the_domain(text: str) -> None:
    assert _words(text) == words(text)
    assert sort_name(text) == " ".join(words(text))
    assert _fold(text) == fold(text)


@pytest.mark.parametrize("region", sorted(phonenumbers.SUPPORTED_REGIONS))
def test_phone_keys_match_the_domain_for_every_region(region: str) -> None:
    for kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.TOLL_FREE,
    ):
        example = phonenumbers.example_number_for_type(region, kind)
        if example is None:
            continue
        e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
        assert phone_keys(e164) == search_keys(e164)


@given(st.from_regex(r"\+[0-9]{1,20}", fullmatch=True))
def test_phone_keys_match_the_domain_for_any_digits(e164: str) -> None:
    assert phone_keys(e164) == search_keys(e164)


def _reference(customer: dict[str, Any]) -> tuple[str, tuple[str, str, str]]:
    """What a customer is sorted and found by, from the domain functions alone."""
    name_words = [
        word
        for field in ("given_name", "family_name", "display_name")
        for word in words(customer.get(field) or "")
    ]
    card = customer.get("loyalty_card") or ""
    other = [fold(email) for email in customer.get("emails") or []]
    if card:
        other.append(fold(card))
    keys = [key for phone in customer.get("phones") or [] for key in search_keys(phone)]
    if digits(card):
        keys.append(digits(card))
    text = (" ".join(dict.fromkeys(name_words)), " ".join(other), " ".join(keys))
    return " ".join(words(str(customer.get("display_name", "")))), text


_names = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["Nguyễn Văn", "Жуков", ""]))


@given(
    given_name=_names,
    family_name=_names,
    display_name=_names,
    emails=st.lists(st.text(max_size=10), max_size=2),
    phones=st.lists(st.from_regex(r"\+[0-9]{1,14}", fullmatch=True), max_size=2),
    card=st.one_of(st.none(), st.text(max_size=8), st.from_regex(r"[0-9]{6,12}", fullmatch=True)),
)
def test_sorted_and_searched_matches_the_domain(
    given_name: str | None,
    family_name: str | None,
    display_name: str | None,
    emails: list[str],
    phones: list[str],
    card: str | None,
) -> None:
    customer: dict[str, Any] = {
        "given_name": given_name,
        "family_name": family_name,
        "emails": emails,
        "phones": phones,
        "loyalty_card": card,
    }
    assert sorted_and_searched(customer) == _reference(customer)  # no display name at all
    customer["display_name"] = display_name
    assert sorted_and_searched(customer) == _reference(customer)
    assert search_text(customer) == _reference(customer)[1]


@given(st.one_of(st.text(max_size=24), st.from_regex(r"\+[0-9]{0,23}", fullmatch=True)))
def test_plain_e164_is_the_regex(text: str) -> None:
    assert _plain_e164(text) == bool(re.fullmatch(r"\+[1-9][0-9]{2,20}", text))
