"""End to end: a follow-up sent from the terminal, the customer's replies posted to the
hub's signed inbound webhook, and, after a sync, the replies in the terminal's timeline
(linked to the follow-up they answer) and an SMS "STOP" as an opt-out on the terminal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import FakeProvider, SmtpSink
from clienteling.hub.ingest.signing import sign_hex
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

from .conftest import PASSWORD, USER
from .test_followups import grant, store_customer

SECRET = "e2e-inbound-secret"
NOON = (datetime.now(UTC) + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.fixture
def reply_hub(hub_db: Path) -> Iterator[tuple[str, Engine]]:
    settings = HubSettings(db=str(hub_db), port=0, inbound_secret=SECRET)
    with HubServer(settings=settings) as server:
        engine = make_engine(str(hub_db))
        yield server.url, engine
        engine.dispose()


def post_reply(url: str, body: dict[str, object]) -> dict[str, object]:
    raw = json.dumps(body, ensure_ascii=False).encode()
    response = httpx.post(
        f"{url}/api/v1/inbound/demo",
        content=raw,
        headers={
            "Content-Type": "application/json",
            "X-Clienteling-Signature": sign_hex(SECRET, raw),
        },
        timeout=30,
    )
    assert response.status_code == 200, response.text
    answer: dict[str, object] = response.json()
    return answer


def test_replies_reach_the_terminal_timeline_and_stop_opts_out(
    reply_hub: tuple[str, Engine], tmp_path: Path
) -> None:
    url, engine = reply_hub
    terminal = Terminal(data_dir=tmp_path / "t", hub_url=url, secrets=MemorySecretStore())
    try:
        terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
        session = terminal.session
        assert session is not None and session.store_id is not None
        customer = store_customer(engine, session.store_id)
        grant(engine, customer, "email", True)
        grant(engine, customer, "sms", True)
        terminal.sync_once()
        followup_id = terminal.queue_followup(
            customer_id=customer,
            channel="email",
            template="thank_you",
            language="fr",
            product_ids=[],
            personal_line="Ravie de vous avoir conseillée.",
        )
        sms_id = terminal.queue_followup(
            customer_id=customer,
            channel="sms",
            template="birthday",
            language="fr",
            product_ids=[],
            personal_line="",
        )
        terminal.sync_once()
        with SmtpSink() as sink, FakeProvider() as provider:
            settings = HubSettings(
                db="unused",
                smtp_url=sink.url,
                sms_provider_url=provider.url,
                quiet_hours_start=0,
                quiet_hours_end=0,
            )
            report = run_pass(engine, settings, public_url=url, now=NOON)
            assert {followup_id, sms_id} <= set(report.sent)
            mail = sink.snapshot()[0]
            text = provider.snapshot()[0]
        with engine.connect() as conn:
            row = conn.execute(
                sa.select(customers.c.emails, customers.c.phones).where(customers.c.id == customer)
            ).one()

        matched = post_reply(
            url,
            {
                "id": "e2e-mail-1",
                "channel": "email",
                "from": row.emails[0],
                "to": str(mail.message["Reply-To"]),
                "text": "Avec plaisir, je reviens samedi !",
                "in_reply_to": str(mail.message["Message-ID"]),
            },
        )
        assert matched["followup_id"] == followup_id
        stop = post_reply(
            url,
            {
                "id": "e2e-sms-1",
                "channel": "sms",
                "from": row.phones[0],
                "text": "STOP",
                "in_reply_to": text.id,
            },
        )
        assert stop["followup_id"] == sms_id and stop["opted_out"] == ["sms"]

        terminal.sync_once()
        entries = terminal.customer_timeline(customer, kinds=["reply"])
        assert [(e.text, e.channel, e.related_id) for e in entries] == [
            ("STOP", "sms", sms_id),
            ("Avec plaisir, je reviens samedi !", "email", followup_id),
        ]
        assert entries[0].status == "opt_out" and entries[1].status is None
        assert entries[1].reason == "thank_you" and entries[1].author_name
        profile = terminal.customer(customer)
        assert profile is not None
        consent = {c.channel: c.granted for c in profile.consents}
        assert consent["sms"] is False and consent["email"] is True
        refused = terminal.customer_timeline(customer, kinds=["consent"])[0]
        assert (refused.channel, refused.status, refused.text) == (
            "sms",
            "refused",
            "inbound_reply",
        )
    finally:
        terminal.close()
