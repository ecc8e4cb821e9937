"""The search of every store, under the cache's results, on a real hub with real key
events: a scanned card of another store's customer opens their profile in one Enter; a
typed email found on the hub opens with Down and Enter; a name offers the hub search and
says what it can find; offline says that searching all stores needs the network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from tests.support.lookups import customer_elsewhere, unreachable_terminal

TIMEOUT_MS = 20_000


def _type(widget: QWidget, text: str) -> None:
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def _key(widget: QWidget, key: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))


def _elsewhere(tmp_path: Path, store_id: str, offset: int = 0) -> Any:
    return customer_elsewhere(tmp_path / "hub.sqlite3", store_id, offset=offset)  # hub_url's


@pytest.fixture
def own_store(terminal: Terminal) -> str:
    session = terminal.session
    assert session is not None and session.store_id is not None
    return session.store_id


def test_scanned_card_of_another_store_opens_in_one_enter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, own_store: str
) -> None:
    other = _elsewhere(tmp_path, own_store)
    window.search_box.setFocus()
    with qtbot.waitSignal(
        window.profile_did_load, timeout=TIMEOUT_MS, check_params_cb=lambda cid: cid == other.id
    ):
        _type(window.search_box, other.loyalty_card)
        _key(window.search_box, Qt.Key.Key_Return)
    profile = window.profile_view.profile
    assert profile is not None and profile.looked_up
    assert window.profile_view.name_label.text() == other.display_name
    # Marked as another store's customer, with the home store's name, readable aloud.
    badge = window.profile_view.home_store_badge
    assert badge.isVisible()
    assert profile.home_store_name and profile.home_store_name in badge.text()
    assert badge.text().startswith("Other store")
    assert badge.accessibleName() == badge.text()
    assert window.search_box.hasFocus()
    # In the cache now: the same scan finds it there, and the hub panel steps aside.
    qtbot.waitUntil(lambda: [h.id for h in window.hits_model.hits()] == [other.id])
    assert window.hub_search.state == "idle"


def test_email_found_on_the_hub_opens_with_down_and_enter(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, own_store: str
) -> None:
    other = _elsewhere(tmp_path, own_store, offset=1)
    window.search_box.setFocus()
    with qtbot.waitSignal(
        window.hub_search.state_did_change,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda state: state == "found",
    ):
        _type(window.search_box, other.emails[0])
    assert [h.id for h in window.hub_search.hits()] == [other.id]
    assert window.hub_search.results.isVisible()
    assert window.hub_search.status_label.text().startswith("Found on the hub")
    _key(window.search_box, Qt.Key.Key_Down)
    qtbot.waitUntil(window.hub_search.results.hasFocus)
    with qtbot.waitSignal(
        window.profile_did_load, timeout=TIMEOUT_MS, check_params_cb=lambda cid: cid == other.id
    ):
        _key(window.hub_search.results, Qt.Key.Key_Return)


def test_a_name_offers_the_hub_and_says_what_it_finds(qtbot: QtBot, window: MainWindow) -> None:
    window.search_box.setFocus()
    with qtbot.waitSignal(
        window.hub_search.state_did_change,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda state: state == "offer",
    ):
        _type(window.search_box, "Zyxwvq")
    assert window.hub_search.search_button.isVisible()
    assert "exact phone, email or loyalty card" in window.hub_search.status_label.text()
    with qtbot.waitSignal(
        window.hub_search.state_did_change,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda state: state == "none",
    ):
        qtbot.keyClick(  # through the shortcut map, as a real key press
            window,
            Qt.Key.Key_F,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert window.hub_search.status_label.text().startswith("No customer of any store")


@pytest.fixture
def offline_window(qtbot: QtBot, hub_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    """A synced terminal whose hub has gone away (its address answers nothing)."""
    dead = unreachable_terminal(tmp_path / "t", hub_url, sync=True)
    win = MainWindow(dead)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        wait_for_all()
        dead.close()


def test_offline_says_searching_all_stores_needs_the_network(
    qtbot: QtBot, offline_window: MainWindow
) -> None:
    window = offline_window
    window.search_box.setFocus()
    with qtbot.waitSignal(
        window.hub_search.state_did_change,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda state: state == "offline",
    ):
        _type(window.search_box, "2999999999999")
    assert "needs the network" in window.hub_search.status_label.text()
    assert window.hub_search.search_button.isVisible()  # try again when it is back
