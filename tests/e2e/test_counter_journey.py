"""An associate's day in miniature, on the real window against a real hub on loopback:
sign in, first sync, search with and without diacritics, open a profile from the
keyboard, add a note, sync now, and the note is on the hub."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.domain.ids import uuid7
from clienteling.domain.text import fold
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore
from clienteling.ui.first_sync import FirstSyncDialog
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from clienteling.ui.sign_in import SignInDialog

TIMEOUT_MS = 30_000
NOTE = "Đã thử hai laptop, sẽ quay lại thứ Bảy — Жду звонка"


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying the text (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def terminal(hub_url: str, tmp_path: Path) -> Iterator[Terminal]:
    # The real keyring code path, over the in-memory backend conftest installs.
    term = Terminal(data_dir=tmp_path / "terminal", hub_url=hub_url, secrets=KeyringSecretStore())
    try:
        yield term
    finally:
        wait_for_all()
        term.close()


def search_by_typing(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    window.search_box.clear()
    window.search_box.setFocus()
    with qtbot.waitSignal(window.hits_did_show, timeout=TIMEOUT_MS, check_params_cb=text.__eq__):
        type_text(window.search_box, text)
    return [hit.display_name for hit in window.hits_model.hits()]


def notes_on_hub(hub_url: str, customer_id: str) -> list[str]:
    with httpx.Client(base_url=hub_url, timeout=10) as client:
        signed = client.post(
            "/api/v1/auth/sign-in",
            json={"username": "demo-associate", "password": "demo", "device_id": uuid7()},
        )
        signed.raise_for_status()
        answer = client.get(
            f"/api/v1/customers/{customer_id}",
            headers={"Authorization": f"Bearer {signed.json()['token']}"},
        )
        answer.raise_for_status()
        return [note["text"] for note in answer.json()["notes"]]


def test_counter_journey(qtbot: QtBot, terminal: Terminal, hub_url: str) -> None:
    # Sign in through the dialog; the token lands in the keyring, not in a file.
    dialog = SignInDialog(terminal)
    qtbot.addWidget(dialog)
    dialog.user_edit.setText("demo-associate")
    dialog.password_edit.setText("demo")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=TIMEOUT_MS)
    assert terminal.session is not None and terminal.session.username == "demo-associate"

    first_sync = FirstSyncDialog(terminal)
    qtbot.addWidget(first_sync)
    with qtbot.waitSignal(first_sync.sync_did_finish, timeout=TIMEOUT_MS) as finished:
        first_sync.start()
    assert finished.args == [True]

    window = MainWindow(terminal)
    qtbot.addWidget(window)
    window.show()
    window.start(interval_s=3600)  # only "sync now" syncs during the test

    # Without diacritics and with them, the same customers.
    plain = search_by_typing(qtbot, window, "nguyen")
    assert plain and any("Nguyễn" in name for name in plain)
    assert all("nguyen" in fold(name) for name in plain)
    accented = search_by_typing(qtbot, window, "Nguyễn")
    assert sorted(accented) == sorted(plain)

    # Down into the results, Enter opens the profile.
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS) as loaded:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    customer_id = loaded.args[0]
    profile = window.profile_view.profile
    assert profile is not None and profile.id == customer_id
    assert "nguyen" in fold(profile.display_name)

    # Ctrl+N to the note box, write, Ctrl+Enter saves it locally at once (a local write
    # also wakes the background sync, so it may already be on its way).
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.profile_view.note_edit.hasFocus()
    type_text(window.profile_view.note_edit, NOTE)
    with qtbot.waitSignal(window.note_did_save, timeout=TIMEOUT_MS):
        qtbot.keyClick(
            window.profile_view.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )

    def note_shown(*, acknowledged: bool) -> bool:
        shown = window.profile_view.profile
        return shown is not None and any(
            n.text == NOTE and (not n.pending or not acknowledged) for n in shown.notes
        )

    qtbot.waitUntil(lambda: note_shown(acknowledged=False), timeout=TIMEOUT_MS)

    # F5: sync now. The note reaches the hub and stops being pending here.
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: terminal.status().pending == 0, timeout=TIMEOUT_MS)
    assert NOTE in notes_on_hub(hub_url, customer_id)
    qtbot.waitUntil(lambda: note_shown(acknowledged=True), timeout=TIMEOUT_MS)
    terminal.stop_auto_sync()
