"""HTML form bodies as providers post them (Twilio, Mailgun): `application/x-www-form-
urlencoded` or `multipart/form-data`, read from the raw bytes the signature was checked
over, with the standard library (no multipart dependency for two webhooks).

Files in a multipart body (an email's attachments) are counted and dropped: a reply's
text is what the timeline keeps. Only a bounce report's machine-readable part
(`message/delivery-status`, RFC 3464; `message/global-delivery-status`, RFC 6533), which
Mailgun's parsed form gives as an attachment, is kept as text in `reports`. `fields` are
as sent (signatures are over them); the values `get` returns have no NUL character,
which PostgreSQL cannot store in text.
"""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser
from urllib.parse import parse_qsl


class BadFormError(ValueError):
    """The body is not the form its Content-Type says (the text says why, no values)."""


@dataclass(frozen=True, slots=True)
class Form:
    """The fields in the order sent; a name may repeat."""

    fields: list[tuple[str, str]]
    files: int = 0
    reports: tuple[str, ...] = ()  # the delivery-status attachments, as text

    def get(self, name: str, default: str = "") -> str:
        """The first value of `name` (exact case)."""
        for key, value in self.fields:
            if key == name:
                return value.replace("\x00", "")
        return default

    def get_folded(self, name: str, default: str = "") -> str:
        """The first value of `name` in any case (mail headers: "Message-Id", "message-id")."""
        wanted = name.lower()
        for key, value in self.fields:
            if key.lower() == wanted:
                return value.replace("\x00", "")
        return default


def parse_form(body: bytes, content_type: str | None) -> Form:
    """The form of either encoding, by the request's Content-Type."""
    kind = (content_type or "").split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        return _urlencoded(body)
    if kind == "multipart/form-data":
        return _multipart(body, content_type or "")
    raise BadFormError("the body is not a form (application/x-www-form-urlencoded or multipart)")


def _urlencoded(body: bytes) -> Form:
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadFormError("the form is not UTF-8") from exc
    return Form(fields=pairs)


def _multipart(body: bytes, content_type: str) -> Form:
    if "boundary=" not in content_type.lower():
        raise BadFormError("the multipart form names no boundary")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise BadFormError("the multipart form has no parts")
    fields: list[tuple[str, str]] = []
    files = 0
    reports: list[str] = []
    for part in message.get_payload():
        assert isinstance(part, Message)
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        if part.get_content_type() in DELIVERY_STATUS_TYPES:
            files += part.get_filename() is not None
            reports.append(_status_text(part))
            continue
        if part.get_filename() is not None:
            files += 1
            continue
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        charset = part.get_content_charset() or "utf-8"
        try:
            fields.append((name, raw.decode(charset)))
        except (LookupError, UnicodeDecodeError) as exc:
            raise BadFormError(f"the form field {name!r} is not {charset} text") from exc
    return Form(fields=fields, files=files, reports=tuple(reports))


DELIVERY_STATUS_TYPES = frozenset({"message/delivery-status", "message/global-delivery-status"})


def _status_text(part: Message) -> str:
    """A delivery-status part's text: the parser made its field blocks (per message, per
    recipient) into header-only messages; they go back to text one after the other."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return "".join(b.as_string() for b in payload if isinstance(b, Message))
    raw = part.get_payload(decode=True)
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(payload or "")
