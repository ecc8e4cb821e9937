"""Follow-up messages: one renderer for the hub (which sends) and the terminal (which
previews), so the associate sees exactly what the customer will get.

Templates are Jinja2 files under `resources/templates/followups/`, one per template and
language (`thank_you.vi.jinja`), each defining the blocks `subject`, `intro`, `cta` and
`short`; `_strings.<lang>.jinja` holds the words every message shares, and the layouts
`_layout.html.jinja` / `_layout.txt.jinja` put the parts together.

Safety: everything renders in a `SandboxedEnvironment` (a template cannot reach Python
internals), the HTML with autoescape on. Values that come from people (the customer's
name, product names, the associate's personal line) are also cleaned: control characters
and line breaks go, and anything that looks like a link is removed, so neither the email
nor the SMS can carry a link that the hub did not sign.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from clienteling.domain.errors import ClientelingError
from clienteling.domain.money import format_money
from clienteling.domain.resources import resource_path

TEMPLATES_DIR = resource_path("templates", "followups")

TEMPLATE_NAMES = (
    "thank_you",
    "products_tried",
    "cart_available",
    "post_purchase",
    "birthday",
    "win_back",
    "back_in_stock",
    # Lifecycle (domain.tasks): welcome, second-purchase nudge, VIP thank-you.
    "welcome",
    "second_purchase",
    "vip_thanks",
    # The survey of a visit, sent after the counter (the visit form's "send by SMS").
    "visit_survey",
)
# Templates whose call to action is the survey, not the picks' landing page.
SURVEY_TEMPLATES = frozenset({"visit_survey"})
LANGUAGES = ("vi", "fr", "ru", "en")

MAX_PRODUCTS = 6
MAX_PERSONAL_LINE = 300
MAX_NAME = 120
# Links carry a token of this many characters (see hub.links), so a preview made with a
# placeholder token has the length of the real message (SMS segments!).
LINK_TOKEN_LENGTH = 43
PREVIEW_TOKEN = "x" * LINK_TOKEN_LENGTH

_PART_BLOCKS = ("subject", "intro", "cta", "short")
_STRING_BLOCKS = (
    "greeting",
    "signoff",
    "unsubscribe",
    "survey",
    "picks",
    "view_all",
    # Offers and the reserve-for-pickup link (domain.offers); used only when present.
    "offer_store_cashback",
    "offer_store_gift",
    "offer_free_delivery",
    "offer_free_pickup",
    "offer_code",
    "reserve",
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SPACES = re.compile(r"\s+")
# A scheme ("javascript:", "https://"), "www.", or a bare domain such as "evil.example/x".
_LINKISH = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.-]*://\S*|(?:javascript|data|vbscript|mailto|tel|sms|file):\S*"
    r"|www\.\S*|[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|net|org|info|biz|io|ru|vn|fr|de|uk|co|me|xyz|top|link|click|app|shop)\b\S*)"
)


class FollowupTemplateError(ClientelingError):
    """A template is missing or broken (a bug in our resources, or a refused template)."""

    code = "followup_template"


@dataclass(frozen=True, slots=True)
class PickedProduct:
    name: str
    price_minor: int
    currency: str
    in_stock_here: bool | None = None  # None: unknown


@dataclass(frozen=True, slots=True)
class OfferLine:
    """The single-use offer a message carries (made on the hub; previews use a stand-in)."""

    kind: str  # domain.offers.OFFER_KINDS
    code: str
    expires_on: date


PREVIEW_OFFER_CODE = "XXXXX-XXXXX"
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def offer_date(day: date, language: str) -> str:
    """An expiry date as the customer reads it."""
    if language == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    separator = "." if language == "ru" else "/"
    return f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year}"


@dataclass(frozen=True, slots=True)
class FollowupContext:
    """What a message says. Links are made by the hub (signed); previews pass
    `preview_links(base_url)`."""

    customer_name: str
    associate_name: str
    store_name: str
    personal_line: str
    products: Sequence[PickedProduct]
    landing_url: str
    unsubscribe_url: str
    survey_url: str
    offer: OfferLine | None = None
    reserve_url: str = ""  # the reserve-for-pickup page; "" when the message has none
    # The email's open pixel (HTML part only; the plain text stays untracked); "": none.
    open_pixel_url: str = ""


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    subject: str
    text: str  # the email's plain-text part
    html: str  # the email's HTML part
    short: str  # SMS / WhatsApp


def clean_value(text: str, *, limit: int) -> str:
    """A person's text made safe to put in any message: one line, no links, bounded."""
    flat = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    return _LINKISH.sub("[…]", flat)[:limit].strip()


def preview_links(base_url: str) -> dict[str, str]:
    """Links of the same length as the hub's, for a preview made before the hub signs."""
    base = base_url.rstrip("/")
    return {
        "landing_url": f"{base}/f/{PREVIEW_TOKEN}",
        "unsubscribe_url": f"{base}/u/{PREVIEW_TOKEN}",
        "survey_url": f"{base}/s/{PREVIEW_TOKEN}",
        "open_pixel_url": f"{base}/o/{PREVIEW_TOKEN}.gif",
    }


