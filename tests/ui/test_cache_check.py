"""Issue 8: the encrypted cache's integrity check runs on a worker after the window shows
(the desktop app opens with `defer_integrity_check=True`). A damaged cache then leads
where a failed check at open leads: a message, no more syncing, the app closes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clienteling.domain.errors import CacheCorruptError
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.cache_check import check_cache_in_background, damaged_cache_text
from clienteling.ui.operations import wait_for_all
from tests.support.damaged_cache import damage_tail

UNUSED_HUB = "http://127.0.0.1:9"  # never reached: these terminals do not sync


def _open(data_dir: Path, secrets: MemorySecretStore) -> Terminal:
    return Terminal(
        data_dir=data_dir,
        hub_url=UNUSED_HUB,
        secrets=secrets,
        encrypt_cache=True,
        defer_integrity_check=True,
    )


def _damaged_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QMessageBox)
            and widget.objectName() == "damagedCacheMessage"
            and widget.isVisible()
        ):
            return widget
    return None


@pytest.fixture
def secrets() -> MemorySecretStore:
    return MemorySecretStore()


def test_a_damaged_cache_is_reported_after_the_window_shows_and_the_app_closes(
    qtbot: QtBot, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    first = _open(tmp_path, secrets)
    cache_path, key = first.cache_path, first._cache_key
    first.close()
    damage_tail(cache_path, key=key)

    terminal = _open(tmp_path, secrets)  # opens: the damage is past what an open reads
    try:
        assert terminal.integrity_checked is False
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        closed: list[bool] = []
        check_cache_in_background(terminal, window, on_damaged=lambda: closed.append(True))
        qtbot.waitUntil(lambda: _damaged_box() is not None, timeout=20_000)
        box = _damaged_box()
        assert box is not None
        assert box.text() == damaged_cache_text()
        assert box.accessibleName()
        assert closed == []  # the associate reads it first
        box.button(QMessageBox.StandardButton.Close).click()
        qtbot.waitUntil(lambda: closed == [True])
        with pytest.raises(CacheCorruptError):  # nothing more is written to the file
            terminal.sync_once()
        assert terminal.integrity_checked is False
    finally:
        wait_for_all()
        terminal.close()


def test_a_sound_cache_passes_quietly(
    qtbot: QtBot, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    _open(tmp_path, secrets).close()
    terminal = _open(tmp_path, secrets)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        closed: list[bool] = []
        check_cache_in_background(terminal, window, on_damaged=lambda: closed.append(True))
        qtbot.waitUntil(lambda: terminal.integrity_checked, timeout=20_000)
        wait_for_all()
        QApplication.processEvents()
        assert _damaged_box() is None and closed == []
    finally:
        wait_for_all()
        terminal.close()
