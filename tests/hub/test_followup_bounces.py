"""Mailgun's delivery events for emails the worker sent over SMTP
(`POST /api/v1/delivery/mailgun/events`): a permanent failure (a bounce) fails the
follow-up, "delivered" and "opened" move it on, a temporary failure changes nothing;
forged, stale and replayed events are refused. Signed here as Mailgun documents it
(hex HMAC-SHA256 of timestamp + token), independently of the hub's code. Both backends."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from clienteling.hub.devsinks import FakeProvider, SmtpSink

from .conftest import NewDb, SeededHub
from .followup_kit import Device, status_of
from .reply_kit import sent, signed_in, small_hub

KEY = "key-mailgun-events-for-tests"


@pytest.fixture(scope="module")
def hub(new_db: NewDb) -> Iterator[SeededHub]:
    with small_hub(new_db, customers=30, mailgun_signing_key=KEY) as seeded:
        yield seeded


@pytest.fixture
def device(hub: SeededHub) -> Iterator[Device]:
    with signed_in(hub) as device:
        yield device


def event(
    message_id: str,
    kind: str,
    *,
    severity: str | None = None,
    key: str = KEY,
    age_s: float = 0,
    token: str | None = None,
) -> dict[str, Any]:
    timestamp = str(int(time.time() - age_s))
    token = token or secrets.token_hex(25)
    digest = hmac.new(key.encode(), (timestamp + token).encode(), hashlib.sha256).hexdigest()
    data: dict[str, Any] = {
        "id": secrets.token_hex(11),
        "event": kind,
        "timestamp": float(timestamp),
        "recipient": "someone@example.com",
        "message": {"headers": {"message-id": message_id}},
    }
    if severity:
        data["severity"] = severity
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": digest},
        "event-data": data,
    }


def post(hub: SeededHub, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{hub.url}/api/v1/delivery/mailgun/events", json=body, timeout=30)


def emailed(device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider) -> Any:
    """(follow-up id, the Message-ID as Mailgun reports it: without angle brackets)."""
    args = sent(device, hub, channel="email", sink=sink, provider=provider, language="ru")
    mail = sink.snapshot()[-1]  # the worker just sent it
    return args["id"], str(mail.message["Message-ID"]).strip("<>")


def test_a_bounce_fails_the_follow_up_and_a_soft_failure_does_not(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, message_id = emailed(device, hub, sink, provider)
    soft = post(hub, event(message_id, "failed", severity="temporary"))
    assert soft.status_code == 200 and soft.json() == {"status": "ignored"}
    assert status_of(hub.engine, followup_id)[0] == "sent"
    bounced = post(hub, event(message_id, "failed", severity="permanent"))
    assert bounced.json() == {"status": "recorded"}
    status, reason = status_of(hub.engine, followup_id)
    assert status == "failed" and reason and "bounced" in reason


def test_delivered_and_opened_move_the_status_on(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, message_id = emailed(device, hub, sink, provider)
    assert post(hub, event(message_id, "delivered")).json() == {"status": "recorded"}
    assert status_of(hub.engine, followup_id)[0] == "delivered"
    assert post(hub, event(message_id, "opened")).json() == {"status": "recorded"}
    assert status_of(hub.engine, followup_id)[0] == "opened"
    unknown = post(hub, event("nobody@example.com", "delivered"))
    assert unknown.json() == {"status": "unknown_message"}


def test_forged_stale_and_replayed_events_are_refused(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, message_id = emailed(device, hub, sink, provider)
    forged = post(hub, event(message_id, "failed", severity="permanent", key="not-the-key"))
    assert forged.status_code == 401 and forged.json()["code"] == "bad_signature"
    stale = post(hub, event(message_id, "failed", severity="permanent", age_s=3600))
    assert stale.status_code == 401 and stale.json()["code"] == "stale_signature"
    token = secrets.token_hex(25)
    assert post(hub, event(message_id, "delivered", token=token)).status_code == 200
    replayed = post(hub, event(message_id, "failed", severity="permanent", token=token))
    assert replayed.status_code == 401 and replayed.json()["code"] == "replayed_signature"
    assert status_of(hub.engine, followup_id)[0] == "delivered"
    assert post(hub, {"nothing": 1}).status_code == 422