def preview_reserve_url(base_url: str) -> str:
    return f"{base_url.rstrip('/')}/r/{PREVIEW_TOKEN}"


@cache
def _environments(root: str) -> tuple[SandboxedEnvironment, SandboxedEnvironment]:
    """(HTML with autoescape, plain text), both sandboxed, over the same files."""
    common: dict[str, Any] = {
        "loader": FileSystemLoader(root),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    return (
        SandboxedEnvironment(autoescape=True, **common),
        SandboxedEnvironment(autoescape=False, **common),
    )


def _blocks(
    env: SandboxedEnvironment, name: str, blocks: Sequence[str], values: Mapping[str, Any]
) -> dict[str, str]:
    template = env.get_template(name)
    context = template.new_context(dict(values))
    found: dict[str, str] = {}
    for block in blocks:
        render = template.blocks.get(block)
        if render is None:
            raise FollowupTemplateError(f"{name} has no block {block!r}")
        found[block] = "".join(render(context)).strip()
    return found


def _values(context: FollowupContext, template: str, language: str) -> dict[str, Any]:
    products = [
        {
            "name": clean_value(p.name, limit=MAX_NAME),
            "price": format_money(p.price_minor, p.currency, language),
            "in_stock_here": p.in_stock_here,
        }
        for p in list(context.products)[:MAX_PRODUCTS]
    ]
    return {
        "lang": language,
        "customer_name": clean_value(context.customer_name, limit=MAX_NAME),
        "associate_name": clean_value(context.associate_name, limit=MAX_NAME),
        "store_name": clean_value(context.store_name, limit=MAX_NAME),
        "personal_line": clean_value(context.personal_line, limit=MAX_PERSONAL_LINE),
        "products": products,
        "first_product": products[0]["name"] if products else "",
        "landing_url": context.landing_url,
        "unsubscribe_url": context.unsubscribe_url,
        "survey_url": context.survey_url,
        "cta_url": context.survey_url if template in SURVEY_TEMPLATES else context.landing_url,
        "offer": None
        if context.offer is None
        else {
            "kind": context.offer.kind,
            "code": context.offer.code,
            "expires": offer_date(context.offer.expires_on, language),
        },
        "reserve_url": context.reserve_url,
        "open_pixel_url": context.open_pixel_url,
    }


def render_followup(
    template: str,
    language: str,
    context: FollowupContext,
    *,
    templates_dir: Path | None = None,
) -> RenderedMessage:
    """The email (subject, text, HTML) and the short text of one follow-up."""
    if template not in TEMPLATE_NAMES:
        raise FollowupTemplateError(f"unknown template {template!r}")
    if language not in LANGUAGES:
        raise FollowupTemplateError(f"unknown language {language!r}")
    html_env, text_env = _environments(str(templates_dir or TEMPLATES_DIR))
    values = _values(context, template, language)
    source = f"{template}.{language}.jinja"
    strings_source = f"_strings.{language}.jinja"
    try:
        parts: dict[str, dict[str, Any]] = {}
        for kind, env in (("html", html_env), ("text", text_env)):
            strings = _blocks(env, strings_source, _STRING_BLOCKS, values)
            own = _blocks(env, source, _PART_BLOCKS, values)
            merged: dict[str, Any] = {**strings, **own}
            offer = values["offer"]
            merged["offer_text"] = strings[f"offer_{offer['kind']}"] if offer else ""
            if kind == "html":
                merged = {key: Markup(value) for key, value in merged.items()}  # escaped
            parts[kind] = merged
        html = html_env.get_template("_layout.html.jinja").render(**values, **parts["html"])
        text = text_env.get_template("_layout.txt.jinja").render(**values, **parts["text"])
    except TemplateError as exc:
        raise FollowupTemplateError(f"{source}: {exc}") from exc
    return RenderedMessage(
        subject=_SPACES.sub(" ", parts["text"]["subject"]).strip(),
        text=text.strip() + "\n",
        html=html,
        short=_short(parts["text"], values),
    )


def _short(text_parts: Mapping[str, Any], values: Mapping[str, Any]) -> str:
    """The SMS / WhatsApp text: the template's own, then the offer and the reserve link."""
    short = str(text_parts["short"])
    if values["offer"] is not None:
        short += f" {text_parts['offer_' + values['offer']['kind']]} {text_parts['offer_code']}"
    if values["reserve_url"]:
        short += f" {text_parts['reserve']}: {values['reserve_url']}"
    return short


def render_string(source: str, values: Mapping[str, Any], *, html: bool = True) -> str:
    """Render a template given as text in the same sandbox (tests, custom templates):
    FollowupTemplateError when the template tries anything unsafe or is broken."""
    html_env, text_env = _environments(str(TEMPLATES_DIR))
    env = html_env if html else text_env
    try:
        return env.from_string(source).render(**values)
    except TemplateError as exc:
        raise FollowupTemplateError(f"template refused: {exc}") from exc
