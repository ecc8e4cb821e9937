"""Test helpers for another store's customer: one read from a hub database file, and a
terminal whose hub has gone away (its session kept)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from clienteling.hub.db import make_engine
from clienteling.hub.tables import customers, locations
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

DEAD_HUB = "http://127.0.0.1:9"


def customer_elsewhere(hub_db: Path, store_id: str, *, offset: int = 0) -> Any:
    """A customer of another store than `store_id`, with a loyalty card (by id)."""
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            return conn.execute(
                sa.select(customers)
                .join(locations, locations.c.id == customers.c.home_store_id)
                .where(
                    customers.c.home_store_id != store_id,
                    locations.c.kind == "store",
                    customers.c.loyalty_card.is_not(None),
                )
                .order_by(customers.c.id)
                .offset(offset)
                .limit(1)
            ).one()
    finally:
        engine.dispose()


def unreachable_terminal(
    data_dir: Path, hub_url: str, *, sync: bool = False, username: str = "demo-associate"
) -> Terminal:
    """Sign in (and sync) on `hub_url`, then reopen the same terminal on an address that
    answers nothing, the session kept: the network is gone."""
    secrets = MemorySecretStore()
    online = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=secrets)
    try:
        online.sign_in(username, "demo")
        if sync:
            online.sync_once()
    finally:
        online.close()
    dead = Terminal(data_dir=data_dir, hub_url=DEAD_HUB, secrets=secrets)
    secrets.set(
        f"token:{DEAD_HUB}:{dead.device_id}",
        secrets.get(f"token:{hub_url}:{dead.device_id}") or "",
    )
    assert dead.restore_session() is not None
    return dead
