"""Helpers of the reply tests (`test_replies`, `test_inbound_providers`): a small hub of a
module's own, a signed-in device on it, a follow-up sent through the local sinks, and
what the hub recorded (contacts, replies, the latest consent)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import sqlalchemy as sa

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.delivery.worker import run_pass
from clienteling.hub.devsinks import FakeProvider, SmtpSink, SunkText
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import consents, customers, delivery_attempts, replies

from .conftest import NewDb, SeededHub, sign_in
from .followup_kit import (
    NOON,
    Device,
    customer_with_contacts,
    delivery_settings,
    queue_args,
    set_consent,
)


@contextmanager
def small_hub(new_db: NewDb, *, customers: int, **settings: Any) -> Iterator[SeededHub]:
    """A freshly seeded hub on a new database, serving with `settings`."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=customers)
    with HubServer(settings=HubSettings(db=url, port=0, purge_interval_s=0, **settings)) as server:
        yield SeededHub(url=server.url, engine=engine, summary=summary)
    engine.dispose()


@contextmanager
def signed_in(hub: SeededHub) -> Iterator[Device]:
    """The demo associate's device on `hub`."""
    with httpx.Client(base_url=hub.url, timeout=30) as http:
        body, device_id = sign_in(http)
        yield Device(http=http, device_id=device_id, store_id=body["associate"]["store_id"])


_skips: dict[str, Iterator[int]] = {}  # per hub: each gets customers of its own in turn


def sent(
    device: Device,
    hub: SeededHub,
    *,
    channel: str,
    sink: SmtpSink,
    provider: FakeProvider,
    language: str,
    **overrides: Any,
) -> dict[str, Any]:
    """A follow-up of the store's next customer, sent on `channel` (the worker's settings
    with `overrides`); its queue arguments."""
    skip = next(_skips.setdefault(hub.url, iter(range(1000))))
    customer = customer_with_contacts(hub.engine, device.store_id, skip=skip)
    set_consent(hub.engine, customer, channel, True)
    args = queue_args(customer, [], channel=channel, template="thank_you", language=language)
    assert device.push(("followup.queue", args))[0]["status"] == "applied"
    settings = delivery_settings(
        hub.url,
        smtp_url=sink.url,
        sms_provider_url=provider.url,
        whatsapp_provider_url=provider.url,
        **overrides,
    )
    assert args["id"] in run_pass(hub.engine, settings, public_url=hub.url, now=NOON).sent
    return args


def provider_message(hub: SeededHub, provider: FakeProvider, followup_id: str) -> SunkText:
    """The provider's copy of the follow-up's message, found by its idempotency key (the
    module's provider also holds messages of other tests, to the same seeded phones)."""
    with hub.engine.connect() as conn:
        key = conn.execute(
            sa.select(delivery_attempts.c.idempotency_key).where(
                delivery_attempts.c.followup_id == followup_id
            )
        ).scalar_one()
    return next(m for m in provider.snapshot() if m.idempotency_key == key)


def contacts(hub: SeededHub, customer_id: str) -> tuple[str, str]:
    """The customer's first email and first phone."""
    with hub.engine.connect() as conn:
        row = conn.execute(
            sa.select(customers.c.emails, customers.c.phones).where(customers.c.id == customer_id)
        ).one()
    return str(row.emails[0]), str(row.phones[0])


def replies_of(hub: SeededHub, customer_id: str) -> list[Any]:
    with hub.engine.connect() as conn:
        return list(
            conn.execute(
                sa.select(replies)
                .where(replies.c.customer_id == customer_id)
                .order_by(replies.c.received_at, replies.c.id)
            )
        )


def latest_consent(hub: SeededHub, customer_id: str, channel: str) -> tuple[bool, str]:
    """The newest consent event of the channel: (granted, source)."""
    with hub.engine.connect() as conn:
        row = conn.execute(
            sa.select(consents.c.granted, consents.c.source)
            .where(consents.c.customer_id == customer_id, consents.c.channel == channel)
            .order_by(consents.c.at.desc(), consents.c.version.desc())
            .limit(1)
        ).one()
    return bool(row.granted), str(row.source)
