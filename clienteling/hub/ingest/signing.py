"""HMAC-SHA256 over the raw request body, as Shopify signs its webhooks."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import string

_HEX = set(string.hexdigits)


def sign(secret: str, body: bytes) -> bytes:
    return hmac.new(secret.encode(), body, hashlib.sha256).digest()


def sign_hex(secret: str, body: bytes) -> str:
    return sign(secret, body).hex()


def sign_base64(secret: str, body: bytes) -> str:
    return base64.b64encode(sign(secret, body)).decode()


def _decode(header: str) -> bytes | None:
    """The digest a header carries: hex (64 digits) or base64, optionally "sha256=..."."""
    text = header.strip()
    if text.lower().startswith("sha256="):
        text = text[len("sha256=") :]
    if len(text) == 64 and set(text) <= _HEX:
        return bytes.fromhex(text)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None


def verify(secret: str, body: bytes, header: str | None, *, hex_allowed: bool = True) -> bool:
    """True when `header` is the body's HMAC-SHA256 with `secret` (constant-time compare)."""
    if not header:
        return False
    given = _decode(header) if hex_allowed else _decode_base64(header)
    expected = sign(secret, body)
    if given is None:
        # Compare anyway, so a malformed header costs the same time as a wrong one.
        hmac.compare_digest(expected, expected[::-1])
        return False
    return hmac.compare_digest(expected, given)


def _decode_base64(header: str) -> bytes | None:
    try:
        return base64.b64decode(header.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None
