"""The manager dashboard against a real hub: opened by keyboard, figures from the hub,
kept for offline viewing, exported to CSV and PDF; associates do not get it."""

from __future__ import annotations

import csv
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.dashboard_export import write_csv, write_pdf
from clienteling.ui.dashboard_view import DashboardView
from clienteling.ui.labels import whole_number
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all

TIMEOUT_MS = 30_000


def _window(qtbot: QtBot, terminal: Terminal) -> MainWindow:
    window = MainWindow(terminal)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


DASHBOARD_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _open(qtbot: QtBot, window: MainWindow) -> DashboardView:
    """Ctrl+Shift+D while typing in the search box (where the associate always is)."""
    qtbot.waitUntil(window.search_box.hasFocus)
    qtbot.keyClick(window.search_box, Qt.Key.Key_D, DASHBOARD_KEYS)
    board = window.dashboard
    assert board is not None
    qtbot.waitUntil(lambda: board.result is not None, timeout=TIMEOUT_MS)
    return board


def test_a_manager_sees_the_store_figures_and_keeps_them_for_offline(
    qtbot: QtBot, seeded_hub_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    # Not the default 14 days: the funnel's "?" states the hub's own attribution rule.
    hub = HubServer(settings=HubSettings(db=str(db), port=0, attribution_window_days=9))
    hub.start()
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
    )
    try:
        terminal.sign_in("demo-manager", "demo")
        terminal.sync_once()
        window = _window(qtbot, terminal)
        assert window.dashboard_button.isVisible()
        board = _open(qtbot, window)
        assert board.result is not None and not board.result.from_cache
        figures = board.result.board
        assert figures.store_id == terminal.session.store_id  # type: ignore[union-attr]
        assert figures.current.in_store.orders > 0
        shown = board.cards["in_store_orders"].value.text()
        assert shown == whole_number(figures.current.in_store.orders)
        assert board.associates_table.rowCount() >= 1
        assert board.omni_table.rowCount() == 4
        assert board.funnel_table.rowCount() == 7
        assert board.reasons_table.rowCount() >= 1  # the demo year has non-buyers
        assert not board.store_combo.isEnabled()  # a manager sees only their store
        assert figures.attribution_window_days == 9
        funnel_help = board.section_help["funnel"].toolTip()
        assert "within 9 day(s)" in funnel_help and "14" not in funnel_help

        # Exports: every table as CSV (UTF-8 with BOM), the page as a PDF.
        written = write_csv(tmp_path / "csv", figures, board.tables(), board._card_rows())
        assert len(written) == 12  # the headline figures and eleven tables
        raw = written[0].read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        associates = next(p for p in written if p.name.endswith("_associates.csv"))
        rows = list(csv.reader(associates.open(encoding="utf-8-sig")))
        assert len(rows) == board.associates_table.rowCount() + 1
        pdf = write_pdf(tmp_path / "board.pdf", board.page, footer=board.as_of.text())
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000
        _the_pdf_shows_what_the_screen_shows(pdf, board)
        with pytest.raises(OSError):  # the export says so instead of saving nothing
            write_pdf(tmp_path / "no-such-folder" / "board.pdf", board.page)
        _drill_into_visits(qtbot, window, board)
        hub.stop()
        # The hub is gone: the same period shows the copy kept, saying so.
        board.refresh()
        qtbot.waitUntil(lambda: "Offline" in board.as_of.text(), timeout=TIMEOUT_MS)
        assert board.result is not None and board.result.from_cache
        assert board.result.board.current == figures.current
    finally:
        wait_for_all()
        terminal.close()
        hub.stop()


def _the_pdf_shows_what_the_screen_shows(pdf: Path, board: DashboardView) -> None:
    """The PDF opens in a reader (QtPdf) as one page whose text holds the screen's
    headline figures and table cells, on a page turned as the screen's page is."""
    document = QPdfDocument()
    document.load(str(pdf))
    try:
        assert document.status() == QPdfDocument.Status.Ready
        assert document.pageCount() == 1
        # Without spaces: a reader guesses them from the gaps between glyphs.
        text = "".join(document.getAllText(0).text().split())
        assert board.as_of.text().startswith("As of")
        assert "".join(board.as_of.text().split()) in text  # when the figures are from
        for key in ("in_store_orders", "new_customers"):
            card = board.cards[key]
            assert "".join(card.value.text().split()) in text, key
        for table in (board.funnel_table, board.associates_table):
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    cell = table.item(row, column)
                    assert cell is not None and "".join(cell.text().split()) in text
        points = document.pagePointSize(0)
        tall = board.page.height() > board.page.width()
        assert (points.height() > points.width()) == tall  # A4, portrait for a tall page
    finally:
        document.close()


def _drill_into_visits(qtbot: QtBot, window: MainWindow, board: DashboardView) -> None:
    """Enter on the funnel's "visits" row lists them; Enter on one opens the customer."""
    assert board.result is not None
    visits = next(s for s in board.result.board.funnel if s.step == "visits")
    table = board.funnel_table
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = board.drilldown
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.found is not None, timeout=TIMEOUT_MS)
    assert dialog.found is not None and dialog.found.total == visits.count > 0
    rows = dialog.found.rows
    assert dialog.table.rowCount() == len(rows) > 0
    index = next(i for i, row in enumerate(rows) if row.customer_id)
    dialog.table.setCurrentCell(index, 1)
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS) as loaded:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert loaded.args == [rows[index].customer_id]
    dialog.close()
    # A headline card lists its figure too.
    card = board.cards["new_customers"]
    card.list_button.click()
    listed = board.drilldown
    assert listed is not None and listed.figure == "new_customers"
    qtbot.waitUntil(lambda: listed.found is not None, timeout=TIMEOUT_MS)
    assert listed.found is not None
    assert listed.found.total == board.result.board.current.new_customers
    listed.close()


def test_an_associate_has_no_dashboard(qtbot: QtBot, seeded_hub_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    with HubServer(settings=HubSettings(db=str(db), port=0)) as hub:
        terminal = Terminal(
            data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
        )
        try:
            terminal.sign_in("demo-associate", "demo")
            window = _window(qtbot, terminal)
            assert not window.dashboard_button.isVisible()
            qtbot.keyClick(window.search_box, Qt.Key.Key_D, DASHBOARD_KEYS)
            assert window.dashboard is None
            # And the hub refuses anyway: the scope is enforced there, not only here.
            today = terminal.store_today()
            try:
                terminal.store_dashboard(start=today - timedelta(days=7), end=today)
            except Exception as exc:
                assert getattr(exc, "hub_code", None) == "forbidden_role"
            else:
                raise AssertionError("the hub served store statistics to an associate")
        finally:
            wait_for_all()
            terminal.close()
