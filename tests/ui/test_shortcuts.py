"""Every window shortcut works while the associate types in the search box, where the
focus lives all day. A line edit may claim key combinations for itself (its
ShortcutOverride: editing keys, Ctrl+K on some platforms); a window shortcut on such a key
would never fire at the counter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all

# Keys a line edit keeps for itself; the window binds them on purpose, for when the focus
# is elsewhere (Ctrl+K and F2 bring the focus *back* to the search box).
OWNED_BY_THE_SEARCH_BOX = {"Ctrl+K"}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url="http://127.0.0.1:9", secrets=MemorySecretStore()
    )
    win = MainWindow(terminal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    wait_for_all()
    terminal.close()


def test_every_window_shortcut_fires_from_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    shortcuts = [
        s
        for s in window.findChildren(QShortcut)
        if s.context() == Qt.ShortcutContext.WindowShortcut and s.parent() is window
    ]
    names = {s.key().toString() for s in shortcuts}
    assert {"Ctrl+Shift+N", "F5", "Ctrl+L", "Ctrl+E", "Ctrl+F", "F3"} <= names
    dead = []
    for shortcut in shortcuts:
        name = shortcut.key().toString()
        if name in OWNED_BY_THE_SEARCH_BOX:
            continue
        # Only the firing is under test: what the shortcut opens is tested elsewhere.
        shortcut.activated.disconnect()
        fired: list[bool] = []
        shortcut.activated.connect(lambda fired=fired: fired.append(True))
        window.focus_search()
        qtbot.waitUntil(window.search_box.hasFocus)
        combo = shortcut.key()[0]
        qtbot.keyClick(window.search_box, combo.key(), combo.keyboardModifiers())
        if not fired:
            dead.append(name)
    assert dead == [], f"shortcuts swallowed by the search box: {dead}"
