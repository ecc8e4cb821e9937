"""Opt-out keywords of replies (domain.replies): the whole message, any case or accents."""

from __future__ import annotations

import pytest

from clienteling.domain.replies import MAX_REPLY_TEXT, clean_reply_text, is_opt_out


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "stop",
        " Stop! ",
        "Arrêt",
        "ARRET.",
        "Désabonner",
        "HỦY",
        "huy",
        "Hủy đăng ký",
        "СТОП",
        "стоп!",
        "Отписаться",
        "unsubscribe",
        "STOP ALL",
    ],
)
def test_opt_out_keywords_of_every_language(text: str) -> None:
    assert is_opt_out(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Stop by tomorrow?",
        "Hủy đơn giúp tôi",
        "Merci, stop pour aujourd'hui",
        "Не надо стоп",
        "stopp",
        "OK",
    ],
)
def test_a_sentence_or_another_word_is_not_an_opt_out(text: str) -> None:
    assert not is_opt_out(text)


@pytest.mark.parametrize(
    "text",
    ["HỦY", "hủy", "Hủy", "Huỷ", "HUY", "huy", "HUY ?", "DỪNG", "Dừng", "DUNG", "dung"],
)
def test_hủy_and_dừng_opt_out_with_their_accents_or_in_capitals_or_small_letters(
    text: str,
) -> None:
    """The keyword as written by someone who means it: with its own accents (either tone
    placement), or unaccented in one case, as carriers print it or a hurried phone types it."""
    assert is_opt_out(text)


@pytest.mark.parametrize("text", ["Huy", "Huy.", " Huy! ", "Dung", "Dũng", "DŨNG", "Húy"])
def test_the_given_names_huy_dung_and_dũng_are_not_an_opt_out(text: str) -> None:
    """Written as a name (capital, then small letters, no accent) or with another word's
    accents, the message is someone saying who they are."""
    assert not is_opt_out(text)


def test_reply_text_is_kept_with_plain_line_ends_and_bounded() -> None:
    assert clean_reply_text("  Oui\r\nmerci\r ") == "Oui\nmerci"
    assert len(clean_reply_text("x" * (MAX_REPLY_TEXT + 50))) == MAX_REPLY_TEXT
