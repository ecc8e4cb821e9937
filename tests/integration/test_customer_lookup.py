"""A customer of another store at the counter: not in the cache, found on the real hub by
their card, pulled in with everything the profile shows, changed here through the outbox,
refreshed from the hub; offline the hub search fails with HubUnreachableError."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import HubUnreachableError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import notes, orders
from clienteling.terminal.facade import Terminal
from tests.support.lookups import customer_elsewhere, unreachable_terminal


def _customer_elsewhere(tmp_path: Path, store_id: str) -> tuple[Any, int]:
    """A customer of another store than `store_id` with a card, and their order count."""
    hub_db = tmp_path / "hub.sqlite3"  # the hub_url fixture's copy
    row = customer_elsewhere(hub_db, store_id)
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            count = conn.execute(
                sa.select(sa.func.count()).where(orders.c.customer_id == row.id)
            ).scalar_one()
        return row, int(count)
    finally:
        engine.dispose()


def test_found_on_the_hub_pulled_in_changed_and_refreshed(synced: Terminal, tmp_path: Path) -> None:
    terminal = synced
    session = terminal.session
    assert session is not None and session.store_id is not None
    other, order_count = _customer_elsewhere(tmp_path, session.store_id)
    assert terminal.search(other.loyalty_card) == []  # not this store's: not in the cache

    assert [h.id for h in terminal.search_hub(other.family_name)] == []  # names: own store
    hits = terminal.search_hub(other.loyalty_card)
    assert [h.id for h in hits] == [other.id]
    assert hits[0].own_store is False and hits[0].store_name

    customer_id = terminal.pull_in(hits[0])
    assert customer_id == other.id
    profile = terminal.customer(customer_id)
    assert profile is not None and profile.looked_up
    assert profile.display_name == other.display_name
    assert len(profile.orders) == order_count
    assert [h.id for h in terminal.search(other.loyalty_card)] == [other.id]
    assert terminal.search_hub(other.loyalty_card) == []  # held here now

    terminal.add_note(customer_id, "Venue à Paris, cherche une veste")
    report = terminal.sync_once()
    assert report.rejected == []
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    with engine.connect() as conn:
        on_hub = (
            conn.execute(sa.select(notes.c.text).where(notes.c.customer_id == other.id))
            .scalars()
            .all()
        )
    engine.dispose()
    assert "Venue à Paris, cherche une veste" in on_hub
    # The hub's acknowledgement clears the note's pending mark, although the pull
    # (this store's scope) leaves the looked-up customer alone.
    profile = terminal.customer(customer_id)
    assert profile is not None
    assert [n.pending for n in profile.notes if n.text.startswith("Venue")] == [False]
    # Opening the profile refreshes it from the hub: the note is there once, as the hub's.
    assert terminal.refresh_customer(customer_id) is True
    profile = terminal.customer(customer_id)
    assert profile is not None
    assert [n.pending for n in profile.notes if n.text.startswith("Venue")] == [False]
    assert terminal.refresh_customer(terminal.search("a")[0].id) is False  # own: the pull's


def test_offline_the_hub_search_says_it_needs_the_network(tmp_path: Path, hub_url: str) -> None:
    dead = unreachable_terminal(tmp_path / "t", hub_url)
    try:
        with pytest.raises(HubUnreachableError):
            dead.search_hub("2000000000001")
        assert dead.status().online is False
    finally:
        dead.close()
