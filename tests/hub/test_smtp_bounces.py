"""Bounces of emails sent through a plain SMTP relay (VERP): the worker's envelope sender
names the attempt (`bounce+<key>.<hmac>@<reply_domain>`), the relay's RFC 3464 report
comes back through the inbound hook, a permanent failure fails the follow-up (the
store's terminals pull it), a delay changes nothing, a forged address or a replay
changes nothing, and a customer's reply still lands as a reply. Both backends."""

from __future__ import annotations

import email
import email.policy
import json
import time
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import FakeProvider, InboundHook, SmtpSink, SunkMail
from clienteling.hub.ingest.signing import sign_hex
from clienteling.hub.tables import delivery_attempts, followups, inbound_messages

from .conftest import NewDb, SeededHub
from .followup_kit import (
    NOON,
    Device,
    customer_with_contacts,
    delivery_settings,
    queue_args,
    set_consent,
    status_of,
)
from .reply_kit import contacts, replies_of, sent, signed_in, small_hub
from .test_customer_create import pull_all
from .test_inbound_providers import MAILGUN_KEY, mailgun_fields, post_mailgun

SECRET = "bounce-test-secret"
DOMAIN = "replies.shop.example"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def hub(new_db: NewDb) -> Iterator[SeededHub]:
    with small_hub(
        new_db,
        customers=45,
        inbound_secret=SECRET,
        reply_domain=DOMAIN,
        mailgun_signing_key=MAILGUN_KEY,
    ) as seeded:
        yield seeded


@pytest.fixture
def device(hub: SeededHub) -> Iterator[Device]:
    with signed_in(hub) as device:
        yield device


