"""Follow-up templates: every template renders in every language, and what people type
(names, product names, the personal line) can neither inject HTML or links nor run code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clienteling.domain.followup_templates import (
    LANGUAGES,
    TEMPLATE_NAMES,
    TEMPLATES_DIR,
    FollowupContext,
    FollowupTemplateError,
    PickedProduct,
    clean_value,
    preview_links,
    render_followup,
    render_string,
)

LINKS = {
    "landing_url": "https://hub.example/f/TOKEN1",
    "unsubscribe_url": "https://hub.example/u/TOKEN2",
    "survey_url": "https://hub.example/s/TOKEN3",
}


def context(**overrides: object) -> FollowupContext:
    values: dict[str, object] = {
        "customer_name": "Nguyễn Thị Lan",
        "associate_name": "Sophie",
        "store_name": "Paris Opéra",
        "personal_line": "The grey one suited you best.",
        "products": [PickedProduct("ZenBook 14", 129_900, "EUR", in_stock_here=True)],
        **LINKS,
    }
    values.update(overrides)
    return FollowupContext(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_every_template_renders_in_every_language(template: str, language: str) -> None:
    message = render_followup(template, language, context())
    assert message.subject and "\n" not in message.subject
    assert '<meta charset="utf-8">' in message.html
    assert f'lang="{language}"' in message.html
    assert "Nguyễn Thị Lan" in message.html and "Nguyễn Thị Lan" in message.text
    price = {
        "en": "1,299.00 EUR",
        "fr": "1\u202f299,00 EUR",
        "ru": "1\u00a0299,00 EUR",
        "vi": "1.299,00 EUR",
    }[language]
    assert "ZenBook 14" in message.text and price in message.html  # the reader's digits
    assert "The grey one suited you best." in message.html
    assert LINKS["unsubscribe_url"] in message.html and LINKS["unsubscribe_url"] in message.text
    assert LINKS["survey_url"] in message.text
    # The short text carries a signed link (the survey for the delivery check-in).
    assert LINKS["landing_url"] in message.short or LINKS["survey_url"] in message.short
    assert "{{" not in message.text + message.html + message.short


def test_languages_differ() -> None:
    subjects = {lang: render_followup("thank_you", lang, context()).subject for lang in LANGUAGES}
    assert len(set(subjects.values())) == 4
    assert "Спасибо" in subjects["ru"] and "Cảm ơn" in subjects["vi"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_html_in_names_and_notes_is_escaped_not_rendered(template: str, language: str) -> None:
    evil = '<img src=x onerror="alert(1)"><a href="https://evil.example">win</a>'
    message = render_followup(
        template,
        language,
        context(
            customer_name="<b>Bob</b>",
            personal_line=f"<script>alert('x')</script> {evil}",
            products=[PickedProduct(evil, 100, "EUR")],
        ),
    )
    assert "<script" not in message.html and "<img" not in message.html
    assert "&lt;b&gt;Bob&lt;/b&gt;" in message.html
    assert "evil.example" not in message.html + message.text + message.short
    # Our own links are the only ones in the email.
    assert message.html.count("<a ") == 3


@pytest.mark.parametrize("template", TEMPLATE_NAMES)
def test_links_in_values_are_removed_from_every_part(template: str) -> None:
    for sneaky in (
        "call https://evil.example/pay now",
        "go to www.evil.example",
        "visit evil-shop.com/login",
        "javascript:alert(1)",
        "HTTP://EVIL.EXAMPLE",
    ):
        message = render_followup(
            template,
            "fr",
            context(customer_name=sneaky, products=[PickedProduct(sneaky, 1, "EUR")]),
        )
        lowered = (message.text + message.html + message.short + message.subject).lower()
        assert "evil" not in lowered, sneaky
        assert "javascript" not in lowered, sneaky


def test_template_syntax_in_values_is_text_not_code() -> None:
    message = render_followup(
        "thank_you",
        "en",
        context(personal_line="{{ 7*7 }} {% for x in range(3) %}x{% endfor %}"),
    )
    assert "{{ 7*7 }}" in message.text and "49" not in message.text


def test_a_malicious_template_cannot_reach_python() -> None:
    for source in (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.system('id') }}",
        "{{ product.__class__ }}{{ product.mro() }}",
    ):
        with pytest.raises(FollowupTemplateError):
            render_string(source, {"product": "x"})


@pytest.mark.parametrize("template", ["welcome", "second_purchase", "vip_thanks"])
def test_a_template_file_runs_in_the_sandbox_too(template: str, tmp_path: Path) -> None:
    """Our own files render in the same sandbox: a tampered copy of one cannot reach
    Python either (the message is refused, nothing runs)."""
    shutil.copytree(TEMPLATES_DIR, tmp_path, dirs_exist_ok=True)
    tampered = tmp_path / f"{template}.en.jinja"
    source = tampered.read_text(encoding="utf-8").replace(
        "{{ store_name }}", "{{ store_name.__class__.__mro__[1].__subclasses__() }}", 1
    )
    tampered.write_text(source, encoding="utf-8")
    with pytest.raises(FollowupTemplateError):
        render_followup(template, "en", context(), templates_dir=tmp_path)
    assert render_followup(template, "en", context()).subject  # the real one still renders


def test_render_string_escapes_by_default() -> None:
    assert render_string("{{ v }}", {"v": "<b>"}) == "&lt;b&gt;"
    assert render_string("{{ v }}", {"v": "<b>"}, html=False) == "<b>"


def test_control_characters_and_newlines_are_flattened() -> None:
    assert clean_value("a\r\nBcc: x@y\x00z", limit=100) == "a Bcc: x@y z"
    subject = render_followup("birthday", "en", context(customer_name="Ann\r\nBcc: x")).subject
    assert "\n" not in subject and "\r" not in subject


def test_preview_links_have_the_real_length() -> None:
    links = preview_links("http://hub:8700/")
    assert links["landing_url"].startswith("http://hub:8700/f/")
    assert len(links["landing_url"]) == len("http://hub:8700/f/") + 43


def test_unknown_template_or_language_is_refused() -> None:
    with pytest.raises(FollowupTemplateError):
        render_followup("nope", "en", context())
    with pytest.raises(FollowupTemplateError):
        render_followup("thank_you", "de", context())
