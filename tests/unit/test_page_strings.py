"""The customer pages say everything in every language (no key missing in one of them)."""

from __future__ import annotations

from clienteling.hub.pages import LANGUAGES, STRINGS


def test_every_language_has_every_string() -> None:
    keys = set(STRINGS["en"])
    for language in LANGUAGES:
        assert set(STRINGS[language]) == keys, language
        assert all(value.strip() for value in STRINGS[language].values()), language


def test_placeholders_match_the_english() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for language in LANGUAGES:
        for key, english in STRINGS["en"].items():
            assert fields(STRINGS[language][key]) == fields(english), (language, key)
