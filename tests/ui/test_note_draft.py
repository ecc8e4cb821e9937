"""A note being typed survives a restart (and a switch to another customer) until it is
saved; saving it drops the draft."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow

TIMEOUT_MS = 20_000
TEXT = "Cherche un manteau gris, taille M — rappeler jeudi"


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def _open(qtbot: QtBot, window: MainWindow, customer_id: str) -> None:
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(customer_id)


def test_a_note_being_typed_comes_back_after_a_restart(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    first, other = (hit.id for hit in terminal.search("a", limit=2))
    _open(qtbot, window, first)
    _type(window.profile_view.note_edit, TEXT)
    qtbot.waitUntil(lambda: terminal.note_draft(first) == TEXT, timeout=TIMEOUT_MS)
    # Another customer: an empty box, and the first one's draft kept.
    _open(qtbot, window, other)
    assert window.profile_view.note_edit.toPlainText() == ""
    assert terminal.note_draft(first) == TEXT
    window.close()

    again = MainWindow(terminal)  # the app started again
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    _open(qtbot, again, first)
    qtbot.waitUntil(lambda: again.profile_view.note_edit.toPlainText() == TEXT, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(again.note_did_save, timeout=TIMEOUT_MS):
        again.profile_view.add_note_button.click()
    assert terminal.note_draft(first) == ""
    assert TEXT in [n.text for n in terminal.customer(first).notes]  # type: ignore[union-attr]
