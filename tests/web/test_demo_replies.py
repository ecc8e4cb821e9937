"""The demo's reply loop in a real browser: the hub's worker sends a follow-up email to the
demo's SMTP sink; Chromium shows the email (its open pixel marks it opened); on the demo
outbox page the "customer" answers it; the reply comes back through the signed inbound
webhook and is in the terminal's timeline after a sync, linked to the follow-up."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from clienteling.demo.sinks import DemoSinks
from clienteling.hub.db import make_engine
from clienteling.hub.server import HubServer
from clienteling.hub.tables import followups
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

from .test_followup_journey import email_customer, shot, wait_for


@pytest.fixture
def demo(seeded_hub_db: Path, tmp_path: Path) -> Iterator[tuple[DemoSinks, HubServer, Terminal]]:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    sinks = DemoSinks().start()
    try:
        with HubServer(settings=sinks.hub_settings(db=str(db))) as hub:
            sinks.attach(hub)
            terminal = Terminal(
                data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
            )
            try:
                terminal.sign_in("demo-associate", "demo")
                terminal.sync_once()
                yield sinks, hub, terminal
            finally:
                terminal.close()
    finally:
        sinks.stop()


def test_open_and_reply_on_the_demo_outbox_reach_the_terminal(
    demo: tuple[DemoSinks, HubServer, Terminal], page: Any
) -> None:
    sinks, hub, terminal = demo
    customer, language = email_customer(terminal)
    followup_id = terminal.queue_followup(
        customer_id=customer,
        channel="email",
        template="thank_you",
        language=language,
        product_ids=[],
        personal_line="",
    )
    terminal.sync_once()
    assert hub.app is not None
    hub.app.state.followups.worker.wake()
    mails = sinks.smtp.wait_for(1)
    assert len(mails) == 1
    engine = make_engine(hub.settings.db)

    def status() -> str:
        with engine.connect() as conn:
            return str(
                conn.execute(
                    sa.select(followups.c.status).where(followups.c.id == followup_id)
                ).scalar_one()
            )

    try:
        assert wait_for(lambda: status() in ("sent", "delivered"))
        # The customer reads the email: the browser loads its open pixel from the hub.
        page.set_content(mails[0].body("html"), wait_until="load")
        assert wait_for(lambda: status() == "opened"), status()

        page.goto(f"{hub.url}/demo/outbox")
        form = page.locator('form.reply:has(input[value="email:0"])')
        form.locator('input[name="text"]').fill("Merci, je passe samedi !")
        form.locator('button[type="submit"]').click()
        page.wait_for_selector("#notice")
        assert "matched it to the customer" in page.inner_text("#notice")
        shot(page, "demo_outbox_replied")
    finally:
        engine.dispose()

    terminal.sync_once()
    entries = terminal.customer_timeline(customer, kinds=["reply"])
    assert [(e.text, e.channel, e.related_id) for e in entries] == [
        ("Merci, je passe samedi !", "email", followup_id)
    ]


def _customer_for(terminal: Terminal, channel: str) -> tuple[str, str]:
    for hit in terminal.search("a", limit=500):
        context = terminal.followup_composer(hit.id)
        assert context is not None
        if any(c.channel == channel and c.allowed for c in context.channels):
            return hit.id, context.language
    raise AssertionError(f"no cached customer agreed to {channel}")


def test_the_demo_outbox_shows_each_message_s_delivery_status(
    demo: tuple[DemoSinks, HubServer, Terminal], page: Any
) -> None:
    """An SMS the fake provider reports delivered says "Delivered"; an email a relay
    bounced says "Bounced" with the hub's reason; both as the hub has them."""
    sinks, hub, terminal = demo
    queued = {}
    for channel in ("email", "sms"):
        customer, language = _customer_for(terminal, channel)
        queued[channel] = terminal.queue_followup(
            customer_id=customer,
            channel=channel,  # type: ignore[arg-type]
            template="thank_you",
            language=language,  # type: ignore[arg-type]
            product_ids=[],
            personal_line="",
        )
    terminal.sync_once()
    assert hub.app is not None
    hub.app.state.followups.worker.wake()
    sinks.smtp.wait_for(1)
    sinks.provider.wait_for(1)
    engine = make_engine(hub.settings.db)

    def status(channel: str) -> str:
        with engine.connect() as conn:
            return str(
                conn.execute(
                    sa.select(followups.c.status).where(followups.c.id == queued[channel])
                ).scalar_one()
            )

    def shown() -> dict[str, tuple[str, str]]:
        """channel -> (data-status, label) as the page shows them."""
        html = httpx.get(f"{hub.url}/demo/outbox", timeout=10).text
        found = re.findall(
            r'<span class="meta">(\w+) →.*?data-status="(\w+)"[^>]*>([^<]+)</span>', html
        )
        return {channel: (code, label) for channel, code, label in found}

    try:
        assert wait_for(lambda: status("sms") == "delivered"), status("sms")
        assert wait_for(lambda: status("email") == "sent"), status("email")
        assert shown() == {"email": ("sent", "Sent"), "sms": ("delivered", "Delivered")}

        assert sinks.smtp.bounce(0)["status"] != "failed"
        assert wait_for(lambda: status("email") == "failed"), status("email")
        assert shown()["email"] == ("bounced", "Bounced")
        page.goto(f"{hub.url}/demo/outbox")
        assert page.locator('.status[data-status="bounced"]').inner_text() == "Bounced"
        assert page.locator(".reason").count() == 1
        shot(page, "demo_outbox_statuses")
    finally:
        engine.dispose()
