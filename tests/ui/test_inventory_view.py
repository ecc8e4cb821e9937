"""Product and stock lookup on a real terminal synced with a real hub: F3 opens it, a
scanned barcode opens its product at once, typed words (accents or not) list matches
that Down and Enter open, and the stock shown is the cache's here, elsewhere and online."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.hub import versions
from clienteling.hub.db import make_engine, write_tx
from clienteling.hub.tables import inventory, locations
from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.terminal.facade import Terminal
from clienteling.ui.inventory_view import (
    STOCK_AVAILABLE,
    STOCK_DISTANCE,
    STOCK_INCOMING,
    InventoryDialog,
)
from clienteling.ui.labels import money_text
from clienteling.ui.main_window import MainWindow

TIMEOUT_MS = 20_000


def _key(widget: QWidget, key: Qt.Key, text: str = "") -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    )


def _type(widget: QWidget, text: str) -> None:
    """Type like a keyboard (one key event per character, any script)."""
    widget.setFocus()
    for ch in text:
        _key(widget, Qt.Key.Key_unknown, ch)


def _open(qtbot: QtBot, window: MainWindow) -> InventoryDialog:
    qtbot.keyClick(window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: getattr(window, "inventory_dialog", None) is not None)
    dialog = window.inventory_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT_MS)
    qtbot.waitUntil(dialog.search_box.hasFocus, timeout=TIMEOUT_MS)
    return dialog


def test_a_scanned_barcode_opens_the_product_with_its_stock(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _open(qtbot, window)
    wanted = terminal.find_products("thinkpad")[0]
    with qtbot.waitSignal(dialog.stock_did_show, timeout=TIMEOUT_MS) as shown:
        _type(dialog.search_box, wanted.barcode)
        _key(dialog.search_box, Qt.Key.Key_Return)  # the scanner's Enter, before the debounce
    assert shown.args == [wanted.id]
    stock = terminal.product_stock(wanted.id)
    assert stock is not None and stock.here is not None
    assert dialog.name_label.text() == wanted.name
    assert dialog.price_label.text() == money_text(wanted.price_minor, wanted.currency)
    table = dialog.stock_table
    locations = 1 + len(stock.other_stores) + len(stock.web)
    assert table.rowCount() == locations == 4  # this store, two others, the web warehouse
    available = [
        table.item(row, STOCK_AVAILABLE).data(Qt.ItemDataRole.UserRole) for row in range(locations)
    ]
    assert available == [
        stock.here.available,
        *(s.available for s in stock.other_stores),
        *(s.available for s in stock.web),
    ]
    assert str(stock.available_online) in dialog.summary_label.text()
    assert dialog.search_box.hasFocus()  # ready for the next scan


def test_typed_words_with_accents_list_matches_and_enter_opens_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open(qtbot, window)
    with qtbot.waitSignal(dialog.products_did_show, timeout=TIMEOUT_MS):
        _type(dialog.search_box, "Sézane")
    names = [dialog.results.item(r, 0).text() for r in range(dialog.results.rowCount())]
    assert len(names) >= 2 and all("Sézane" in n for n in names)
    with qtbot.waitSignal(dialog.products_did_show, timeout=TIMEOUT_MS):
        dialog.search_box.clear()
        _type(dialog.search_box, "sezane")  # without the accent: the same products
    assert [dialog.results.item(r, 0).text() for r in range(dialog.results.rowCount())] == names

    _key(dialog.search_box, Qt.Key.Key_Down)
    assert dialog.results.hasFocus()
    _key(dialog.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.stock_did_show, timeout=TIMEOUT_MS):
        _key(dialog.results, Qt.Key.Key_Return)
    assert dialog.name_label.text() == names[1]


def test_nothing_found_says_so_and_f3_brings_the_same_lookup_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open(qtbot, window)
    with qtbot.waitSignal(dialog.products_did_show, timeout=TIMEOUT_MS):
        _type(dialog.search_box, "zzzqqq")
    assert dialog.results.rowCount() == 0
    assert dialog.hint.isVisible() and "zzzqqq" in dialog.hint.text()
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Escape)  # clears first
    assert dialog.search_box.text() == "" and dialog.isVisible()
    assert window.open_inventory() is dialog


def test_a_sync_refreshes_the_numbers_and_keeps_the_selection(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    dialog = _open(qtbot, window)
    with qtbot.waitSignal(dialog.products_did_show, timeout=TIMEOUT_MS):
        _type(dialog.search_box, "thinkpad")
    dialog.results.selectRow(1)
    wanted = dialog._hits[1]
    with qtbot.waitSignal(dialog.stock_did_show, timeout=TIMEOUT_MS):
        _key(dialog.results, Qt.Key.Key_Return)
    session = terminal.session
    assert session is not None and session.store_id is not None

    # The hub's stock changes (a delivery arrives at this store), then the terminal syncs.
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's database
    try:
        with write_tx(engine) as conn:
            conn.execute(
                sa.update(inventory)
                .where(inventory.c.id == f"{session.store_id}:{wanted.id}")
                .values(on_hand=321, reserved=1, version=versions.allocate(conn, CATALOG_SCOPE))
            )
    finally:
        engine.dispose()
    report = terminal.sync_once()
    assert "inventory" in report.kinds
    with qtbot.waitSignal(dialog.stock_did_show, timeout=TIMEOUT_MS):
        window._bridge.on_changes(set(report.kinds))
    assert dialog.stock_table.item(0, STOCK_AVAILABLE).text() == "320"
    qtbot.waitUntil(lambda: dialog.results.item(1, 4).text() == "320", timeout=TIMEOUT_MS)
    assert dialog.results.currentRow() == 1


def test_closed_and_opened_again(qtbot: QtBot, window: MainWindow) -> None:
    first = _open(qtbot, window)
    with qtbot.waitSignal(first.destroyed, timeout=TIMEOUT_MS):
        qtbot.keyClick(first, Qt.Key.Key_Escape)
    window._on_changes({"inventory"})  # a sync after closing: nothing to refresh, no error
    second = window.open_inventory()
    qtbot.waitExposed(second)
    assert second is not first and second.isVisible()


def test_other_stores_nearest_first_with_distance_and_incoming_stock(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    """From Paris Opéra: Lyon (395 km) before Marseille (663 km). When the hub moves
    Marseille next door and Lyon's position becomes unknown, Marseille comes first and Lyon
    after it without a distance. This store is sold out with 5 on their way: the row, the
    summary and the match list say when."""
    session = terminal.session
    assert session is not None and session.store_id is not None
    wanted = terminal.find_products("thinkpad")[0]
    day = date(date.today().year, 12, 12)
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's database
    try:
        with write_tx(engine) as conn:
            conn.execute(
                sa.update(inventory)
                .where(inventory.c.id == f"{session.store_id}:{wanted.id}")
                .values(
                    on_hand=0,
                    reserved=0,
                    incoming=5,
                    incoming_on=day.isoformat(),
                    version=versions.allocate(conn, CATALOG_SCOPE),
                )
            )
    finally:
        engine.dispose()
    terminal.sync_once()

    dialog = _open(qtbot, window)
    with qtbot.waitSignal(dialog.stock_did_show, timeout=TIMEOUT_MS):
        dialog.open_product(wanted.id)
    table = dialog.stock_table
    rows = [
        (
            table.item(r, 0).text(),
            table.item(r, STOCK_DISTANCE).text(),
            table.item(r, STOCK_INCOMING).text(),
        )
        for r in range(table.rowCount())
    ]
    assert rows[0] == ("This store — Paris Opéra", "", "5 on 12 Dec")
    assert [r[:2] for r in rows[1:3]] == [
        ("Lyon Part-Dieu", "395 km"),
        ("Marseille Vieux-Port", "663 km"),
    ]
    assert rows[3][0].startswith("Web warehouse") and rows[3][1] == ""
    assert dialog.summary_label.text().startswith("0 here")
    assert dialog.summary_label.text().endswith("incoming: 5 on 12 Dec")
    with qtbot.waitSignal(dialog.products_did_show, timeout=TIMEOUT_MS):
        dialog.search(wanted.sku)
    assert dialog.results.item(0, 4).text() == "none · incoming: 5 on 12 Dec"

    # The hub places Marseille 17 km away and forgets Lyon's position: distance first.
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    try:
        with write_tx(engine) as conn:
            conn.execute(
                sa.update(locations)
                .where(locations.c.name.in_(["Marseille Vieux-Port", "Lyon Part-Dieu"]))
                .values(
                    latitude=sa.case((locations.c.city == "Marseille", 48.80), else_=None),
                    longitude=sa.case((locations.c.city == "Marseille", 2.13), else_=None),
                    version=versions.allocate(conn, CATALOG_SCOPE),
                )
            )
    finally:
        engine.dispose()
    report = terminal.sync_once()
    assert "location" in report.kinds
    with qtbot.waitSignal(dialog.stock_did_show, timeout=TIMEOUT_MS):
        dialog.open_product(wanted.id)
    assert [(table.item(r, 0).text(), table.item(r, STOCK_DISTANCE).text()) for r in (1, 2)] == [
        ("Marseille Vieux-Port", "17 km"),
        ("Lyon Part-Dieu", ""),
    ]
