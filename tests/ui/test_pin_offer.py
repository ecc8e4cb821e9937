"""Issue 8: after a password sign-in on a store terminal, an associate without a PIN is
asked once "Set a PIN for quick switching?"; "not now" (Esc) is remembered for that
associate on this terminal, Enter opens the PIN dialog; someone with a PIN is not asked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.lock_screen import PinDialog
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from clienteling.ui.pin_offer import PinOfferDialog

TIMEOUT_MS = 20_000


def _visible(kind: type[QDialog]) -> QDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def _offer(qtbot: QtBot, window: MainWindow) -> PinOfferDialog | None:
    """Ask for the offer and let the worker answer; the dialog when one opened."""
    window.terminal_lock.offer_pin()
    wait_for_all()
    QApplication.processEvents()  # deliver the worker's queued answer
    found = _visible(PinOfferDialog)
    assert found is None or isinstance(found, PinOfferDialog)
    return found


def test_not_now_is_remembered_for_this_associate_on_this_terminal(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _offer(qtbot, window)
    assert dialog is not None, "signed in with a password, no PIN: asked"
    assert dialog.accessibleName()
    assert dialog.set_button.isDefault() and dialog.later_button.accessibleName()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # "Not now"
    qtbot.waitUntil(lambda: _visible(PinOfferDialog) is None, timeout=TIMEOUT_MS)
    wait_for_all()
    assert _offer(qtbot, window) is None, "once per sign-in"

    terminal.sign_in("demo-associate", "demo")  # the same associate, another sign-in
    assert _offer(qtbot, window) is None, "not now stands on this terminal"
    assert _visible(PinDialog) is None


def test_enter_sets_a_pin_and_someone_with_a_pin_is_not_asked(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _offer(qtbot, window)
    assert dialog is not None
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "Set a PIN…", the default
    qtbot.waitUntil(lambda: _visible(PinDialog) is not None, timeout=TIMEOUT_MS)
    pin_dialog = _visible(PinDialog)
    assert isinstance(pin_dialog, PinDialog)
    pin_dialog.pin_edit.setText("2580")
    pin_dialog.repeat_edit.setText("2580")
    with qtbot.waitSignal(pin_dialog.pin_did_change, timeout=TIMEOUT_MS):
        pin_dialog.accept()
    assert terminal.has_pin()

    terminal.sign_in("demo-associate", "demo")
    assert _offer(qtbot, window) is None, "has a PIN: not asked"


def test_a_restored_session_is_not_asked(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    assert terminal.take_pin_offer() is True  # the fixture signed in with the password
    assert terminal.take_pin_offer() is False  # taken: a restored or PIN session is not
    assert _offer(qtbot, window) is None
