"""The window comes back as it was left (size, split, profile tab), and F1 lists every
shortcut the window has."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.app import apply_style
from clienteling.ui.i18n import install_translators
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.shortcut_help import ShortcutHelp


def _window(qtbot: QtBot, terminal: Terminal) -> MainWindow:
    win = MainWindow(terminal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_layout_is_restored_after_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url="http://127.0.0.1:9", secrets=MemorySecretStore()
    )
    try:
        first = _window(qtbot, terminal)
        first.resize(760, 560)  # within the offscreen screen (800x600)
        first.splitter.setSizes([300, 430])
        first.profile_view.tabs.setCurrentIndex(ProfileView.NOTES_TAB)
        sizes = first.splitter.sizes()
        first.close()
        again = _window(qtbot, terminal)
        assert (again.size().width(), again.size().height()) == (760, 560)
        assert again.splitter.sizes() == sizes
        assert again.profile_view.tabs.currentIndex() == ProfileView.NOTES_TAB
        assert (tmp_path / "terminal" / "layout.ini").exists()
    finally:
        wait_for_all()
        terminal.close()


def test_f1_lists_every_shortcut(qtbot: QtBot, tmp_path: Path) -> None:
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url="http://127.0.0.1:9", secrets=MemorySecretStore()
    )
    try:
        window = _window(qtbot, terminal)
        qtbot.waitUntil(window.search_box.hasFocus)
        qtbot.keyClick(window.search_box, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: getattr(window, "shortcut_help", None) is not None)
        listed = " ".join(window.shortcut_help.keys())
        bound = {s.key().toString() for s in window.findChildren(QShortcut) if s.parent() is window}
        missing = [k for k in bound if k not in listed]
        assert missing == [], f"shortcuts the F1 overlay does not list: {missing}"
        qtbot.keyClick(window.shortcut_help, Qt.Key.Key_Escape)
    finally:
        wait_for_all()
        terminal.close()


@pytest.mark.parametrize("lang", ["vi", "fr", "ru"])
def test_f1_lines_are_whole_in_every_language(qtbot: QtBot, qapp: QApplication, lang: str) -> None:
    """No "…" in the overlay: each line fits its cell, in the longest languages too (with
    the app's own font and stylesheet, as the demo draws it)."""
    font, sheet = qapp.font(), qapp.styleSheet()
    try:
        apply_style(qapp)
        install_translators(qapp, lang)
        rows = [
            ("Ctrl+Shift+X", QCoreApplication.translate("MainWindow", text))
            for text in (
                "In the search box: open the only match, or go to the results",
                "On a reply in the timeline: show the follow-up it answers",
                "In the task list: mark the task done (with the outcome note)",
            )
        ]
        dialog = ShortcutHelp(rows)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        table = dialog.table
        metrics = table.fontMetrics()
        for _keys, does in rows:
            assert metrics.horizontalAdvance(does) <= table.columnWidth(1), (lang, does)
    finally:
        install_translators(qapp, "en")
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)


def test_the_profile_on_screen_comes_back_after_a_restart(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer_id = terminal.search("a", limit=1)[0].id
    with qtbot.waitSignal(window.profile_did_load, timeout=20_000):
        window.open_customer(customer_id)
    qtbot.waitUntil(lambda: terminal.last_open_customer() == customer_id, timeout=20_000)
    window.close()
    layout = (terminal.cache_path.parent / "layout.ini").read_text(encoding="utf-8")
    assert customer_id not in layout  # the plain layout file holds no customer

    again = _window(qtbot, terminal)
    assert again.profile_view.profile is None
    with qtbot.waitSignal(again.profile_did_load, timeout=20_000) as loaded:
        again.reopen_last_customer()
    assert loaded.args == [customer_id]
    assert again.profile_view.profile is not None
    assert again.profile_view.profile.id == customer_id
