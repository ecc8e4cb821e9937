"""Customers' replies to follow-ups: which replies are an opt-out, and how long a reply
is kept.

An SMS or WhatsApp reply that is only an opt-out keyword (as carriers define them: the
whole message, any case, with or without accents or a final "!" or ".") opts that channel
out. The keywords are written once here, per language; a keyword of any language counts
for every customer (a French customer may well answer "STOP"). Words that also start
ordinary sentences ("end", "quit") are left out on purpose, and a sentence is never an
opt-out: "Stop by tomorrow?" is not, and neither is "Hủy đơn giúp tôi".
"""

from __future__ import annotations

import re

from clienteling.domain.text import fold

OPT_OUT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "en": ("STOP", "STOP ALL", "STOPALL", "UNSUBSCRIBE", "OPT OUT", "OPTOUT", "CANCEL"),
    "fr": ("STOP", "ARRÊT", "ARRÊTER", "DÉSABONNER", "DÉSINSCRIPTION", "DÉSINSCRIRE"),
    "vi": ("HỦY", "DỪNG", "HỦY ĐĂNG KÝ", "NGỪNG", "TỪ CHỐI"),
    "ru": ("СТОП", "ОТПИСАТЬСЯ", "ОТПИСКА", "ОТМЕНА"),
}
"""Whole-message opt-out keywords by language (matched without case or accents)."""

OPT_OUT_CHANNELS = ("sms", "whatsapp")
"""Channels on which a keyword reply opts out (email has its unsubscribe link and the
one-click List-Unsubscribe header)."""

MAX_REPLY_TEXT = 4000
"""A reply's text is kept up to this many characters (an SMS thread, a short email)."""

_EDGES = re.compile(r"^[\s\W_]+|[\s\W_]+$")


def _key(text: str) -> str:
    return " ".join(_EDGES.sub("", fold(text)).split())


_KEYS = frozenset(_key(word) for words in OPT_OUT_KEYWORDS.values() for word in words)


def is_opt_out(text: str) -> bool:
    """True when the whole reply is an opt-out keyword ("stop", "Arrêt !", "huy", "СТОП.")."""
    return bool(text) and len(text) <= 40 and _key(text) in _KEYS


def clean_reply_text(text: str) -> str:
    """The reply as kept: line ends made "\n", surrounding blank space gone, bounded."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return lines[:MAX_REPLY_TEXT]
