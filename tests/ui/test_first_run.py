"""The first-run wizard against a real hub, driven by the keyboard: address -> code ->
store -> sign in; wrong codes and a missing keyring are said in words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from clienteling.cli import main
from clienteling.domain.errors import EnrollmentRefusedError, HubTlsError
from clienteling.hub import enrollment
from clienteling.hub.clock import utc_now
from clienteling.hub.db import make_engine, write_tx
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import KeyringSecretStore
from clienteling.ui.first_run import (
    CODE_PAGE,
    SIGN_IN_PAGE,
    STORE_PAGE,
    FirstRunWizard,
    first_run_error_text,
)
from clienteling.ui.operations import wait_for_all

from .conftest import type_text


@pytest.fixture
def opened(tmp_path: Path) -> Iterator[list[Terminal]]:
    terminals: list[Terminal] = []
    yield terminals
    wait_for_all()
    for terminal in terminals:
        terminal.close()


@pytest.fixture
def wizard(qtbot: QtBot, tmp_path: Path, opened: list[Terminal]) -> FirstRunWizard:
    def open_terminal(url: str) -> Terminal:
        terminal = Terminal(data_dir=tmp_path / "t", hub_url=url, secrets=KeyringSecretStore())
        opened.append(terminal)
        return terminal

    wiz = FirstRunWizard(open_terminal=open_terminal)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    return wiz


def _code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["hub", "enroll-code", "--store", "1", "--db", str(tmp_path / "hub.sqlite3")]) == 0
    return capsys.readouterr().out.strip()


def _enter(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_Return)


def _wait(qtbot: QtBot, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=20_000)


def test_the_wizard_enrolls_and_signs_in_with_the_keyboard(
    qtbot: QtBot,
    wizard: FirstRunWizard,
    hub_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = wizard.hub_page
    assert page.url_edit.accessibleName() == "Hub address"
    type_text(page.url_edit, hub_url)
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.currentId() == CODE_PAGE)
    assert wizard.terminal is not None and wizard.terminal.hub_url == hub_url

    code_page = wizard.code_page
    type_text(code_page.code_edit, "AAAA-BBBB-CCCC")
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: "not valid" in code_page.status_label.text())
    assert wizard.currentId() == CODE_PAGE
    code = _code(tmp_path, capsys)
    code_page.code_edit.clear()
    type_text(code_page.code_edit, code.lower())
    assert code_page.code_edit.text() == code  # shown in capitals as typed
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.currentId() == STORE_PAGE)
    assert wizard.enrollment is not None
    assert wizard.store_page.store_name.text() == wizard.enrollment.store_name
    assert not wizard.store_page.store_combo.isVisible()

    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.currentId() == SIGN_IN_PAGE)
    form = wizard.sign_in_page.form
    assert form is not None
    type_text(form.user_edit, "demo-associate")
    type_text(form.password_edit, "demo")
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.result() == QWizard.DialogCode.Accepted)
    assert wizard.session is not None and wizard.session.username == "demo-associate"
    assert wizard.terminal.is_enrolled()
    assert wizard.terminal.session is not None
    assert wizard.terminal.session.store_id == wizard.enrollment.store_id


def test_a_code_without_a_store_offers_the_stores(
    qtbot: QtBot, wizard: FirstRunWizard, hub_url: str, tmp_path: Path
) -> None:
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    with write_tx(engine) as conn:
        made = enrollment.create_code(
            conn, store_id=None, ttl=timedelta(hours=1), now=utc_now(), created_by=None
        )
        stores = enrollment.list_stores(conn)
    engine.dispose()
    type_text(wizard.hub_page.url_edit, hub_url)
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.currentId() == CODE_PAGE)
    type_text(wizard.code_page.code_edit, made.code)
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.currentId() == STORE_PAGE)
    combo = wizard.store_page.store_combo
    assert combo.isVisible() and combo.count() == len(stores)
    combo.setFocus()
    combo.setCurrentIndex(1)
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: wizard.currentId() == SIGN_IN_PAGE)
    assert wizard.enrollment is not None
    assert wizard.enrollment.store_id == combo.itemData(1)


def test_unreachable_addresses_and_a_missing_keyring_are_sentences(
    qtbot: QtBot, wizard: FirstRunWizard, hub_url: str
) -> None:
    page = wizard.hub_page
    type_text(page.url_edit, "hub.example.com")
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: "not a hub address" in page.status_label.text())
    page.url_edit.clear()
    type_text(page.url_edit, hub_url.replace("http://", "https://"))
    _enter(qtbot, wizard)
    _wait(qtbot, lambda: "secure (https) connection" in page.status_label.text())
    page.url_edit.clear()
    type_text(page.url_edit, hub_url)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        _enter(qtbot, wizard)
        _wait(qtbot, lambda: "keyring" in page.status_label.text())
    finally:
        keyring.set_keyring(previous)
    assert "plain file" in page.status_label.text()
    assert wizard.currentId() != CODE_PAGE  # no way on without a keyring


def test_tls_and_refusal_reasons_are_sentences_that_say_what_to_do() -> None:
    self_signed = first_run_error_text(HubTlsError("x", reason="self_signed"))
    assert "self-signed" in self_signed and "IT support" in self_signed
    assert "expired" in first_run_error_text(HubTlsError("x", reason="expired"))
    used = first_run_error_text(EnrollmentRefusedError("x", hub_code="enrollment_code_used"))
    assert "already used" in used and "new one" in used
    wait = first_run_error_text(EnrollmentRefusedError("x", hub_code="too_many_attempts"))
    assert "Wait a few minutes" in wait


def test_an_enrolled_terminal_starts_without_the_wizard(
    hub_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], opened: list[Terminal]
) -> None:
    from clienteling.ui.first_run import first_run_terminal

    def open_terminal(url: str) -> Terminal:
        terminal = Terminal(data_dir=tmp_path / "t", hub_url=url, secrets=KeyringSecretStore())
        opened.append(terminal)
        return terminal

    first = open_terminal(hub_url)
    first.enroll(_code(tmp_path, capsys))
    remembered: list[str] = []
    started = first_run_terminal(
        hub_url=hub_url, open_terminal=open_terminal, remember=remembered.append
    )
    assert started is not None and started is not first  # opened again, no wizard shown
    assert started.is_enrolled() and started.enrollment() == first.enrollment()
    assert remembered == []
