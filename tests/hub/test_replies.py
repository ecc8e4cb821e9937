"""Customers' replies through the signed inbound webhook, and the email open pixel, on a
real hub (both backends): matched by the Reply-To token, the provider's thread, then the
sender; a replayed webhook changes nothing; an SMS "STOP" opts out; nobody's message is
kept for an admin; the pixel marks the first open and never moves a status back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.devsinks import FakeProvider, SmtpSink
from clienteling.hub.ingest.signing import sign_hex
from clienteling.hub.tables import (
    followups,
    inbound_messages,
)

from . import reply_kit
from .conftest import NewDb, SeededHub, sign_in
from .followup_kit import (
    Device,
    set_consent,
    status_of,
)
from .reply_kit import contacts, latest_consent, replies_of, signed_in, small_hub
from .test_customer_create import pull_all
from .test_followup_pages import token_of

SECRET = "inbound-test-secret"


@pytest.fixture(scope="module")
def reply_hub(new_db: NewDb) -> Iterator[SeededHub]:
    """A small hub of this module's own, taking inbound replies."""
    with small_hub(new_db, customers=30, inbound_secret=SECRET) as hub:
        yield hub


@pytest.fixture
def device(reply_hub: SeededHub) -> Iterator[Device]:
    with signed_in(reply_hub) as device:
        yield device


def sent(
    device: Device, hub: SeededHub, *, channel: str, sink: SmtpSink, provider: FakeProvider
) -> dict[str, Any]:
    return reply_kit.sent(device, hub, channel=channel, sink=sink, provider=provider, language="fr")


def post(hub: SeededHub, body: dict[str, Any], *, secret: str = SECRET) -> httpx.Response:
    raw = json.dumps(body, ensure_ascii=False).encode()
    return httpx.post(
        f"{hub.url}/api/v1/inbound/testprovider",
        content=raw,
        headers={
            "Content-Type": "application/json",
            "X-Clienteling-Signature": sign_hex(secret, raw),
        },
        timeout=30,
    )


_ids = iter(range(1_000_000))


def message_id() -> str:
    return f"msg-{next(_ids)}-{id(object())}"


