"""What a relay's bounce report says (RFC 3464 DSN: `multipart/report;
report-type=delivery-status`): a permanent failure, a temporary one, or nothing we know.

Read from the raw MIME when the inbound-parse service forwards it (the per-recipient
fields of the `message/delivery-status` part), else from the `Action:` / `Status:` lines
of the text it gave (a provider's parsed form may hold only the text)."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message
from typing import Literal

Verdict = Literal["permanent", "temporary", "unknown"]
_STATUS = re.compile(r"^\s*Status:\s*([245])\.\d{1,3}\.\d{1,3}\b", re.IGNORECASE | re.MULTILINE)
_REPORT_TYPES = ("message/delivery-status", "message/global-delivery-status")  # RFC 6533
_ACTION = re.compile(r"^\s*Action:\s*([a-z]+)", re.IGNORECASE | re.MULTILINE)


def _judge(pairs: list[tuple[str | None, str | None]]) -> Verdict:
    """Per recipient (action, status class): failed or 5 → permanent, unless delayed."""
    if not pairs:
        return "unknown"
    for action, status in pairs:
        if action == "delayed" or status == "4":
            continue
        if status == "5" or (action == "failed" and status is None):
            return "permanent"
    return "temporary" if any(a == "delayed" or s == "4" for a, s in pairs) else "unknown"


def _status_fields(block: Message) -> tuple[str | None, str | None]:
    action = str(block.get("Action", "")).strip().lower() or None
    found = _STATUS.match(f"Status: {str(block.get('Status', '')).strip()}")
    return action, (found.group(1) if found else None)


def from_mime(raw: str) -> Verdict:
    """The verdict of the delivery-status parts of a raw message."""
    message = email.message_from_string(raw, policy=email.policy.compat32)
    pairs: list[tuple[str | None, str | None]] = []
    for part in message.walk():
        if part.get_content_type() not in _REPORT_TYPES:
            continue
        blocks = part.get_payload()
        if isinstance(blocks, list):  # the per-message block, then one per recipient
            pairs += [
                p
                for p in (_status_fields(b) for b in blocks if isinstance(b, Message))
                if p != (None, None)
            ]
        elif isinstance(blocks, str):
            pairs += _pairs_of_text(blocks)
    return _judge(pairs)


def _pairs_of_text(text: str) -> list[tuple[str | None, str | None]]:
    actions = [a.lower() for a in _ACTION.findall(text)]
    statuses = _STATUS.findall(text)
    if not statuses:
        return [(a, None) for a in actions]
    if len(actions) == len(statuses):
        return list(zip(actions, statuses, strict=True))
    return [(None, s) for s in statuses]


def from_text(text: str) -> Verdict:
    """The verdict of the `Action:` / `Status:` lines of a report's text."""
    return _judge(_pairs_of_text(text))


def report_of(parts: list[str] | tuple[str, ...]) -> str:
    """A minimal `multipart/report` holding delivery-status parts given apart (Mailgun's
    parsed form gives them as attachments), so they are read as the raw MIME would be."""
    boundary = "clienteling-report"
    body = "".join(
        f"--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n{part.strip()}\r\n"
        for part in parts
    )
    return (
        "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; "
        f'boundary="{boundary}"\r\n\r\n{body}--{boundary}--\r\n'
    )


def verdict(*, mime: str | None, text: str) -> Verdict:
    """From the MIME when there is some and it says anything, else from the text."""
    if mime:
        found = from_mime(mime)
        if found != "unknown":
            return found
        return from_text(mime + "\n" + text)
    return from_text(text)
