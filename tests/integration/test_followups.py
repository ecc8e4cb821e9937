"""A follow-up from the terminal to the customer and back: queued offline, pushed, sent
once by the hub's worker to a real SMTP sink, the status pulled back; the terminal's
preview is exactly what was sent."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.errors import ValidationError
from clienteling.domain.followup_templates import PREVIEW_TOKEN
from clienteling.domain.ids import uuid7
from clienteling.hub import versions
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import SmtpSink
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import consents, customers, followups
from clienteling.terminal.facade import Terminal

TOKEN = re.compile(r"/([fuso])/[A-Za-z0-9_-]{43}")
NOON = (datetime.now(UTC) + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0)


@pytest.fixture
def hub_engine(tmp_path: Path, hub_url: str) -> Iterator[Engine]:
    """The database behind `hub_url` (tests/conftest.py copies it to tmp_path)."""
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    yield engine
    engine.dispose()


def grant(engine: Engine, customer_id: str, channel: str, granted: bool) -> None:
    with write_tx(engine) as conn:
        scope = conn.execute(
            sa.select(customers.c.scope).where(customers.c.id == customer_id)
        ).scalar_one()
        conn.execute(
            sa.insert(consents).values(
                id=uuid7(),
                customer_id=customer_id,
                channel=channel,
                granted=granted,
                source="test",
                at=datetime.now(UTC).replace(microsecond=0).isoformat(),
                scope=scope,
                version=versions.allocate(conn, scope),
            )
        )


def store_customer(engine: Engine, store_id: str) -> str:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(customers.c.id, customers.c.emails, customers.c.phones)
            .where(customers.c.home_store_id == store_id)
            .order_by(customers.c.id)
        ).all()
    return str(next(r.id for r in rows if r.emails and r.phones))


def test_queued_offline_sent_once_and_status_back(
    synced: Terminal, hub_engine: Engine, hub_url: str
) -> None:
    session = synced.session
    assert session is not None and session.store_id is not None
    customer = store_customer(hub_engine, session.store_id)
    grant(hub_engine, customer, "email", True)
    grant(hub_engine, customer, "whatsapp", False)
    synced.sync_once()

    composer = synced.followup_composer(customer)
    assert composer is not None
    by_channel = {c.channel: c for c in composer.channels}
    assert by_channel["email"].allowed
    assert (by_channel["whatsapp"].allowed, by_channel["whatsapp"].reason) == (False, "declined")
    picks = [p.id for p in synced.search_products("a")[:2]]
    assert len(picks) == 2
    with pytest.raises(ValidationError):
        synced.queue_followup(
            customer_id=customer,
            channel="whatsapp",
            template="thank_you",
            language="fr",
            product_ids=picks,
            personal_line="",
        )

    preview = synced.preview_followup(
        customer_id=customer,
        template="products_tried",
        language="ru",
        product_ids=picks,
        personal_line="Серый вам очень идёт.",
    )
    followup_id = synced.queue_followup(
        customer_id=customer,
        channel="email",
        template="products_tried",
        language="ru",
        product_ids=picks,
        personal_line="Серый вам очень идёт.",
    )
    mine = synced.followups(customer)
    assert [(f.id, f.status, f.pending) for f in mine][:1] == [(followup_id, "queued", True)]
    assert synced.status().pending == 1

    report = synced.sync_once()
    assert report.pushed == 1 and not report.rejected
    with SmtpSink() as sink:
        settings = HubSettings(
            db="unused", smtp_url=sink.url, quiet_hours_start=0, quiet_hours_end=0
        )
        sent = run_pass(hub_engine, settings, public_url=hub_url, now=NOON)
        assert followup_id in sent.sent
        assert run_pass(hub_engine, settings, public_url=hub_url, now=NOON).sent == []
        mails = sink.snapshot()
    assert len(mails) == 1
    mail = mails[0]
    # The preview is exactly what the customer got, but for the signed tokens.
    assert mail.subject == preview.subject
    assert TOKEN.sub(rf"/\1/{PREVIEW_TOKEN}", mail.body("html")).strip() == preview.html.strip()
    assert TOKEN.sub(rf"/\1/{PREVIEW_TOKEN}", mail.body("plain")).strip() == preview.text.strip()

    synced.sync_once()
    back = next(f for f in synced.followups(customer) if f.id == followup_id)
    assert (back.status, back.pending) == ("sent", False)
    assert len(back.product_names) == 2
    profile = synced.customer(customer)
    assert profile is not None and profile.followups[0].id == followup_id
    with hub_engine.connect() as conn:
        count = conn.execute(
            sa.select(sa.func.count()).where(followups.c.customer_id == customer)
        ).scalar_one()
    assert count == 1
