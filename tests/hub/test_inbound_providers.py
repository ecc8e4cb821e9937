"""Replies as real providers post them, on a real hub (both backends): Twilio's signed
SMS/WhatsApp forms and Mailgun's signed inbound-route emails (urlencoded and multipart),
matched and opted out as every reply is; forged, tampered, stale and replayed requests
refused; a retried webhook changes nothing.

The requests are signed here the way each provider documents it (Twilio: base64
HMAC-SHA1 of the URL and the sorted fields; Mailgun: hex HMAC-SHA256 of timestamp+token),
independently of the hub's code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.devsinks import FakeProvider, SmtpSink
from clienteling.hub.inbound_forms import Form
from clienteling.hub.inbound_twilio import signature as hub_twilio_signature
from clienteling.hub.inbound_twilio import verify as hub_twilio_verify
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import inbound_messages, inbound_nonces

from . import reply_kit
from .conftest import NewDb, SeededHub
from .followup_kit import (
    Device,
)
from .reply_kit import contacts, latest_consent, replies_of, signed_in, small_hub
from .test_followup_pages import token_of

TWILIO_TOKEN = "twilio-auth-token-for-tests"
MAILGUN_KEY = "key-mailgun-signing-for-tests"
# As configured at Twilio: the hub sits behind a TLS proxy Twilio calls by name.
PUBLIC_TWILIO_URL = "https://hub.example.com/api/v1/inbound/twilio"


@pytest.fixture(scope="module")
def hub(new_db: NewDb) -> Iterator[SeededHub]:
    with small_hub(
        new_db,
        customers=40,
        twilio_auth_token=TWILIO_TOKEN,
        twilio_webhook_url=PUBLIC_TWILIO_URL,
        mailgun_signing_key=MAILGUN_KEY,
        mailgun_max_age_s=120,
    ) as seeded:
        yield seeded


@pytest.fixture
def device(hub: SeededHub) -> Iterator[Device]:
    with signed_in(hub) as device:
        yield device


def sent(
    device: Device, hub: SeededHub, *, channel: str, sink: SmtpSink, provider: FakeProvider
) -> dict[str, Any]:
    return reply_kit.sent(device, hub, channel=channel, sink=sink, provider=provider, language="vi")


# --- Twilio ---------------------------------------------------------------------------


def twilio_signature(token: str, url: str, fields: dict[str, str]) -> str:
    """Twilio's documented scheme: the URL, then each field name + value, sorted by name."""
    data = url + "".join(name + fields[name] for name in sorted(fields))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def twilio_fields(sender: str, text: str, **extra: str) -> dict[str, str]:
    whatsapp = sender.startswith("whatsapp:")
    fields = {
        "ToCountry": "FR",
        "SmsMessageSid": "",
        "NumMedia": "0",
        "SmsSid": "",
        "SmsStatus": "received",
        "Body": text,
        "To": "whatsapp:+33700000000" if whatsapp else "+33700000000",
        "NumSegments": "1",
        "MessageSid": "SM" + secrets.token_hex(16),
        "AccountSid": "AC" + "0" * 32,
        "From": sender,
        "ApiVersion": "2010-04-01",
    }
    fields["SmsMessageSid"] = fields["SmsSid"] = fields["MessageSid"]
    fields.update(extra)
    return fields


def post_twilio(
    hub: SeededHub,
    fields: dict[str, str],
    *,
    signed_url: str = PUBLIC_TWILIO_URL,
    token: str = TWILIO_TOKEN,
    tamper: dict[str, str] | None = None,
) -> httpx.Response:
    signature = twilio_signature(token, signed_url, fields)
    return httpx.post(
        f"{hub.url}/api/v1/inbound/twilio",
        data={**fields, **(tamper or {})},
        headers={"X-Twilio-Signature": signature},
        timeout=30,
    )