def test_an_email_reply_is_matched_by_its_reply_to_token_and_pulled_by_the_store(
    device: Device, reply_hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, reply_hub, channel="email", sink=sink, provider=provider)
    token = token_of(reply_hub, args["id"], "reply")
    mail = next(m for m in sink.snapshot() if token in str(m.message["Reply-To"]))
    email, _ = contacts(reply_hub, args["customer_id"])
    scope = f"store:{device.store_id}"
    _, cursor = pull_all(device.http, device.device_id, scope)

    answer = post(
        reply_hub,
        {
            "id": message_id(),
            "channel": "email",
            # A relay may change the case of the address: the token is lower-case base32.
            "from": f"Client <{email.upper()}>",
            "to": str(mail.message["Reply-To"]).upper(),
            "text": "Merci ! Je passe samedi essayer le gris.\r\n\r\n> Le gris vous allait…",
        },
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["status"] == "matched" and body["matched_on"] == "token"
    assert body["followup_id"] == args["id"] and body["customer_id"] == args["customer_id"]
    assert body["opted_out"] == [] and body["duplicate"] is False
    (reply,) = replies_of(reply_hub, args["customer_id"])
    assert reply.text.startswith("Merci ! Je passe samedi") and "\r" not in reply.text
    assert (reply.channel, reply.store_id, reply.scope) == ("email", device.store_id, scope)

    changes, _ = pull_all(device.http, device.device_id, scope, cursor)
    pulled = [c for c in changes if c["entity"] == "reply"]
    assert [c["id"] for c in pulled] == [reply.id]
    assert pulled[0]["data"]["followup_id"] == args["id"]
    assert pulled[0]["data"]["text"] == reply.text


def test_sms_replies_match_by_thread_then_by_phone_and_a_replay_changes_nothing(
    device: Device, reply_hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, reply_hub, channel="sms", sink=sink, provider=provider)
    _, phone = contacts(reply_hub, args["customer_id"])
    ours = reply_kit.provider_message(reply_hub, provider, args["id"])
    first = {
        "id": message_id(),
        "channel": "sms",
        "from": phone,
        "to": "+33700000000",
        "text": "Oui, réservez-moi le M svp",
        "in_reply_to": ours.id,
    }
    answer = post(reply_hub, first)
    assert answer.json()["matched_on"] == "thread"
    assert answer.json()["followup_id"] == args["id"]
    again = post(reply_hub, first)
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["reply_id"] == answer.json()["reply_id"]

    by_phone = post(
        reply_hub,
        {"id": message_id(), "channel": "sms", "from": phone, "to": "", "text": "À samedi"},
    )
    assert by_phone.json()["matched_on"] == "address"
    assert by_phone.json()["followup_id"] == args["id"]
    assert [r.text for r in replies_of(reply_hub, args["customer_id"])] == [
        "Oui, réservez-moi le M svp",
        "À samedi",
    ]
    with reply_hub.engine.connect() as conn:
        kept = conn.execute(
            sa.select(sa.func.count()).where(inbound_messages.c.message_id == first["id"])
        ).scalar_one()
    assert kept == 1


def test_a_wrong_or_missing_signature_is_refused(reply_hub: SeededHub) -> None:
    body = {"id": message_id(), "channel": "sms", "from": "+33611111111", "text": "hi"}
    assert post(reply_hub, body, secret="not-the-secret").status_code == 401
    raw = json.dumps(body).encode()
    missing = httpx.post(
        f"{reply_hub.url}/api/v1/inbound/testprovider",
        content=raw,
        headers={"Content-Type": "application/json"},
    )
    assert missing.status_code == 401 and missing.json()["code"] == "bad_signature"
    with reply_hub.engine.connect() as conn:
        stored = conn.execute(
            sa.select(sa.func.count()).where(inbound_messages.c.message_id == body["id"])
        ).scalar_one()
    assert stored == 0
    bad = post(reply_hub, {"id": "x", "channel": "fax", "from": "+33611111111", "text": ""})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_message"


def test_stop_by_sms_opts_that_channel_out_and_a_sentence_does_not(
    device: Device, reply_hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, reply_hub, channel="sms", sink=sink, provider=provider)
    customer = args["customer_id"]
    set_consent(reply_hub.engine, customer, "email", True)
    email, phone = contacts(reply_hub, customer)
    chat = post(
        reply_hub,
        {"id": message_id(), "channel": "sms", "from": phone, "text": "Stop by tomorrow?"},
    )
    assert chat.json()["opted_out"] == []
    assert latest_consent(reply_hub, customer, "sms")[0] is True
    by_mail = post(
        reply_hub,
        {"id": message_id(), "channel": "email", "from": email, "to": "shop@x", "text": "STOP"},
    )
    assert by_mail.json()["status"] == "matched" and by_mail.json()["opted_out"] == []

    stop = post(reply_hub, {"id": message_id(), "channel": "sms", "from": phone, "text": "Arrêt !"})
    assert stop.json()["opted_out"] == ["sms"]
    assert latest_consent(reply_hub, customer, "sms") == (False, "inbound_reply")
    assert latest_consent(reply_hub, customer, "email")[0] is True
    opted = [r for r in replies_of(reply_hub, customer) if r.opt_out]
    assert [r.text for r in opted] == ["Arrêt !"]


def test_a_message_nobody_sent_is_kept_for_an_admin(reply_hub: SeededHub) -> None:
    stranger = {
        "id": message_id(),
        "channel": "whatsapp",
        "from": "whatsapp:+84909999111",
        "text": "Chào shop, còn áo size M không?",
    }
    answer = post(reply_hub, stranger)
    assert answer.status_code == 200 and answer.json()["status"] == "unmatched"
    with httpx.Client(base_url=reply_hub.url, timeout=30) as admin:
        sign_in(admin, username="demo-admin")
        listed = admin.get("/api/v1/inbound/unmatched", params={"limit": 200})
        assert listed.status_code == 200
        mine = [m for m in listed.json()["items"] if m["message_id"] == stranger["id"]]
        assert mine and mine[0]["text"] == stranger["text"]
        assert mine[0]["sender"] == stranger["from"]
    with httpx.Client(base_url=reply_hub.url, timeout=30) as associate:
        sign_in(associate)
        assert associate.get("/api/v1/inbound/unmatched").status_code == 403


def test_the_open_pixel_marks_the_first_open_and_never_moves_a_status_back(
    device: Device, reply_hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, reply_hub, channel="email", sink=sink, provider=provider)
    token = token_of(reply_hub, args["id"], "open")
    mail = next(m for m in sink.snapshot() if token in m.body("html"))
    assert f'src="{reply_hub.url}/o/{token}.gif"' in mail.body("html")
    assert "/o/" not in mail.body("plain")  # the plain-text part stays untracked

    shopper = httpx.Client(base_url=reply_hub.url, timeout=30)  # no sign-in
    pixel = shopper.get(f"/o/{token}.gif")
    assert pixel.status_code == 200 and pixel.headers["content-type"] == "image/gif"
    assert pixel.content.startswith(b"GIF89a")
    assert "no-store" in pixel.headers["cache-control"]
    assert status_of(reply_hub.engine, args["id"])[0] == "opened"
    with reply_hub.engine.connect() as conn:
        first = conn.execute(
            sa.select(followups.c.opened_at).where(followups.c.id == args["id"])
        ).scalar_one()
    assert first is not None

    landing = token_of(reply_hub, args["id"], "landing")
    assert shopper.get(f"/f/{landing}").status_code == 200
    assert status_of(reply_hub.engine, args["id"])[0] == "clicked"
    shopper.get(f"/o/{token}.gif")
    assert status_of(reply_hub.engine, args["id"])[0] == "clicked"
    with reply_hub.engine.connect() as conn:
        again = conn.execute(
            sa.select(followups.c.opened_at).where(followups.c.id == args["id"])
        ).scalar_one()
    assert again == first
    # A token nobody made answers the same picture (it tells a stranger nothing).
    unknown = shopper.get("/o/" + "Q" * 43 + ".gif")
    assert unknown.status_code == 200 and unknown.content == pixel.content
    shopper.close()


def test_an_admin_says_whose_an_unmatched_message_is(
    device: Device, reply_hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, reply_hub, channel="whatsapp", sink=sink, provider=provider)
    lost = {"id": message_id(), "channel": "whatsapp", "from": "+84909999222", "text": "СТОП"}
    assert post(reply_hub, lost).json()["status"] == "unmatched"
    path = f"/api/v1/inbound/unmatched/testprovider/{lost['id']}/assign"
    with httpx.Client(base_url=reply_hub.url, timeout=30) as admin:
        sign_in(admin, username="demo-admin")
        done = admin.post(path, json={"customer_id": args["customer_id"]})
        assert done.status_code == 200, done.text
        assert done.json()["matched_on"] == "admin"
        assert done.json()["followup_id"] == args["id"]
        assert done.json()["opted_out"] == ["whatsapp"]
        again = admin.post(path, json={"customer_id": args["customer_id"]})
        assert again.status_code == 404  # no longer unmatched
        listed = admin.get("/api/v1/inbound/unmatched", params={"limit": 200}).json()["items"]
        assert all(m["message_id"] != lost["id"] for m in listed)
    assert latest_consent(reply_hub, args["customer_id"], "whatsapp") == (False, "inbound_reply")
