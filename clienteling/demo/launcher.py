"""`clienteling demo`: an embedded hub with demo data, a terminal for store 1, the app.

Everything lives in a temporary directory removed at exit; the demo never touches the
user's real cache or keyring (its token and the cache key stay in memory).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from clienteling.demo.sinks import DemoSinks
from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.tables import customers, locations
from clienteling.hub.webshop_sim import DemoWebShop
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

log = logging.getLogger(__name__)

DEMO_USER = "demo-associate"
DEMO_PASSWORD = "demo"


def run_demo(
    *,
    screenshot_dir: Path | None,
    offline: bool,
    lang: str | None,
    customers: int,
    seed: int,
    user: str = DEMO_USER,
) -> int:
    with tempfile.TemporaryDirectory(prefix="clienteling-demo-") as tmp:
        root = Path(tmp)
        hub_db = root / "hub.sqlite3"
        started = time.monotonic()
        engine = make_engine(str(hub_db))
        migrate(engine)
        seed_demo_data(engine, customers=customers, seed=seed)
        engine.dispose()
        log.info("demo data: %d customers in %.1f s", customers, time.monotonic() - started)

        sinks = DemoSinks().start()
        hub = HubServer(settings=sinks.hub_settings(db=str(hub_db)))
        hub.start()
        sinks.attach(hub)
        terminal = Terminal(
            data_dir=root / "terminal",
            hub_url=hub.url,
            secrets=MemorySecretStore(),  # a fresh cache key per run, like the data dir
            encrypt_cache=True,
        )
        try:
            terminal.sign_in(user, DEMO_PASSWORD)
            print(
                f"Demo hub at {hub.url}, signed in as {user} "
                "(sign-ins: demo-associate, demo-manager, demo-admin; password demo)"
            )
            print(f"Sent follow-ups (local SMTP sink, fake SMS/WhatsApp): {hub.url}/demo/outbox")
            if screenshot_dir is not None:
                return _screenshots(terminal, hub, screenshot_dir, lang=lang, offline=offline)
            return _interactive(terminal, hub, lang=lang, offline=offline)
        finally:
            terminal.close()
            hub.stop()
            sinks.stop()


def _interactive(terminal: Terminal, hub: HubServer, *, lang: str | None, offline: bool) -> int:
    from clienteling.ui.app import create_application, run_desktop

    create_application(sys.argv[:1], lang=lang)
    if offline:
        # The first sync needs the hub; then the network "drops" for the rest of the demo.
        terminal.sync_once()
        hub.stop()
        return run_desktop(terminal, first_sync=False)
    session = terminal.session
    with DemoWebShop(hub.settings, store_id=session.store_id if session else None):
        return run_desktop(terminal, first_sync=True)


def _other_store_card(hub: HubServer, terminal: Terminal) -> str | None:
    """A loyalty card of a customer of another store than the terminal's (the hub search
    view scans it); read from the demo hub's own database."""
    session = terminal.session
    engine = make_engine(hub.settings.db)
    try:
        with engine.connect() as conn:
            card = conn.execute(
                sa.select(customers.c.loyalty_card)
                .join(locations, locations.c.id == customers.c.home_store_id)
                .where(
                    customers.c.home_store_id != (session.store_id if session else None),
                    locations.c.kind == "store",
                    customers.c.loyalty_card.is_not(None),
                )
                .order_by(customers.c.id)
                .limit(1)
            ).scalar_one_or_none()
    finally:
        engine.dispose()
    return str(card) if card else None


def _screenshots(
    terminal: Terminal, hub: HubServer, out_dir: Path, *, lang: str | None, offline: bool
) -> int:
    # Rendering to files needs no screen: use Qt's offscreen platform unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from clienteling.ui.app import create_application
    from clienteling.ui.screenshots import render_screenshots

    create_application(sys.argv[:1], lang=lang)
    terminal.sync_once()
    if offline:
        hub.stop()
    paths = render_screenshots(terminal, out_dir, other_store_card=_other_store_card(hub, terminal))
    for path in paths:
        print(path)
    return 0
