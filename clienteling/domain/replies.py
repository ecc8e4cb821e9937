"""Customers' replies to follow-ups: which replies are an opt-out, and how long a reply
is kept.

An SMS or WhatsApp reply that is only an opt-out keyword (as carriers define them: the
whole message, any case, with or without accents or a final "!" or ".") opts that channel
out. The keywords are written once here, per language; a keyword of any language counts
for every customer (a French customer may well answer "STOP"). Words that also start
ordinary sentences ("end", "quit") are left out on purpose, and a sentence is never an
opt-out: "Stop by tomorrow?" is not, and neither is "Hủy đơn giúp tôi".

Two Vietnamese keywords lose their meaning without their accents: "Hủy" (cancel) becomes
"Huy" and "Dừng" (stop) becomes "Dung", both common given names, and "Dũng" folds to the
same letters. A customer who answers a follow-up with just their name ("Huy", to say who
is writing) must not lose the channel, but a customer who means "cancel" must never be
ignored, and phones often type Vietnamese without accents. So for these two words only:

- written with the keyword's own accents, in any case ("HỦY", "hủy", "Huỷ" with the old
  tone placement, "Dừng"): an opt-out, as a name is never spelled that way;
- written without any accent, all in capitals ("HUY", "DUNG", the form carriers print in
  "soạn HUY gửi …") or all in small letters ("huy", typed in a hurry): an opt-out, since
  a name is rarely written either way and a missed opt-out is the worse mistake (a
  customer written to against their will, and a carrier complaint);
- written like a name, a capital then small letters without accents ("Huy", "Dung"), or
  with another word's accents ("Dũng", "Dung" with a tilde): a name, not an opt-out. The
  reply still reaches the timeline, where an associate reads it.

Every other keyword keeps the loose match (any case, with or without accents): "ARRET",
"stop", "стоп" are nobody's name.
"""

from __future__ import annotations

import re
import unicodedata

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

NAME_LIKE_KEYWORDS: dict[str, frozenset[str]] = {
    "huy": frozenset({"HỦY", "HUỶ"}),
    "dung": frozenset({"DỪNG"}),
}
"""Keywords whose unaccented form is also a given name (folded form -> the keyword as
spelled with its accents, upper case, both Vietnamese tone placements); see above."""


def _core(text: str) -> str:
    """The message without surrounding punctuation or blank space, composed (NFC)."""
    composed = unicodedata.normalize("NFC", text)
    return " ".join(_EDGES.sub("", composed).split())


def _is_keyword_not_name(core: str, spelled: frozenset[str]) -> bool:
    if core.upper() in spelled:
        return True
    unaccented = core.isascii()
    return unaccented and (core.isupper() or core.islower())


def is_opt_out(text: str) -> bool:
    """True when the whole reply is an opt-out keyword ("stop", "Arrêt !", "HỦY", "huy",
    "СТОП."); "Huy" and "Dũng", written as the names they are, are not."""
    if not text or len(text) > 40:
        return False
    key = _key(text)
    if key not in _KEYS:
        return False
    spelled = NAME_LIKE_KEYWORDS.get(key)
    return spelled is None or _is_keyword_not_name(_core(text), spelled)


def clean_reply_text(text: str) -> str:
    """The reply as kept: line ends made "\n", surrounding blank space gone, bounded."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return lines[:MAX_REPLY_TEXT]
