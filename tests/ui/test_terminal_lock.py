"""The lock screen on a real terminal and hub: locked, nothing on screen names a customer
(not the profile, not the results, not the follow-up composer), the shortcuts do nothing;
a PIN unlocks back to the same place; wrong PINs count down and block the PIN; a
colleague takes over with their password or PIN and what each writes stays theirs on the
hub; the terminal locks by itself after the idle time."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clienteling.domain.pins import MAX_PIN_FAILURES
from clienteling.hub.db import make_engine
from clienteling.hub.tables import notes
from clienteling.terminal.facade import Terminal
from clienteling.ui.lock_screen import LockScreen, PinDialog
from clienteling.ui.main_window import MainWindow
from clienteling.ui.terminal_lock import TerminalLock
from tests.ui.conftest import type_text

TIMEOUT_MS = 20_000
PIN_A, PIN_B = "2580", "97531"


def visible_texts() -> list[str]:
    """Every text a person could read on screen now: titles, labels, fields, buttons,
    list and table cells of every visible window of the app."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model, root = widget.model(), QModelIndex()
                columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
                for row in range(model.rowCount(root)):
                    for column in range(columns):
                        texts.append(str(model.index(row, column, root).data() or ""))
    return texts


def open_profile(qtbot: QtBot, window: MainWindow, terminal: Terminal) -> str:
    """Search and open a customer; returns the name shown."""
    hit = terminal.search("a", limit=1)[0]
    with qtbot.waitSignal(window.hits_did_show, timeout=TIMEOUT_MS):
        window.search(hit.display_name)
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(hit.id)
    assert any(hit.display_name in t for t in visible_texts())
    return hit.display_name


def lock(qtbot: QtBot, window: MainWindow) -> LockScreen:
    terminal_lock = window.terminal_lock
    with qtbot.waitSignal(terminal_lock.lock_did_engage, timeout=TIMEOUT_MS):
        qtbot.mouseClick(terminal_lock.lock_button, Qt.MouseButton.LeftButton)
    screen = terminal_lock.screen
    assert screen is not None
    qtbot.waitUntil(lambda: screen.holders.count() > 0 or screen.no_holders.isVisible())
    return screen


def unlock_with_pin(qtbot: QtBot, window: MainWindow, associate_id: str, pin: str) -> None:
    screen = window.terminal_lock.screen
    assert screen is not None
    screen.choose(associate_id)
    type_text(screen.pin_edit, pin)
    with qtbot.waitSignal(window.terminal_lock.lock_did_release, timeout=TIMEOUT_MS) as done:
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert done.args == [associate_id]