def test_the_hubs_twilio_signature_matches_twilios_published_examples() -> None:
    """The vectors of Twilio's own request-validator tests: fields, a repeated field
    (values sorted), and the URL with the default port added or any port removed."""
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    fields = {
        "CallSid": "CA1234567890ABCDE",
        "Digits": "1234",
        "From": "+14158675309",
        "To": "+18005551212",
        "Caller": "+14158675309",
    }
    pairs = list(fields.items())
    assert hub_twilio_signature("12345", url, pairs) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="
    repeated = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")]
    assert hub_twilio_signature("12345", url, repeated) == "IK+Dwps556ElfBT0I3Rgjkr1wJU="
    form = Form(fields=pairs)
    with_port = url.replace(".com", ".com:1234")
    assert hub_twilio_verify("12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", [with_port], form)
    assert hub_twilio_verify("12345", "kvajT1Ptam85bY51eRf/AJRuM3w=", [url], form)  # :443
    http = url.replace("https", "http")
    assert hub_twilio_verify("12345", "0ZXoZLH/DfblKGATFgpif+LLRf4=", [http], form)  # :80
    assert not hub_twilio_verify("12345", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", [http], form)
    assert not hub_twilio_verify("54321", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", [url], form)


def test_a_twilio_sms_reply_is_matched_by_the_number_and_answered_with_empty_twiml(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, hub, channel="sms", sink=sink, provider=provider)
    _, phone = contacts(hub, args["customer_id"])
    fields = twilio_fields(phone, "Dạ, chiều mai em ghé thử size M nhé + cảm ơn & hẹn gặp")

    answer = post_twilio(hub, fields)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/xml")
    assert answer.text.endswith("<Response/>")
    (reply,) = replies_of(hub, args["customer_id"])
    assert reply.text == fields["Body"]  # "+" and "&" survive the form encoding
    assert (reply.channel, reply.followup_id, reply.matched_on) == ("sms", args["id"], "address")

    again = post_twilio(hub, fields)  # Twilio retried: same MessageSid
    assert again.status_code == 200 and again.text == answer.text
    assert len(replies_of(hub, args["customer_id"])) == 1
    with hub.engine.connect() as conn:
        row = conn.execute(
            sa.select(inbound_messages).where(
                inbound_messages.c.provider == "twilio",
                inbound_messages.c.message_id == fields["MessageSid"],
            )
        ).one()
    assert (row.status, row.channel, row.sender) == ("matched", "sms", phone)


def test_a_twilio_request_signed_for_the_url_it_arrived_at_is_also_accepted(
    hub: SeededHub,
) -> None:
    fields = twilio_fields("+33611110000", "Bonjour")
    answer = post_twilio(hub, fields, signed_url=f"{hub.url}/api/v1/inbound/twilio")
    assert answer.status_code == 200, answer.text


def test_a_forged_or_tampered_twilio_request_is_refused_and_not_kept(hub: SeededHub) -> None:
    fields = twilio_fields("+33611112222", "Bonjour")
    assert post_twilio(hub, fields, token="not-the-token").status_code == 401
    other_url = "https://hub.example.com/api/v1/inbound/somewhere-else"
    assert post_twilio(hub, fields, signed_url=other_url).status_code == 401
    tampered = post_twilio(hub, fields, tamper={"Body": "STOP"})
    assert tampered.status_code == 401 and tampered.json()["code"] == "bad_signature"
    unsigned = httpx.post(f"{hub.url}/api/v1/inbound/twilio", data=fields, timeout=30)
    assert unsigned.status_code == 401
    as_json = httpx.post(
        f"{hub.url}/api/v1/inbound/twilio",
        json=fields,
        headers={"X-Twilio-Signature": twilio_signature(TWILIO_TOKEN, PUBLIC_TWILIO_URL, fields)},
        timeout=30,
    )
    assert as_json.status_code == 400 and as_json.json()["code"] == "invalid_form"
    with hub.engine.connect() as conn:
        kept = conn.execute(
            sa.select(sa.func.count()).where(inbound_messages.c.message_id == fields["MessageSid"])
        ).scalar_one()
    assert kept == 0


def test_a_whatsapp_reply_to_our_message_matches_it_and_stop_opts_whatsapp_out(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, hub, channel="whatsapp", sink=sink, provider=provider)
    _, phone = contacts(hub, args["customer_id"])
    ours = reply_kit.provider_message(hub, provider, args["id"])
    fields = twilio_fields(f"whatsapp:{phone}", "STOP", OriginalRepliedMessageSid=ours.id)

    assert post_twilio(hub, fields).status_code == 200
    (reply,) = replies_of(hub, args["customer_id"])
    assert (reply.channel, reply.matched_on, reply.followup_id) == (
        "whatsapp",
        "thread",
        args["id"],
    )
    assert reply.opt_out is True
    assert latest_consent(hub, args["customer_id"], "whatsapp") == (False, "inbound_reply")


def test_huy_by_sms_is_a_name_and_hủy_or_huy_in_capitals_opts_out(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, hub, channel="sms", sink=sink, provider=provider)
    customer = args["customer_id"]
    _, phone = contacts(hub, customer)
    assert post_twilio(hub, twilio_fields(phone, "Huy")).status_code == 200
    assert latest_consent(hub, customer, "sms")[0] is True
    assert post_twilio(hub, twilio_fields(phone, "HUY")).status_code == 200
    assert latest_consent(hub, customer, "sms") == (False, "inbound_reply")
    assert [(r.text, r.opt_out) for r in replies_of(hub, customer)] == [
        ("Huy", False),
        ("HUY", True),
    ]


# --- Mailgun --------------------------------------------------------------------------


def mailgun_fields(
    *, sender: str, recipient: str, text: str, signed_at: float | None = None, **extra: str
) -> dict[str, str]:
    """A parsed inbound email as a Mailgun route forwards it, signed with the key."""
    timestamp = str(int(time.time() if signed_at is None else signed_at))
    token = secrets.token_hex(25)  # 50 characters, as Mailgun's
    message_id = f"<{secrets.token_hex(8)}@mail.example.com>"
    return {
        "recipient": recipient,
        "sender": f"bounce+{secrets.token_hex(4)}@mail.example.com",
        "from": f"Khách hàng <{sender}>",
        "subject": "Re: Cảm ơn quý khách",
        "body-plain": text + "\r\n\r\nOn Tue, the shop wrote:\r\n> Cảm ơn quý khách",
        "stripped-text": text,
        "stripped-signature": "",
        "Message-Id": message_id,
        "message-headers": f'[["Message-Id", "{message_id}"], ["Subject", "Re: Cảm ơn"]]',
        "timestamp": timestamp,
        "token": token,
        "signature": hmac.new(
            MAILGUN_KEY.encode(), (timestamp + token).encode(), hashlib.sha256
        ).hexdigest(),
        **extra,
    }


def post_mailgun(
    hub: SeededHub, fields: dict[str, str], *, attachment: bytes | None = None
) -> httpx.Response:
    files = (
        None if attachment is None else {"attachment-1": ("photo.jpg", attachment, "image/jpeg")}
    )
    return httpx.post(f"{hub.url}/api/v1/inbound/mailgun", data=fields, files=files, timeout=30)


def test_a_mailgun_reply_to_the_reply_address_is_matched_by_its_token_without_the_quote(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, hub, channel="email", sink=sink, provider=provider)
    token = token_of(hub, args["id"], "reply")
    mail = next(m for m in sink.snapshot() if token in str(m.message["Reply-To"]))
    email, _ = contacts(hub, args["customer_id"])
    fields = mailgun_fields(
        sender=email,
        recipient=str(mail.message["Reply-To"]),
        text="Dạ em cảm ơn, thứ bảy em ghé.",
        **{"In-Reply-To": str(mail.message["Message-ID"])},
    )

    answer = post_mailgun(hub, fields, attachment=b"\xff\xd8\xff" + bytes(2000))  # multipart
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (body["status"], body["matched_on"], body["followup_id"]) == (
        "matched",
        "token",
        args["id"],
    )
    (reply,) = replies_of(hub, args["customer_id"])
    assert reply.text == "Dạ em cảm ơn, thứ bảy em ghé."  # stripped-text: no quoted thread
    assert reply.channel == "email"

    again = post_mailgun(hub, fields)  # Mailgun retried the same post (same token)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again.json()["reply_id"] == body["reply_id"]
    assert len(replies_of(hub, args["customer_id"])) == 1


def test_a_mailgun_reply_without_the_token_matches_the_message_it_answers(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    args = sent(device, hub, channel="email", sink=sink, provider=provider)
    token = token_of(hub, args["id"], "reply")
    mail = next(m for m in sink.snapshot() if token in str(m.message["Reply-To"]))
    fields = mailgun_fields(
        sender="someone.else@example.org",
        recipient="shop@maison-lumiere.example",
        text="STOP",
        **{"In-Reply-To": str(mail.message["Message-ID"])},
    )
    del fields["stripped-text"]  # Mailgun found no quote to strip: body-plain it is
    answer = post_mailgun(hub, fields)
    assert answer.status_code == 200, answer.text
    assert answer.json()["matched_on"] == "thread" and answer.json()["followup_id"] == args["id"]
    assert answer.json()["opted_out"] == []  # "STOP" by email: the unsubscribe link's job
    (reply,) = replies_of(hub, args["customer_id"])
    assert reply.text.startswith("STOP\n\nOn Tue, the shop wrote:")


def test_mailgun_refuses_wrong_stale_and_replayed_signatures(hub: SeededHub) -> None:
    def fresh() -> dict[str, str]:
        return mailgun_fields(
            sender="nobody@example.org", recipient="shop@maison-lumiere.example", text="Hello"
        )

    wrong = {**fresh(), "signature": "0" * 64}
    assert post_mailgun(hub, wrong).json()["code"] == "bad_signature"
    missing = fresh()
    del missing["signature"]
    assert post_mailgun(hub, missing).status_code == 401
    stale = mailgun_fields(
        sender="nobody@example.org", recipient="x@y", text="Hi", signed_at=time.time() - 3600
    )
    answer = post_mailgun(hub, stale)
    assert answer.status_code == 401 and answer.json()["code"] == "stale_signature"

    first = fresh()
    assert post_mailgun(hub, first).status_code == 200
    # The captured timestamp/token/signature with another email: the signature does not
    # cover the body, so only the used token gives the forgery away.
    forged = {**fresh(), **{k: first[k] for k in ("timestamp", "token", "signature")}}
    forged["stripped-text"] = "STOP"
    replayed = post_mailgun(hub, forged)
    assert replayed.status_code == 401 and replayed.json()["code"] == "replayed_signature"
    with hub.engine.connect() as conn:
        kept = conn.execute(
            sa.select(sa.func.count()).where(inbound_messages.c.message_id == forged["Message-Id"])
        ).scalar_one()
        nonce = conn.execute(
            sa.select(inbound_nonces.c.message_id).where(inbound_nonces.c.nonce == first["token"])
        ).scalar_one()
    assert kept == 0 and nonce == first["Message-Id"]

    no_sender = {**fresh(), "from": "", "sender": ""}
    answer = post_mailgun(hub, no_sender)
    assert answer.status_code == 406 and answer.json()["code"] == "invalid_message"


def test_providers_without_a_configured_secret_are_refused(new_db: NewDb) -> None:
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    with HubServer(settings=HubSettings(db=url, port=0, purge_interval_s=0)) as server:
        for name in ("twilio", "mailgun"):
            answer = httpx.post(
                f"{server.url}/api/v1/inbound/{name}", data={"Body": "hi"}, timeout=30
            )
            assert answer.status_code == 403 and answer.json()["code"] == "inbound_disabled"


def test_a_nul_in_a_signed_twilio_message_is_dropped_not_a_server_error(hub: SeededHub) -> None:
    """The form encodes it as %00, which reaches no text column (PostgreSQL refuses NUL)."""
    fields = twilio_fields("+33611113333", "Bon\x00jour")
    assert post_twilio(hub, fields).status_code == 200
    with hub.engine.connect() as conn:
        text = conn.execute(
            sa.select(inbound_messages.c.text).where(
                inbound_messages.c.message_id == fields["MessageSid"]
            )
        ).scalar_one()
    assert text == "Bonjour"
