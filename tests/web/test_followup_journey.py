"""Journey 1 of DESIGN.md in a real browser: the terminal queues a follow-up, the hub's own
delivery worker sends it to a real SMTP sink, the customer opens the link in headless
Chromium and adds the picks to the cart, the cart reaches the terminal at the next sync,
and the online order is attributed to the associate. Also: an opt-out on the web page
while a follow-up waits on the terminal means nothing is sent."""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clienteling.hub.db import make_engine
from clienteling.hub.devsinks import FakeProvider, SmtpSink, SunkMail
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import followups, order_attributions
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

TIMEOUT_S = 30.0
# Set to a folder to keep PNGs of the pages as the customer saw them (to look at them).
SHOTS = os.environ.get("WEB_SHOTS_DIR")


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@dataclass
class Stack:
    hub: HubServer
    sink: SmtpSink
    terminal: Terminal
    engine: sa.Engine
    provider: FakeProvider | None = None

    def wake_worker(self) -> None:
        assert self.hub.app is not None
        self.hub.app.state.followups.worker.wake()


@contextmanager
def open_stack(
    seeded_hub_db: Path, tmp_path: Path, provider: FakeProvider | None = None
) -> Iterator[Stack]:
    """A hub over a copy of the seeded database with its delivery worker on, mail to a
    real SMTP sink (and SMS/WhatsApp to `provider`), and a terminal signed in and synced."""
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    with SmtpSink() as sink:
        settings = HubSettings(
            db=str(db),
            port=0,
            smtp_url=sink.url,
            sms_provider_url=provider.url if provider else None,
            whatsapp_provider_url=provider.url if provider else None,
            delivery_worker=True,
            delivery_interval_s=0.2,
            quiet_hours_start=0,
            quiet_hours_end=0,
        )
        with HubServer(settings=settings) as hub:
            terminal = Terminal(
                data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
            )
            engine = make_engine(str(db))
            try:
                terminal.sign_in("demo-associate", "demo")
                terminal.sync_once()
                yield Stack(hub, sink, terminal, engine, provider)
            finally:
                terminal.close()
                engine.dispose()


@pytest.fixture
def stack(seeded_hub_db: Path, tmp_path: Path) -> Iterator[Stack]:
    with open_stack(seeded_hub_db, tmp_path) as opened:
        yield opened


def wait_for(predicate: Callable[[], bool], *, timeout_s: float = TIMEOUT_S) -> bool:
    """Wait for a condition the hub's background worker makes true (bounded)."""
    done = threading.Event()
    deadline = threading.Timer(timeout_s, done.set)
    deadline.start()
    try:
        while not predicate():
            if done.wait(0.05):
                return predicate()
        return True
    finally:
        deadline.cancel()


def email_customer(terminal: Terminal) -> tuple[str, str]:
    """(id, language) of a cached customer who agreed to email."""
    for hit in terminal.search("a", limit=500):
        context = terminal.followup_composer(hit.id)
        assert context is not None
        if any(c.channel == "email" and c.allowed for c in context.channels):
            return hit.id, context.language
    raise AssertionError("no cached customer agreed to email")


def link(mail: SunkMail, base: str, kind: str) -> str:
    found = re.search(rf"{re.escape(base)}/{kind}/[A-Za-z0-9_-]{{43}}", mail.body("plain"))
    assert found is not None, mail.body("plain")
    return found.group(0)


def hub_status(stack: Stack, followup_id: str) -> str | None:
    with stack.engine.connect() as conn:
        value = conn.execute(
            sa.select(followups.c.status).where(followups.c.id == followup_id)
        ).scalar_one_or_none()
    return None if value is None else str(value)


def queue(stack: Stack, customer_id: str, language: str, *, product_ids: list[str]) -> str:
    return stack.terminal.queue_followup(
        customer_id=customer_id,
        channel="email",
        template="products_tried",
        language=language,  # type: ignore[arg-type]
        product_ids=product_ids,
        personal_line="Le gris vous allait très bien.",
    )


def test_follow_up_to_browser_cart_to_terminal_and_attribution(stack: Stack, page: Any) -> None:
    terminal = stack.terminal
    customer_id, language = email_customer(terminal)
    picks = [p.id for p in terminal.search_products("a")[:2]]
    names = {p.id: p.name for p in terminal.search_products("a")[:2]}
    followup_id = queue(stack, customer_id, language, product_ids=picks)
    assert terminal.sync_once().pushed == 1
    stack.wake_worker()
    mails = stack.sink.wait_for(1, timeout_s=TIMEOUT_S)
    assert len(mails) == 1
    assert wait_for(lambda: hub_status(stack, followup_id) == "sent")
    landing = link(mails[0], stack.hub.url, "f")

    page.goto(landing)
    assert page.evaluate("document.characterSet") == "UTF-8"
    body = page.inner_text("main")
    assert all(name in body for name in names.values())
    assert "Le gris vous allait très bien." in body
    shot(page, "landing")
    page.locator("button[name=add]").first.click()
    page.wait_for_selector("#cart-lines")
    assert names[picks[0]] in page.inner_text("#cart-lines")
    shot(page, "cart")

    terminal.sync_once()
    profile = terminal.customer(customer_id)
    assert profile is not None and profile.cart is not None
    assert [line.product_id for line in profile.cart.lines] == [picks[0]]

    page.click("#checkout")
    page.wait_for_selector("#ordered")
    with stack.engine.connect() as conn:
        credit = conn.execute(
            sa.select(order_attributions).where(order_attributions.c.followup_id == followup_id)
        ).one()
    session = terminal.session
    assert session is not None
    assert (credit.associate_id, credit.store_id) == (session.associate_id, session.store_id)

    terminal.sync_once()
    mine = next(f for f in terminal.followups(customer_id) if f.id == followup_id)
    assert mine.status == "converted"
    profile = terminal.customer(customer_id)
    assert profile is not None and profile.cart is None  # the cart became an order
    assert profile.orders[0].channel == "web"
    assert len(stack.sink.snapshot()) == 1  # sent once


def test_opt_out_on_the_web_page_while_a_follow_up_waits_offline(stack: Stack, page: Any) -> None:
    terminal = stack.terminal
    customer_id, language = email_customer(terminal)
    first = queue(stack, customer_id, language, product_ids=[])
    terminal.sync_once()
    stack.wake_worker()
    mails = stack.sink.wait_for(1, timeout_s=TIMEOUT_S)
    assert wait_for(lambda: hub_status(stack, first) == "sent")

    waiting = queue(stack, customer_id, language, product_ids=[])  # not pushed yet
    page.goto(link(mails[0], stack.hub.url, "u"))
    page.click("#unsubscribe-email")
    page.wait_for_selector("#done")
    shot(page, "preferences")

    terminal.sync_once()  # pushes the waiting follow-up, pulls the opt-out
    stack.wake_worker()
    assert wait_for(lambda: hub_status(stack, waiting) == "refused_no_consent")
    assert len(stack.sink.snapshot()) == 1  # nothing more was sent
    terminal.sync_once()
    mine = {f.id: f.status for f in terminal.followups(customer_id)}
    assert mine[waiting] == "refused_no_consent"
    profile = terminal.customer(customer_id)
    assert profile is not None
    email = next(c for c in profile.consents if c.channel == "email")
    assert email.granted is False