def test_locked_nothing_names_the_customer_and_unlock_returns_there(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    me = terminal.session
    assert me is not None
    terminal.set_pin(PIN_A)
    name = open_profile(qtbot, window, terminal)
    profile_id = window.profile_view.profile.id if window.profile_view.profile else None
    composer = window.compose_followup(str(profile_id))
    qtbot.waitUntil(lambda: composer.message is not None, timeout=TIMEOUT_MS)
    type_text(composer.personal_edit, "Chiếc áo xanh rất hợp")
    assert composer.isVisible()

    screen = lock(qtbot, window)
    assert window.centralWidget() is screen
    assert not composer.isVisible()
    texts = visible_texts()
    assert not [t for t in texts if name in t]
    assert not [t for t in texts if "Chiếc áo xanh" in t]
    assert me.display_name in texts  # the lock screen lists who may unlock
    assert window.windowTitle() == "Clienteling — locked"
    grab = window.grab()  # what a screenshot of the window shows is the lock screen
    assert not grab.isNull() and window.findChildren(LockScreen) == [screen]

    unlock_with_pin(qtbot, window, me.associate_id, PIN_A)
    assert window.centralWidget() is not screen
    assert window.profile_view.profile is not None
    assert window.profile_view.profile.id == profile_id
    assert composer.isVisible() and composer.personal_edit.text() == "Chiếc áo xanh rất hợp"
    assert me.display_name in window.windowTitle()
    assert any(name in t for t in visible_texts())


def test_shortcuts_do_nothing_while_locked(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    terminal.set_pin(PIN_A)
    screen = lock(qtbot, window)
    shortcuts = window.findChildren(QShortcut)
    assert shortcuts and not [s.key().toString() for s in shortcuts if s.isEnabled()]
    for key, modifiers in (
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_F3, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(screen.pin_edit, key, modifiers)
    assert not hasattr(window, "new_customer_dialog")
    assert not hasattr(window, "visit_dialog")
    assert not hasattr(window, "inventory_dialog")
    assert not hasattr(window, "shortcut_help")
    assert window.centralWidget() is screen

    me = terminal.session
    assert me is not None
    unlock_with_pin(qtbot, window, me.associate_id, PIN_A)
    assert all(s.isEnabled() for s in shortcuts)
    window.focus_search()
    qtbot.keyClick(
        window.search_box,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: hasattr(window, "new_customer_dialog"))


def test_wrong_pins_count_down_then_block_the_pin(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    me = terminal.session
    assert me is not None
    terminal.set_pin(PIN_A)
    screen = lock(qtbot, window)
    for left in range(MAX_PIN_FAILURES - 1, 0, -1):
        type_text(screen.pin_edit, "1357")
        with qtbot.waitSignal(screen.unlock_did_fail, timeout=TIMEOUT_MS) as failed:
            qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
        assert failed.args == [screen.error_label.text()]
        assert f": {left}." in screen.error_label.text()
        assert screen.pin_edit.text() == ""
    type_text(screen.pin_edit, "1357")
    with qtbot.waitSignal(screen.unlock_did_fail, timeout=TIMEOUT_MS):
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert "password" in screen.error_label.text()
    qtbot.waitUntil(lambda: "blocked" in screen.holders.item(0).text())
    type_text(screen.pin_edit, PIN_A)  # the right PIN no longer opens
    with qtbot.waitSignal(screen.unlock_did_fail, timeout=TIMEOUT_MS):
        qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    assert window.terminal_lock.locked

    # The password opens, and makes the PIN work again.
    dialog = screen.sign_in_with_password()
    dialog.user_edit.setText("demo-associate")
    dialog.password_edit.setText("demo")
    with qtbot.waitSignal(window.terminal_lock.lock_did_release, timeout=TIMEOUT_MS):
        dialog.accept()
    assert terminal.has_pin()


def test_a_colleague_takes_over_and_each_keeps_their_notes(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    a = terminal.session
    assert a is not None
    dialog = window.terminal_lock.choose_pin()
    assert isinstance(dialog, PinDialog)
    dialog.pin_edit.setText("1234")
    dialog.repeat_edit.setText("1234")
    dialog.accept()
    qtbot.waitUntil(lambda: "too easy" in dialog.error_label.text(), timeout=TIMEOUT_MS)
    type_text(dialog.pin_edit, PIN_A)
    type_text(dialog.repeat_edit, PIN_A)
    with qtbot.waitSignal(dialog.pin_did_change, timeout=TIMEOUT_MS):
        dialog.accept()
    assert terminal.has_pin()

    open_profile(qtbot, window, terminal)
    customer = window.profile_view.profile
    assert customer is not None
    by_a = terminal.add_note(customer.id, "A's note, queued before the switch")

    screen = lock(qtbot, window)
    sign_in = screen.sign_in_with_password()
    sign_in.user_edit.setText("demo-manager")
    sign_in.password_edit.setText("demo")
    with qtbot.waitSignal(window.terminal_lock.lock_did_release, timeout=TIMEOUT_MS) as done:
        sign_in.accept()
    b = terminal.session
    assert b is not None and done.args == [b.associate_id] and b != a
    assert b.display_name in window.windowTitle() and a.display_name not in window.windowTitle()
    assert window.dashboard_button.isVisibleTo(window)  # a manager may open it
    by_b = terminal.add_note(customer.id, "B's note")

    lock(qtbot, window)
    unlock_with_pin(qtbot, window, a.associate_id, PIN_A)
    assert terminal.session == a and not window.dashboard_button.isVisibleTo(window)
    terminal.sync_once()

    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    try:
        with engine.connect() as conn:
            authors = dict(
                conn.execute(
                    sa.select(notes.c.id, notes.c.associate_id).where(
                        notes.c.id.in_([by_a.id, by_b.id])
                    )
                ).all()
            )
    finally:
        engine.dispose()
    assert authors == {by_a.id: a.associate_id, by_b.id: b.associate_id}


def test_locks_by_itself_after_the_idle_time(qtbot: QtBot, window: MainWindow) -> None:
    terminal_lock: TerminalLock = window.terminal_lock
    terminal_lock.set_idle_timeout(0)  # never
    assert not terminal_lock._idle.isActive()
    terminal_lock.set_idle_timeout(200)
    with qtbot.waitSignal(terminal_lock.lock_did_engage, timeout=TIMEOUT_MS):
        pass
    assert terminal_lock.locked
    assert not terminal_lock._idle.isActive()  # no second lock while locked


def test_input_restarts_the_idle_time(qtbot: QtBot, window: MainWindow) -> None:
    terminal_lock = window.terminal_lock
    terminal_lock.set_idle_timeout(60_000)
    terminal_lock._idle.start(1_000)  # as if most of the idle time had passed
    qtbot.keyClick(window.search_box, Qt.Key.Key_A)
    assert terminal_lock._idle.remainingTime() > 1_000