def emailed(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> tuple[str, SunkMail]:
    """A follow-up sent by email with the reply domain set: (its id, the mail as sunk)."""
    args = sent(
        device,
        hub,
        channel="email",
        sink=sink,
        provider=provider,
        language="fr",
        reply_domain=DOMAIN,
    )
    with hub.engine.connect() as conn:
        key = conn.execute(
            sa.select(delivery_attempts.c.idempotency_key).where(
                delivery_attempts.c.followup_id == args["id"]
            )
        ).scalar_one()
    mail = next(m for m in sink.snapshot() if m.message["X-Clienteling-Idempotency-Key"] == key)
    return args["id"], mail


def report(name: str, mail: SunkMail, *, to: str | None = None) -> str:
    """The fixture DSN about `mail`, as the relay sends it to the envelope sender."""
    text = (FIXTURES / name).read_text()
    return (
        text.replace("{bounce_address}", to or mail.mail_from)
        .replace("{recipient}", mail.rcpt_tos[0])
        .replace("{message_id}", str(mail.message["Message-ID"]))
    )


_ids = iter(range(1_000_000))


def post(hub: SeededHub, body: dict[str, Any]) -> httpx.Response:
    raw = json.dumps(body).encode()
    return httpx.post(
        f"{hub.url}/api/v1/inbound/parse",
        content=raw,
        headers={
            "Content-Type": "application/json",
            "X-Clienteling-Signature": sign_hex(SECRET, raw),
        },
        timeout=30,
    )


def bounce_body(mime: str, *, to: str, message_id: str | None = None) -> dict[str, Any]:
    """The inbound-parse service's post of a report: its raw MIME and its first text."""
    return {
        "id": message_id or f"dsn-{next(_ids)}-{id(object())}",
        "channel": "email",
        "from": "MAILER-DAEMON@relay.shop.example",
        "to": to,
        "text": mime.split("Content-Transfer-Encoding: 8bit", 2)[-1][:2000],
        "mime": mime,
    }


def test_the_envelope_sender_names_the_attempt_and_the_reply_to_is_unchanged(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    _, mail = emailed(device, hub, sink, provider)
    local, _, domain = mail.mail_from.partition("@")
    assert domain == DOMAIN and local.startswith("bounce+") and len(local) <= 64
    key = str(mail.message["X-Clienteling-Idempotency-Key"]).replace("-", "")
    assert local.removeprefix("bounce+").startswith(key + ".")
    assert str(mail.message["Reply-To"]).startswith("reply+")
    assert str(mail.message["From"]) != mail.mail_from


def test_a_permanent_bounce_fails_the_follow_up_and_the_store_pulls_it(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    scope = f"store:{device.store_id}"
    _, cursor = pull_all(device.http, device.device_id, scope)
    body = bounce_body(report("dsn_permanent.eml", mail), to=mail.mail_from.upper())

    answer = post(hub, body)
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "bounce" and answer.json()["bounce"] == "recorded"
    status, reason = status_of(hub.engine, followup_id)
    assert status == "failed" and reason and "bounced" in reason
    changes, cursor = pull_all(device.http, device.device_id, scope, cursor)
    pulled = [c for c in changes if c["entity"] == "followup" and c["id"] == followup_id]
    assert pulled and pulled[-1]["data"]["status"] == "failed"

    customer_id = _customer_of(hub, followup_id)
    assert replies_of(hub, customer_id) == []  # a bounce is no reply
    again = post(hub, body)
    assert again.json()["duplicate"] is True and again.json()["bounce"] == "recorded"
    changes, _ = pull_all(device.http, device.device_id, scope, cursor)
    assert not [c for c in changes if c["id"] == followup_id]  # the replay changed nothing
    with hub.engine.connect() as conn:
        kept = conn.execute(
            sa.select(inbound_messages.c.status, inbound_messages.c.text).where(
                inbound_messages.c.message_id == body["id"]
            )
        ).one()
    assert kept.status == "bounce:recorded" and kept.text == ""


def test_a_delayed_report_changes_nothing(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    answer = post(hub, bounce_body(report("dsn_delayed.eml", mail), to=mail.mail_from))
    assert answer.status_code == 200 and answer.json()["bounce"] == "temporary"
    assert status_of(hub.engine, followup_id)[0] == "sent"


def test_a_report_given_only_as_text_is_read_from_its_status_lines(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    body = bounce_body(report("dsn_permanent.eml", mail), to=mail.mail_from)
    body["text"], body["mime"] = body["mime"], None  # a parsed form: the whole text only
    assert post(hub, body).json()["bounce"] == "recorded"
    assert status_of(hub.engine, followup_id)[0] == "failed"


def test_a_bounce_to_a_forged_address_is_ignored(
    device: Device,
    hub: SeededHub,
    sink: SmtpSink,
    provider: FakeProvider,
    caplog: pytest.LogCaptureFixture,
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    local, _, domain = mail.mail_from.partition("@")
    forged = local[:-4] + ("aaaa" if not local.endswith("aaaa") else "bbbb") + "@" + domain
    caplog.set_level("WARNING", logger="clienteling.hub.delivery.bounces")
    answer = post(hub, bounce_body(report("dsn_permanent.eml", mail, to=forged), to=forged))
    assert answer.status_code == 200 and answer.json()["bounce"] == "ignored"
    nobody = "bounce+" + "0" * 32 + "." + "a" * 24 + "@" + DOMAIN
    assert post(hub, bounce_body(report("dsn_permanent.eml", mail), to=nobody)).status_code == 200
    warned = [
        r.getMessage() for r in caplog.records if r.name == "clienteling.hub.delivery.bounces"
    ]
    assert len(warned) == 2 and all("did not sign" in w for w in warned)
    assert not any(mail.rcpt_tos[0] in r.getMessage() for r in caplog.records)  # ids only
    assert status_of(hub.engine, followup_id)[0] == "sent"
    assert replies_of(hub, _customer_of(hub, followup_id)) == []


def test_a_customer_reply_still_lands_as_a_reply(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    customer_id = _customer_of(hub, followup_id)
    address, _ = contacts(hub, customer_id)
    answer = post(
        hub,
        {
            "id": f"reply-{next(_ids)}",
            "channel": "email",
            "from": address,
            "to": str(mail.message["Reply-To"]),
            "text": "Merci, je passerai samedi.",
        },
    )
    assert answer.json()["status"] == "matched" and answer.json()["matched_on"] == "token"
    assert [r.text for r in replies_of(hub, customer_id)] == ["Merci, je passerai samedi."]
    assert status_of(hub.engine, followup_id)[0] == "sent"


def _customer_of(hub: SeededHub, followup_id: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(followups.c.customer_id).where(followups.c.id == followup_id)
            ).scalar_one()
        )


def test_the_smtp_sink_bounces_as_a_relay_would(
    device: Device, hub: SeededHub, provider: FakeProvider
) -> None:
    """The demo's sink: `bounce(index)` posts its own RFC 3464 report through the
    inbound hook; a recipient at its `bounce_domain` bounces by itself."""
    hook = InboundHook(url=f"{hub.url}/api/v1/inbound/demo", secret=SECRET)
    with SmtpSink(inbound=hook, bounce_domain=None) as relay:
        followup_id, mail = emailed(device, hub, relay, provider)
        index = relay.snapshot().index(mail)
        assert relay.bounce(index, permanent=False)["bounce"] == "temporary"
        assert status_of(hub.engine, followup_id)[0] == "sent"
        assert relay.bounce(index)["bounce"] == "recorded"
        assert status_of(hub.engine, followup_id)[0] == "failed"

        customer = customer_with_contacts(hub.engine, device.store_id)
        relay.bounce_domain = contacts(hub, customer)[0].rpartition("@")[2]
        set_consent(hub.engine, customer, "email", True)
        args = queue_args(customer, [], channel="email", template="thank_you", language="fr")
        assert device.push(("followup.queue", args))[0]["status"] == "applied"
        settings = delivery_settings(hub.url, smtp_url=relay.url, reply_domain=DOMAIN)
        assert args["id"] in run_pass(hub.engine, settings, public_url=hub.url, now=NOON).sent
        deadline = time.monotonic() + 20
        while status_of(hub.engine, args["id"])[0] != "failed" and time.monotonic() < deadline:
            time.sleep(0.05)  # the sink reports after its 250, from a thread of its own
        assert status_of(hub.engine, args["id"]) == ("failed", "the provider reported: bounced")


def test_a_bounce_forwarded_by_a_mailgun_route_is_read_from_its_plain_body(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    """Mailgun's parsed form has no raw MIME: the report's Status lines are in body-plain
    (stripped-text, what a reply keeps, may drop them)."""
    followup_id, mail = emailed(device, hub, sink, provider)
    delayed = report("dsn_delayed.eml", mail).split("\n\n", 1)[1]
    fields = mailgun_fields(
        sender="MAILER-DAEMON@relay.shop.example", recipient=mail.mail_from, text=""
    )
    fields["body-plain"], fields["stripped-text"] = delayed, "This is the mail system."
    answer = post_mailgun(hub, fields)
    assert answer.status_code == 200, answer.text
    assert answer.json()["bounce"] == "temporary"
    assert status_of(hub.engine, followup_id)[0] == "sent"

    fields = mailgun_fields(
        sender="MAILER-DAEMON@relay.shop.example", recipient=mail.mail_from, text=""
    )
    fields["body-plain"] = report("dsn_permanent.eml", mail).split("\n\n", 1)[1]
    fields["stripped-text"] = "This is the mail system."
    assert post_mailgun(hub, fields).json()["bounce"] == "recorded"
    assert status_of(hub.engine, followup_id)[0] == "failed"
    assert replies_of(hub, _customer_of(hub, followup_id)) == []


def report_once(name: str, mail: SunkMail) -> str:
    """`report` with a Message-Id of its own (the fixtures share one; Mailgun posts the
    same Message-Id again only when it retries the same report)."""
    fixed = "<20261203081243.4QJ8Wb0mQzz9sRt@relay.shop.example>"
    return report(name, mail).replace(fixed, f"<{next(_ids)}.{id(object())}@relay.shop.example>")


def _mailgun_signed(fields: dict[str, str]) -> dict[str, str]:
    """`fields` with Mailgun's timestamp, token and signature (as `mailgun_fields`)."""
    base = mailgun_fields(sender="x@example.com", recipient="", text="")
    return {
        **fields,
        **{k: base[k] for k in ("timestamp", "token", "signature")},
    }


def _post_mailgun_multipart(
    hub: SeededHub, fields: dict[str, str], files: list[tuple[str, Any]], *, path: str = ""
) -> httpx.Response:
    """A multipart post, as Mailgun sends a route's forward (always multipart when it has
    attachments or the raw MIME); `path` "/mime" for a route forwarding the raw MIME
    (Mailgun does so to a URL ending in "mime")."""
    url = f"{hub.url}/api/v1/inbound/mailgun{path}"
    return httpx.post(url, data=fields, files=files, timeout=30)


def mailgun_raw_mime_fields(*, to: str) -> dict[str, str]:
    """A route forwarding to a URL ending in "mime": the raw message in `body-mime`, the
    envelope in `sender`/`recipient`; no `body-plain`, no `message-headers`."""
    return _mailgun_signed(
        {
            "recipient": to,
            "sender": "",  # a DSN's envelope sender is null (<>)
            "from": "MAILER-DAEMON@relay.shop.example (Mail Delivery System)",
            "subject": "Undelivered Mail Returned to Sender",
        }
    )


def mailgun_parsed_report(mime: str, *, to: str) -> tuple[dict[str, str], list[tuple[str, Any]]]:
    """A route forwarding to a plain URL: Mailgun's parsed form of the report. The relay's
    notice is `body-plain` (no Status lines in it); the delivery-status part and the
    returned headers are attachments, as Mailgun gives a report's non-text parts."""
    parsed = email.message_from_string(mime, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    notice = parsed.get_body(preferencelist=("plain",))
    assert notice is not None
    plain = str(notice.get_content())
    attachments = []
    for n, part in enumerate(
        (p for p in parsed.iter_parts() if p.get_content_type() != "text/plain"), start=1
    ):
        raw = part.as_bytes(policy=email.policy.SMTP).split(b"\r\n\r\n", 1)[1]
        name = "noname" if n == 1 else "Undelivered Message Headers.txt"
        attachments.append((f"attachment-{n}", (name, raw, part.get_content_type())))
    headers = [[k, str(v)] for k, v in parsed.items()]
    fields = _mailgun_signed(
        {
            "recipient": to,
            "sender": "",
            "from": str(parsed["From"]),
            "subject": str(parsed["Subject"]),
            "body-plain": plain,
            "stripped-text": plain.split("\n\n", 1)[0],
            "stripped-signature": "",
            "message-headers": json.dumps(headers),
            "attachment-count": str(len(attachments)),
            "content-id-map": "{}",
        }
    )
    return fields, attachments


def test_a_bounce_a_mailgun_route_forwards_as_raw_mime_is_read_from_body_mime(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    for name, expected, status in (
        ("dsn_delayed.eml", "temporary", "sent"),
        ("dsn_permanent.eml", "recorded", "failed"),
    ):
        mime = report_once(name, mail)
        fields = mailgun_raw_mime_fields(to=mail.mail_from)
        answer = _post_mailgun_multipart(
            hub, fields, [("body-mime", (None, mime.encode(), "text/plain"))], path="/mime"
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["bounce"] == expected, name
        assert status_of(hub.engine, followup_id)[0] == status
    assert status_of(hub.engine, followup_id) == ("failed", "the provider reported: bounced")
    assert replies_of(hub, _customer_of(hub, followup_id)) == []


def test_a_bounce_mailgun_parses_is_read_from_its_delivery_status_attachment(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    """The realistic parsed form: `body-plain` is the relay's notice only, so the verdict
    must come from the message/delivery-status attachment."""
    followup_id, mail = emailed(device, hub, sink, provider)
    fields, files = mailgun_parsed_report(report_once("dsn_delayed.eml", mail), to=mail.mail_from)
    assert "Status:" not in fields["body-plain"]  # what made body-plain alone not enough
    answer = _post_mailgun_multipart(hub, fields, files)
    assert answer.status_code == 200, answer.text
    assert answer.json()["bounce"] == "temporary"
    assert status_of(hub.engine, followup_id)[0] == "sent"

    fields, files = mailgun_parsed_report(report_once("dsn_permanent.eml", mail), to=mail.mail_from)
    answer = _post_mailgun_multipart(hub, fields, files)
    assert answer.status_code == 200, answer.text
    assert answer.json()["bounce"] == "recorded"
    assert status_of(hub.engine, followup_id) == ("failed", "the provider reported: bounced")
    again = _post_mailgun_multipart(hub, _mailgun_signed(fields), files)  # Mailgun retries
    assert again.json()["bounce"] == "recorded" and again.json()["duplicate"] is True
    assert replies_of(hub, _customer_of(hub, followup_id)) == []


def test_a_reply_a_mailgun_route_forwards_as_raw_mime_lands_as_a_reply(
    device: Device, hub: SeededHub, sink: SmtpSink, provider: FakeProvider
) -> None:
    followup_id, mail = emailed(device, hub, sink, provider)
    customer_id = _customer_of(hub, followup_id)
    address, _ = contacts(hub, customer_id)
    reply = EmailMessage()
    reply["From"] = f"Client <{address}>"
    reply["To"] = str(mail.message["Reply-To"])
    reply["Subject"] = "Re: " + mail.subject
    reply["Message-ID"] = "<reply-raw-1@mail.customer.example>"
    reply["In-Reply-To"] = str(mail.message["Message-ID"])
    reply.set_content("Merci, je passerai samedi à 15 h.")
    reply.add_attachment(b"\xff\xd8\xff" + bytes(200), maintype="image", subtype="jpeg")
    fields = _mailgun_signed(
        {
            "recipient": str(mail.message["Reply-To"]),
            "sender": address,
            "from": f"Client <{address}>",
            "subject": str(reply["Subject"]),
        }
    )
    raw = reply.as_bytes(policy=email.policy.SMTP)
    answer = _post_mailgun_multipart(
        hub, fields, [("body-mime", (None, raw, "text/plain"))], path="/mime"
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "matched"
    assert [r.text.strip() for r in replies_of(hub, customer_id)] == [
        "Merci, je passerai samedi à 15 h."
    ]
