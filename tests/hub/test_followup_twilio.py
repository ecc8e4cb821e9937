"""SMS and WhatsApp through Twilio's Messages API (`text_provider = "twilio"`), against a
local server of that shape on 127.0.0.1 (`twilio_server`): the form, basic auth and the
status callback URL carrying the attempt's key; Twilio's signed status callbacks move
the follow-up to delivered, or to failed on "undelivered" (a bounce); a refused number is
a failed follow-up with Twilio's error code, an error answer is `needs_check`, wrong
credentials retry later. Both backends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from clienteling.hub.db import write_tx
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers, delivery_attempts, followups

from .conftest import NewDb, SeededHub
from .followup_kit import (
    NOON,
    Device,
    attempts_of,
    customer_with_contacts,
    delivery_settings,
    queue_args,
    set_consent,
    status_of,
)
from .reply_kit import contacts, latest_consent, signed_in, small_hub
from .twilio_server import FakeTwilio

SMS_FROM = "+33700000001"
WHATSAPP_FROM = "+33700000002"


@pytest.fixture(scope="module")
def twilio() -> Iterator[FakeTwilio]:
    with FakeTwilio() as running:
        yield running


@pytest.fixture(scope="module")
def hub(new_db: NewDb, twilio: FakeTwilio) -> Iterator[SeededHub]:
    with small_hub(new_db, customers=30, twilio_auth_token=twilio.auth_token) as seeded:
        yield seeded


@pytest.fixture
def device(hub: SeededHub) -> Iterator[Device]:
    with signed_in(hub) as device:
        yield device


def twilio_settings(hub: SeededHub, twilio: FakeTwilio, **overrides: Any) -> HubSettings:
    values: dict[str, Any] = {
        "text_provider": "twilio",
        "twilio_api_url": twilio.api_url,
        "twilio_account_sid": twilio.account_sid,
        "twilio_auth_token": twilio.auth_token,
        "twilio_sms_from": SMS_FROM,
        "twilio_whatsapp_from": WHATSAPP_FROM,
        "public_url": hub.url,  # the status callbacks come back to this hub
    }
    values.update(overrides)
    return delivery_settings(hub.url, **values)


_skips: dict[str, Iterator[int]] = {}  # per hub: each backend's hub has its own customers


def queued(
    device: Device,
    hub: SeededHub,
    channel: str,
    *,
    phone: str | None = None,
    customer: str | None = None,
    grant: bool = True,
) -> str:
    if customer is None:
        skips = _skips.setdefault(hub.url, iter(range(1000)))
        customer = customer_with_contacts(hub.engine, device.store_id, skip=next(skips))
    if phone is not None:
        with write_tx(hub.engine) as conn:
            conn.execute(
                sa.update(customers).where(customers.c.id == customer).values(phones=[phone])
            )
    if grant:
        set_consent(hub.engine, customer, channel, True)
    args = queue_args(customer, [], channel=channel, template="thank_you", language="vi")
    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    return str(args["id"])


def key_of(hub: SeededHub, followup_id: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(delivery_attempts.c.idempotency_key).where(
                    delivery_attempts.c.followup_id == followup_id
                )
            ).scalar_one()
        )


def customer_of(hub: SeededHub, followup_id: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(followups.c.customer_id).where(followups.c.id == followup_id)
            ).scalar_one()
        )


def provider_id_of(hub: SeededHub, followup_id: str) -> str:
    with hub.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(delivery_attempts.c.provider_id).where(
                    delivery_attempts.c.followup_id == followup_id
                )
            ).scalar_one()
        )


def test_sms_and_whatsapp_go_through_twilio_and_callbacks_move_the_status(
    device: Device, hub: SeededHub, twilio: FakeTwilio
) -> None:
    sms, wa = queued(device, hub, "sms"), queued(device, hub, "whatsapp")
    report = run_pass(hub.engine, twilio_settings(hub, twilio), public_url=hub.url, now=NOON)
    assert {sms, wa} <= set(report.sent)
    by_sid = {m.sid: m for m in twilio.messages}
    sms_msg, wa_msg = by_sid[provider_id_of(hub, sms)], by_sid[provider_id_of(hub, wa)]
    assert sms_msg.sender == SMS_FROM and sms_msg.to.startswith("+")
    assert wa_msg.sender == f"whatsapp:{WHATSAPP_FROM}" and wa_msg.to.startswith("whatsapp:+")
    assert "/f/" in sms_msg.body
    assert sms_msg.status_callback and sms_msg.status_callback.endswith(f"?key={key_of(hub, sms)}")

    assert twilio.callback(sms_msg.sid, "sent").status_code == 204  # on the way: no change
    assert status_of(hub.engine, sms)[0] == "sent"
    assert twilio.callback(sms_msg.sid, "delivered").status_code == 204
    assert status_of(hub.engine, sms)[0] == "delivered"
    assert twilio.callback(wa_msg.sid, "read").status_code == 204
    assert status_of(hub.engine, wa)[0] == "opened"

    forged = twilio.callback(wa_msg.sid, "failed", token="not-the-auth-token")
    assert forged.status_code == 401 and forged.json()["code"] == "bad_signature"
    assert status_of(hub.engine, wa)[0] == "opened"


def test_an_undelivered_message_comes_back_as_a_bounce(
    device: Device, hub: SeededHub, twilio: FakeTwilio
) -> None:
    sms = queued(device, hub, "sms")
    run_pass(hub.engine, twilio_settings(hub, twilio), public_url=hub.url, now=NOON)
    assert twilio.callback(provider_id_of(hub, sms), "undelivered").status_code == 204
    status, reason = status_of(hub.engine, sms)
    assert status == "failed" and reason and "bounced" in reason


def test_twilio_errors_become_statuses_never_a_blind_resend(
    device: Device, hub: SeededHub, twilio: FakeTwilio
) -> None:
    refused = queued(device, hub, "sms", phone="0700000000")  # not E.164: Twilio's 21211
    report = run_pass(hub.engine, twilio_settings(hub, twilio), public_url=hub.url, now=NOON)
    assert refused in report.failed
    status, reason = status_of(hub.engine, refused)
    assert status == "failed" and reason and "21211" in reason and "0700000000" not in reason

    locked_out = queued(device, hub, "sms")
    wrong = twilio_settings(hub, twilio, twilio_auth_token="wrong-token")
    report = run_pass(hub.engine, wrong, public_url=hub.url, now=NOON)
    assert locked_out in report.deferred  # nothing left: tried again later
    assert status_of(hub.engine, locked_out)[0] == "queued"
    assert attempts_of(hub.engine, locked_out) == ["not_sent"]

    twilio.fail_with = 500
    try:
        unsure = queued(device, hub, "sms")
        report = run_pass(hub.engine, twilio_settings(hub, twilio), public_url=hub.url, now=NOON)
    finally:
        twilio.fail_with = None
    assert unsure in report.needs_check
    assert status_of(hub.engine, unsure)[0] == "needs_check"


def test_whatsapp_without_a_twilio_sender_is_failed_with_the_reason(
    device: Device, hub: SeededHub, twilio: FakeTwilio
) -> None:
    wa = queued(device, hub, "whatsapp")
    settings = twilio_settings(hub, twilio, twilio_whatsapp_from=None)
    assert wa in run_pass(hub.engine, settings, public_url=hub.url, now=NOON).failed
    status, reason = status_of(hub.engine, wa)
    assert status == "failed" and reason == "whatsapp is not configured on the hub"


def test_a_number_that_texted_stop_to_twilio_is_an_opt_out_everywhere(
    device: Device, hub: SeededHub, twilio: FakeTwilio
) -> None:
    first = queued(device, hub, "sms")
    customer = customer_of(hub, first)
    _, phone = contacts(hub, customer)
    twilio.opted_out.add(phone)
    try:
        report = run_pass(hub.engine, twilio_settings(hub, twilio), public_url=hub.url, now=NOON)
        assert first in report.refused
        status, reason = status_of(hub.engine, first)
        assert status == "refused_no_consent" and reason and "21610" in reason
        assert latest_consent(hub, customer, "sms") == (False, "inbound_reply")

        sent_before = len(twilio.messages)
        again = queued(device, hub, "sms", customer=customer, grant=False)
        report = run_pass(hub.engine, twilio_settings(hub, twilio), public_url=hub.url, now=NOON)
        assert again in report.refused and len(twilio.messages) == sent_before
    finally:
        twilio.opted_out.clear()
