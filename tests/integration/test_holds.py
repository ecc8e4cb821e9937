""" "Hold for customer" from a real terminal against a real hub: asked for offline, shown
as pending, held by the hub at the next sync with the stock reserved there and on every
terminal of the store; a hold the stock cannot cover comes back refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from clienteling.domain.errors import HubUnreachableError
from clienteling.hub.db import make_engine
from clienteling.hub.tables import inventory, reservations
from tests.integration.conftest import StorePair


def _hub_stock(hub_db: Path, row_id: str) -> tuple[int, int]:
    engine = make_engine(str(hub_db))
    try:
        with engine.connect() as conn:
            row = conn.execute(
                sa.select(inventory.c.on_hand, inventory.c.reserved).where(inventory.c.id == row_id)
            ).one()
    finally:
        engine.dispose()
    return int(row.on_hand), int(row.reserved)


def _set_stock(hub_db: Path, row_id: str, *, on_hand: int, reserved: int) -> None:
    engine = make_engine(str(hub_db))
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.update(inventory)
                .where(inventory.c.id == row_id)
                .values(on_hand=on_hand, reserved=reserved)
            )
    finally:
        engine.dispose()


def test_a_hold_asked_for_offline_is_held_after_sync(store_pair: StorePair) -> None:
    pair = store_pair
    terminal, other = pair.terminal, pair.other
    session = terminal.session
    assert session is not None and session.store_id is not None
    in_stock = [p for p in terminal.find_products("a", limit=50) if (p.stock_here or 0) >= 2]
    wanted, scarce = in_stock[0], in_stock[1]
    row_id = f"{session.store_id}:{wanted.id}"
    scarce_id = f"{session.store_id}:{scarce.id}"
    before = _hub_stock(pair.hub_db, row_id)
    customer = terminal.search("a", limit=1)[0].id
    pair.go_offline()
    with pytest.raises(HubUnreachableError):
        terminal.sync_once()

    hold_id = terminal.hold_for_customer(customer, wanted.id)
    refused_id = terminal.hold_for_customer(customer, scarce.id)
    shown = {h.id: h for h in terminal.customer_holds(customer)}
    assert shown[hold_id].pending and shown[hold_id].status == "requested"
    assert shown[hold_id].expires_at is None
    assert shown[hold_id].product_name == wanted.name
    assert terminal.status().pending == 2
    # Meanwhile the last units of the second product sell online.
    _set_stock(pair.hub_db, scarce_id, on_hand=3, reserved=3)

    pair.come_back()
    report = terminal.sync_once()
    assert report.pending == 0 and len(report.rejected) == 1

    shown = {h.id: h for h in terminal.customer_holds(customer)}
    assert shown[hold_id].status == "held" and not shown[hold_id].pending
    assert shown[hold_id].expires_at is not None
    assert shown[refused_id].refused is not None
    assert shown[refused_id].refused.startswith("Only 0 left at ")
    assert not shown[refused_id].pending
    assert _hub_stock(pair.hub_db, row_id) == (before[0], before[1] + 1)
    stock = terminal.product_stock(wanted.id)
    assert stock is not None and stock.here is not None
    assert stock.here.reserved == before[1] + 1

    other.sync_once()  # the store's other terminal sees the hold and the stock
    assert [h.status for h in other.customer_holds(customer) if h.id == hold_id] == ["held"]
    seen = other.product_stock(wanted.id)
    assert seen is not None and seen.here is not None
    assert seen.here.reserved == before[1] + 1

    terminal.release_hold(hold_id)
    terminal.sync_once()
    assert _hub_stock(pair.hub_db, row_id) == before
    assert [h.status for h in terminal.customer_holds(customer) if h.id == hold_id] == ["released"]
    engine = make_engine(str(pair.hub_db))
    with engine.connect() as conn:
        count = conn.execute(
            sa.select(sa.func.count()).where(reservations.c.id.in_([hold_id, refused_id]))
        ).scalar_one()
    engine.dispose()
    assert count == 1  # the refused one never became a hold
