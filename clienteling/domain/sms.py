"""How long an SMS is: characters and segments, GSM-7 or UCS-2 (3GPP TS 23.038).

A text made only of the GSM 03.38 default alphabet (plus its extension table, each of
whose characters costs two septets) travels as GSM-7: 160 per message, 153 per segment of
a longer one. Anything else (Vietnamese tones, Cyrillic, emoji) makes the whole message
UCS-2: 70 UTF-16 code units, 67 per segment. The terminal shows this while the associate
types, so a message that turns into four paid segments is no surprise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = frozenset("^{}\\[~]|€\f")

Encoding = Literal["gsm7", "ucs2"]


@dataclass(frozen=True, slots=True)
class SmsLength:
    encoding: Encoding
    characters: int  # what the associate sees (code points)
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int  # capacity of one segment for this message


def is_gsm7(text: str) -> bool:
    return all(ch in _GSM_BASIC or ch in _GSM_EXTENSION for ch in text)


def sms_length(text: str) -> SmsLength:
    """Characters, encoding and segment count of `text` sent as one SMS."""
    encoding: Encoding
    if is_gsm7(text):
        units = sum(2 if ch in _GSM_EXTENSION else 1 for ch in text)
        single, multi, encoding = 160, 153, "gsm7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "ucs2"
    if units <= single:
        segments, per_segment = (1 if units else 0), single
    else:
        segments, per_segment = -(-units // multi), multi
    return SmsLength(
        encoding=encoding,
        characters=len(text),
        units=units,
        segments=segments,
        per_segment=per_segment,
    )
