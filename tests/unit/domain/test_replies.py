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


def test_reply_text_is_kept_with_plain_line_ends_and_bounded() -> None:
    assert clean_reply_text("  Oui\r\nmerci\r ") == "Oui\nmerci"
    assert len(clean_reply_text("x" * (MAX_REPLY_TEXT + 50))) == MAX_REPLY_TEXT
