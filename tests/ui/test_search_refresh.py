"""After a sync brings changed customers, the search results show them at once without
losing the associate's place: the selected customer stays selected (issue 6, "views
refresh themselves after a sync")."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from clienteling.hub import versions
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.tables import customers
from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow
from tests.ui.conftest import type_text

TIMEOUT_MS = 20_000
QUERY = "nguyen"


def test_a_sync_shows_a_renamed_customer_and_keeps_the_selection(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    with qtbot.waitSignal(
        window.hits_did_show, timeout=TIMEOUT_MS, check_params_cb=lambda q: q == QUERY
    ):
        type_text(window.search_box, QUERY)
    hits = window.hits_model.hits()
    assert len(hits) > 3
    window.results.selectRow(2)
    selected = hits[2].id
    shown = {hit.id for hit in hits}
    other = next(h for h in terminal.search("a", limit=500) if h.id not in shown)

    # On the hub, someone renames another customer of this store to a Nguyễn.
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's database
    try:
        with write_tx(engine) as conn:
            scope = conn.execute(
                sa.select(customers.c.scope).where(customers.c.id == other.id)
            ).scalar_one()
            conn.execute(
                sa.update(customers)
                .where(customers.c.id == other.id)
                .values(
                    family_name="Nguyễn",
                    given_name="Aaron",
                    display_name="Nguyễn Aaron",
                    version=versions.allocate(conn, scope),
                )
            )
    finally:
        engine.dispose()
    report = terminal.sync_once()
    assert "customer" in report.kinds
    window.search_box.setFocus()
    with qtbot.waitSignal(window.hits_did_show, timeout=TIMEOUT_MS):
        window._bridge.on_changes(set(report.kinds))
    ids = [hit.id for hit in window.hits_model.hits()]
    assert other.id in ids  # the renamed customer is found now
    current = window.results.currentIndex()
    assert window.hits_model.hit(current.row()).id == selected  # the place is kept
    assert window.search_box.hasFocus()  # ready for the next scan
