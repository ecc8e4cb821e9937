"""Issue 8: the encrypted cache's integrity check runs on a worker while the window shows
(the desktop app opens with `defer_integrity_check=True`). A damaged cache then leads
where a failed check at open leads: a message, no more syncing, the app closes.

No write reaches the file before the check has passed. Some tests hold the check back
(`hold_integrity_check`) so that it is still running when the associate saves, as a large
cache's is for a few seconds: a save made meanwhile waits on the database worker and lands
after the check; on a damaged file it never lands at all."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from clienteling.domain.errors import CacheCheckingError, CacheCorruptError
from clienteling.terminal.facade import CACHE_FILE, Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.cache_check import (
    check_cache_in_background,
    checking_text,
    damaged_cache_text,
)
from clienteling.ui.errors import error_text
from clienteling.ui.operations import run_in_background, wait_for_all
from tests.support.damaged_cache import damage_tail

UNUSED_HUB = "http://127.0.0.1:9"  # never reached: these terminals do not sync
CUSTOMER = "c-1"
NOTE = "Thử giày 42, sẽ quay lại thứ Bảy"


def _open(
    data_dir: Path, secrets: MemorySecretStore, hold: threading.Event | None = None
) -> Terminal:
    return Terminal(
        data_dir=data_dir,
        hub_url=UNUSED_HUB,
        secrets=secrets,
        encrypt_cache=True,
        defer_integrity_check=True,
        hold_integrity_check=hold,
    )


def _files(data_dir: Path) -> dict[str, str]:
    """A digest of the cache file and its WAL (where a write would land first), when
    they hold anything (SQLite removes an empty WAL at the last close)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(data_dir.glob(CACHE_FILE + "*"))
        if not path.name.endswith("-shm") and path.stat().st_size > 0  # -shm: readers' index
    }


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


def test_a_draft_saved_during_the_check_is_written_after_it_passes(
    qtbot: QtBot, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    Terminal(data_dir=tmp_path, hub_url=UNUSED_HUB, secrets=secrets, encrypt_cache=True).close()
    hold = threading.Event()
    terminal = _open(tmp_path, secrets, hold)
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        window.show()
        check_cache_in_background(terminal, window, on_damaged=lambda: None)
        assert window.statusBar().currentMessage() == checking_text()
        before = _files(tmp_path)

        saved: list[bool] = []
        run_in_background(
            lambda: terminal.save_note_draft(CUSTOMER, NOTE),
            success=lambda _none: saved.append(True),
            parent=window,
        )
        qtbot.wait(300)  # the database worker has reached the write and waits
        assert saved == [] and not terminal.integrity_checked
        assert _files(tmp_path) == before  # nothing written yet
        assert terminal.note_draft(CUSTOMER) == ""  # reads go on meanwhile

        # The GUI thread never waits for the check: its write is refused with a sentence.
        with pytest.raises(CacheCheckingError) as refused:
            terminal.save_note_draft("c-2", "typed on the GUI thread")
        assert "try again in a moment" in error_text(refused.value)

        hold.set()
        qtbot.waitUntil(lambda: saved == [True], timeout=20_000)
        assert terminal.integrity_checked
        assert terminal.note_draft(CUSTOMER) == NOTE
        assert terminal.note_draft("c-2") == ""
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")
        terminal.save_note_draft("c-2", "now it is written")  # the gate stays open
        assert terminal.note_draft("c-2") == "now it is written"
    finally:
        hold.set()
        wait_for_all()
        terminal.close()


def test_nothing_saved_during_the_check_reaches_a_damaged_file(
    qtbot: QtBot, tmp_path: Path, secrets: MemorySecretStore
) -> None:
    first = Terminal(data_dir=tmp_path, hub_url=UNUSED_HUB, secrets=secrets, encrypt_cache=True)
    cache_path, key = first.cache_path, first._cache_key
    first.close()
    damage_tail(cache_path, key=key)
    hold = threading.Event()
    terminal = _open(tmp_path, secrets, hold)
    try:
        before = _files(tmp_path)
        failures: list[BaseException] = []
        window = QMainWindow()
        qtbot.addWidget(window)
        run_in_background(
            lambda: terminal.save_note_draft(CUSTOMER, NOTE),
            success=lambda _none: None,
            failure=failures.append,
            parent=window,
        )
        qtbot.wait(200)
        hold.set()
        qtbot.waitUntil(lambda: len(failures) == 1, timeout=20_000)
        assert isinstance(failures[0], CacheCorruptError)
        with pytest.raises(CacheCorruptError):
            terminal.check_cache_integrity()
        with pytest.raises(CacheCorruptError):
            terminal.sync_once()
        with pytest.raises(CacheCorruptError):  # later writes are refused as well
            terminal.save_note_draft(CUSTOMER, "again")
        assert _files(tmp_path) == before
    finally:
        hold.set()
        wait_for_all()
        terminal.close()
    assert _files(tmp_path) == before  # closing wrote nothing either


def test_a_sync_pass_waits_for_the_check(tmp_path: Path, secrets: MemorySecretStore) -> None:
    """The pull process writes on a connection of its own: the pass itself waits."""
    Terminal(data_dir=tmp_path, hub_url=UNUSED_HUB, secrets=secrets, encrypt_cache=True).close()
    hold = threading.Event()
    terminal = _open(tmp_path, secrets, hold)
    outcome: list[BaseException] = []

    def sync() -> None:
        try:
            terminal.sync_once()
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=sync)
    try:
        worker.start()
        worker.join(0.3)
        assert worker.is_alive()  # waiting for the check, not yet at the hub
        hold.set()
        worker.join(20)
        # Past the gate it needs a session (then the hub): nobody is signed in here.
        assert [type(exc).__name__ for exc in outcome] == ["NotSignedInError"]
    finally:
        hold.set()
        terminal.close()
