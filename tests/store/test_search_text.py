"""The store's fast paths for indexing give exactly what the domain functions give."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clienteling.domain.phones import search_keys
from clienteling.domain.text import fold, words
from clienteling.store.search import _fold, _words, phone_keys, sort_name


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
