"""Issue 8: a revoked terminal in the window: the banner while changes wait, and back to
enrollment (no customer on screen, nothing written back) once it wiped."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from clienteling.domain.errors import TerminalWipedError
from clienteling.terminal.facade import SyncStatus, Terminal
from clienteling.ui import revoked
from clienteling.ui.first_run import CODE_PAGE, SIGN_IN_PAGE, STORE_PAGE, FirstRunWizard
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from tests.ui.conftest import type_text


def _revoke(url: str, device_id: str) -> None:
    with httpx.Client(base_url=url, timeout=30) as admin:
        answer = admin.post(
            "/api/v1/auth/sign-in",
            json={"username": "demo-admin", "password": "demo", "device_id": "admin-console"},
        )
        admin.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        assert admin.post(f"/api/v1/devices/{device_id}/revoke").status_code == 200


def _new_code(url: str, store_id: str | None) -> str:
    with httpx.Client(base_url=url, timeout=30) as admin:
        answer = admin.post(
            "/api/v1/auth/sign-in",
            json={"username": "demo-admin", "password": "demo", "device_id": "admin-console"},
        )
        admin.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        made = admin.post("/api/v1/enrollment-codes", json={"store_id": store_id})
        assert made.status_code == 201, made.text
        return str(made.json()["code"])


def _enter(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def test_banner_says_the_data_stays_until_the_changes_are_sent(window: MainWindow) -> None:
    status = SyncStatus(
        online=True,
        last_sync_at=datetime.now(UTC),
        pending=3,
        rejected=0,
        ready=True,
        error_code="device_revoked",
    )
    window.show_status(status)
    assert window.revoked_banner.isVisible()
    assert "3" in window.revoked_banner.text()
    assert window.isVisible()
    window.show_status(
        SyncStatus(online=True, last_sync_at=None, pending=0, rejected=0, ready=True)
    )
    assert not window.revoked_banner.isVisible()


def test_wiped_terminal_goes_back_to_enrollment(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, hub_url: str
) -> None:
    hit = terminal.search("a", limit=1)[0]
    window.open_customer(hit.id)
    qtbot.waitUntil(lambda: window.profile_view.profile is not None)
    window.profile_view.set_note_text("typed about them")
    store_id = terminal.session.store_id if terminal.session else None
    _revoke(hub_url, terminal.device_id)
    with pytest.raises(TerminalWipedError):
        terminal.sync_once()

    window.show_status(terminal.status())
    assert not window.isVisible()
    assert window.profile_view.profile is None
    wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard)]
    assert len(wizards) == 1 and wizards[0].isVisible()
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert any("revoked" in b.text() for b in boxes)
    for box in boxes:
        box.close()
    wait_for_all()
    assert terminal.note_draft(hit.id) == ""
    assert terminal.customer(hit.id) is None

    # Back to enrollment: the same hub, a new code from an administrator, then sign-in.
    wizard = wizards[0]
    assert wizard.hub_page.url_edit.text().rstrip("/") == hub_url.rstrip("/")
    _enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == CODE_PAGE, timeout=20_000)
    type_text(wizard.code_page.code_edit, _new_code(hub_url, store_id))
    _enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == STORE_PAGE, timeout=20_000)
    _enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == SIGN_IN_PAGE, timeout=20_000)
    form = wizard.sign_in_page.form
    assert form is not None
    type_text(form.user_edit, "demo-associate")
    type_text(form.password_edit, "demo")
    _enter(qtbot, wizard)
    qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in revoked._kept))
    assert terminal.is_enrolled()
    fresh = next(w for w in revoked._kept if isinstance(w, MainWindow))
    assert terminal.session is not None and terminal.session.username == "demo-associate"
    terminal.stop_auto_sync()
    fresh.close()
