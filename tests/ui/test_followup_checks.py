"""Issue 9: "Follow-ups to check", the manager's screen for follow-ups whose sending was
interrupted. Against the real hub: the manager sees the menu entry, the count and the
list; "It went out" and "It did not go out" (each confirmed) change the hub's status and
the list; an associate never sees the entry; offline the dialog says it needs the
network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine
from clienteling.hub.tables import followups
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.followup_checks import FollowupCheckDialog
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from tests.support.lookups import unreachable_terminal

TIMEOUT_MS = 15_000


@pytest.fixture
def hub_engine(tmp_path: Path, hub_url: str) -> Iterator[Engine]:
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    yield engine
    engine.dispose()


@pytest.fixture
def manager(hub_url: str, tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(data_dir=tmp_path / "manager", hub_url=hub_url, secrets=MemorySecretStore())
    term.sign_in("demo-manager", "demo")
    term.sync_once()
    try:
        yield term
    finally:
        wait_for_all()
        term.close()


def shown(qtbot: QtBot, terminal: Terminal) -> MainWindow:
    win = MainWindow(terminal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def hub_status(engine: Engine, followup_id: str) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(followups.c.status).where(followups.c.id == followup_id)
            ).scalar_one()
        )


def open_by_key(qtbot: QtBot, win: MainWindow) -> FollowupCheckDialog:
    qtbot.keyClick(
        win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = win._open_followup_checks()
    assert dialog is not None
    return dialog


def confirm(qtbot: QtBot, dialog: FollowupCheckDialog, *, went_out: bool) -> QMessageBox:
    button = dialog.sent_button if went_out else dialog.not_sent_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = dialog.confirm_box
    assert box is not None and box.isVisible()
    return box


def rows(dialog: FollowupCheckDialog) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]  # type: ignore[union-attr]


def test_manager_settles_sent_and_not_sent(
    qtbot: QtBot, manager: Terminal, hub_engine: Engine, tmp_path: Path
) -> None:
    win = shown(qtbot, manager)
    assert win.manager_menu.menu.menuAction().isVisible()
    qtbot.waitUntil(lambda: win.manager_menu.count_button.isVisible(), timeout=TIMEOUT_MS)
    expected = manager.followups_to_check()
    assert len(expected) >= 2
    assert win.manager_menu.count_button.text().endswith(str(len(expected)))

    win.manager_menu.checks_action.trigger()  # the menu entry opens it
    from_menu = win._open_followup_checks()
    assert from_menu is not None
    from_menu.close()
    qtbot.waitUntil(lambda: win._open_followup_checks() is None)

    dialog = open_by_key(qtbot, win)  # and so does Ctrl+Shift+O
    qtbot.waitUntil(lambda: len(dialog.checks) == len(expected), timeout=TIMEOUT_MS)
    names = rows(dialog)
    assert names == [c.customer_name for c in expected]  # names from the cache, not ids
    assert dialog.tree.topLevelItem(0).text(dialog.CHANNEL)  # type: ignore[union-attr]
    assert dialog.sent_button.isEnabled() and dialog.not_sent_button.isEnabled()
    assert dialog.tree.accessibleName() and dialog.sent_button.accessibleName()
    assert dialog.grab().save(str(tmp_path / "followup_checks.png"))

    first, second = expected[0], expected[1]
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "did &not"
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=TIMEOUT_MS)
    box = dialog.confirm_box  # asked by keyboard, then cancelled: nothing changes
    assert box is not None and box.isVisible()
    assert "failed" in box.informativeText() and "new follow-up" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert hub_status(hub_engine, first.id) == "needs_check"

    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    box = confirm(qtbot, dialog, went_out=True)
    assert "sent again" in box.informativeText()
    with qtbot.waitSignal(dialog.list_did_load, timeout=TIMEOUT_MS):
        box.findChild(type(dialog.sent_button), "confirmSettle").click()
    assert hub_status(hub_engine, first.id) == "sent"
    assert first.id not in [c.id for c in dialog.checks]
    assert dialog.status_label.text().startswith("Marked as sent.")

    at = [c.id for c in dialog.checks].index(second.id)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(at))
    box = confirm(qtbot, dialog, went_out=False)
    with qtbot.waitSignal(dialog.list_did_load, timeout=TIMEOUT_MS):
        box.findChild(type(dialog.sent_button), "confirmSettle").click()
    assert hub_status(hub_engine, second.id) == "failed"
    assert second.id not in [c.id for c in dialog.checks]
    assert "ended as failed" in dialog.status_label.text()
    assert len(dialog.checks) == len(expected) - 2

    manager.sync_once()  # the new statuses reach the cache; the count follows
    win.manager_menu.refresh_count()
    qtbot.waitUntil(lambda: win.manager_menu.count == len(expected) - 2, timeout=TIMEOUT_MS)


def test_settled_elsewhere_meanwhile_says_so(
    qtbot: QtBot, manager: Terminal, hub_engine: Engine
) -> None:
    win = shown(qtbot, manager)
    dialog = win.open_followup_checks()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.checks), timeout=TIMEOUT_MS)
    taken = dialog.checks[0]
    manager.settle_followup(taken.id, went_out=True)  # another manager, another terminal
    box = confirm(qtbot, dialog, went_out=False)
    with qtbot.waitSignal(dialog.list_did_load, timeout=TIMEOUT_MS):
        box.findChild(type(dialog.sent_button), "confirmSettle").click()
    assert "already settled" in dialog.status_label.text()
    assert hub_status(hub_engine, taken.id) == "sent"  # the first verdict stands
    assert taken.id not in [c.id for c in dialog.checks]


def test_an_associate_never_sees_the_entry(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.manager_menu.menu.menuAction().isVisible()
    assert not window.manager_menu.count_button.isVisible()
    assert window.open_followup_checks() is None
    qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.wait(100)
    assert window._open_followup_checks() is None
    assert not any(isinstance(w, FollowupCheckDialog) for w in QApplication.topLevelWidgets())


def test_offline_says_checking_needs_the_network(
    qtbot: QtBot, hub_url: str, tmp_path: Path
) -> None:
    dead = unreachable_terminal(tmp_path / "t", hub_url, sync=True, username="demo-manager")
    try:
        win = shown(qtbot, dead)
        assert win.manager_menu.menu.menuAction().isVisible()
        dialog = win.open_followup_checks()
        assert dialog is not None
        qtbot.waitUntil(lambda: "online" in dialog.status_label.text(), timeout=TIMEOUT_MS)
        assert "can only be checked online" in dialog.status_label.text()
        assert not dialog.sent_button.isEnabled() and not dialog.not_sent_button.isEnabled()
        assert dialog.refresh_button.isEnabled()  # try again when the network is back
    finally:
        wait_for_all()
        dead.close()


def test_an_associate_switching_in_loses_the_entry_and_the_open_list(
    qtbot: QtBot, manager: Terminal
) -> None:
    win = shown(qtbot, manager)
    dialog = win.open_followup_checks()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.checks), timeout=TIMEOUT_MS)
    manager.sign_in("demo-associate", "demo")  # as a quick switch leaves the terminal
    win.refresh_session()
    assert not win.manager_menu.menu.menuAction().isVisible()
    assert not win.manager_menu.count_button.isVisible()
    qtbot.waitUntil(lambda: win._open_followup_checks() is None)
    assert win.open_followup_checks() is None
