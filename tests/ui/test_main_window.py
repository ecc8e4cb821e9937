"""The real window on a real terminal synced with a real hub on loopback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.domain.text import fold
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.first_sync import FirstSyncDialog
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.screenshots import render_screenshots
from clienteling.ui.sign_in import SignInDialog

TIMEOUT_MS = 20_000


def _new_terminal(hub_url: str, data_dir: Path) -> Terminal:
    return Terminal(data_dir=data_dir, hub_url=hub_url, secrets=MemorySecretStore())


@pytest.fixture
def fresh_terminal(hub_url: str, tmp_path: Path) -> Iterator[Terminal]:
    terminal = _new_terminal(hub_url, tmp_path / "terminal")
    try:
        yield terminal
    finally:
        wait_for_all()
        terminal.close()


@pytest.fixture
def terminal(fresh_terminal: Terminal) -> Terminal:
    fresh_terminal.sign_in("demo-associate", "demo")
    fresh_terminal.sync_once()
    return fresh_terminal


@pytest.fixture
def window(qtbot: QtBot, terminal: Terminal) -> MainWindow:
    win = MainWindow(terminal)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _type(widget: object, text: str) -> None:
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def test_ctrl_k_and_f2_bring_focus_back_to_search(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.search_box.hasFocus)
    window.results.setFocus()
    qtbot.waitUntil(lambda: not window.search_box.hasFocus())
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_box.hasFocus)
    window.results.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.waitUntil(window.search_box.hasFocus)


def test_typing_shows_live_results(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.hits_did_show, timeout=TIMEOUT_MS) as shown:
        qtbot.keyClicks(window.search_box, "a")
    assert shown.args == ["a"]
    assert window.hits_model.rowCount() > 0


def test_search_with_diacritics_typed(qtbot: QtBot, window: MainWindow) -> None:
    first = window.terminal.search("a", limit=1)[0]
    name = first.display_name.split()[-1]
    window.search_box.setFocus()
    with qtbot.waitSignal(
        window.hits_did_show, timeout=TIMEOUT_MS, check_params_cb=lambda q: q == name
    ):
        _type(window.search_box, name)  # non-ASCII letters as key events
    assert first.id in [h.id for h in window.hits_model.hits()]


def test_scanned_card_opens_the_customer(qtbot: QtBot, window: MainWindow) -> None:
    hit = next(h for h in window.terminal.search("a", limit=50) if h.loyalty_card)
    card = hit.loyalty_card or ""
    window.search_box.setFocus()
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS) as loaded:
        qtbot.keyClicks(window.search_box, card)  # digits, fast ...
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)  # ... then Enter
    assert loaded.args == [hit.id]
    assert window.profile_view.profile is not None
    assert window.profile_view.name_label.text() == hit.display_name
    assert window.search_box.hasFocus()  # ready for the next scan


def test_adding_a_note_shows_it_pending(qtbot: QtBot, window: MainWindow) -> None:
    hit = window.terminal.search("a", limit=1)[0]
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(hit.id)
    view = window.profile_view
    view.focus_note()
    _type(view.note_edit, "Thử áo khoác, quay lại thứ Bảy")
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        qtbot.keyClick(view.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first = view.notes_list.item(0)
    assert first is not None
    assert first.text().startswith("Thử áo khoác, quay lại thứ Bảy")
    assert view.note_edit.toPlainText() == ""


def test_first_sync_dialog_fills_the_cache(qtbot: QtBot, fresh_terminal: Terminal) -> None:
    fresh_terminal.sign_in("demo-associate", "demo")
    dialog = FirstSyncDialog(fresh_terminal)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sync_did_finish, timeout=TIMEOUT_MS * 3) as finished:
        dialog.start()
    assert finished.args == [True]
    assert fresh_terminal.status().ready
    assert fresh_terminal.search("a")


def test_wrong_password_says_so(qtbot: QtBot, fresh_terminal: Terminal) -> None:
    dialog = SignInDialog(fresh_terminal)
    qtbot.addWidget(dialog)
    dialog.user_edit.setText("demo-associate")
    dialog.password_edit.setText("wrong")
    with qtbot.waitSignal(dialog.sign_in_did_fail, timeout=TIMEOUT_MS) as failed:
        dialog.accept()
    assert "password is wrong" in failed.args[0]
    assert dialog.password_edit.text() == ""
    assert dialog.session is None


def test_screenshots_render(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    paths = render_screenshots(window, tmp_path / "shots")
    assert sorted(p.name for p in paths) == [
        "appointment.png",
        "appointment_booked.png",
        "crash_dialog.png",
        "crash_dialog_details.png",
        "dashboard.pdf",
        "dashboard.png",
        "dashboard_drilldown.png",
        "dashboard_page.png",
        "diagnostics.png",
        "dismiss_task.png",
        "first_run_code.png",
        "first_run_hub.png",
        "first_run_sign_in.png",
        "first_run_store.png",
        "followup_checks.png",
        "followup_checks_confirm.png",
        "followup_composer.png",
        "followup_sms.png",
        "holds.png",
        "inventory.png",
        "lock_screen.png",
        "main.png",
        "main_manager.png",
        "new_customer.png",
        "profile.png",
        "profile_edit.png",
        "redeem_offer.png",
        "search.png",
        "search_hub.png",
        "shortcuts.png",
        "status_bar.png",
        "tasks.png",
        "timeline.png",
        "update_banner.png",
        "visit_form.png",
        "visit_survey.png",
    ]
    assert all(p.stat().st_size > 2000 for p in paths)
    assert window.profile_view.tabs.currentIndex() == ProfileView.CART_TAB


_SCRIPTS = {
    "vi": re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I),
    "fr": re.compile(r"[éèêëàâîïôûùüç]", re.I),
    "ru": re.compile(r"[а-яё]", re.I),
}
_PROBES = {"vi": ("nguyen", "tran", "le", "pham"), "fr": ("e", "a"), "ru": ("а", "о", "е")}


@pytest.mark.parametrize("language", ["vi", "fr", "ru"])
def test_names_typed_as_key_events_in_each_script(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """A name as the associate types it, letter by letter with its diacritics or in
    Cyrillic; Vietnamese also without diacritics and in another word order."""
    hits = [h for probe in _PROBES[language] for h in window.terminal.search(probe, limit=200)]
    found = next(h for h in hits if _SCRIPTS[language].search(h.display_name))
    typed = [found.display_name]
    if language == "vi":
        words = fold(found.display_name).split()
        typed += [" ".join(words), " ".join(words[1:] + words[:1])]  # "van anh nguyen"
    for text in typed:
        window.search_box.clear()
        window.search_box.setFocus()
        with qtbot.waitSignal(
            window.hits_did_show, timeout=TIMEOUT_MS, check_params_cb=lambda q, t=text: q == t
        ):
            _type(window.search_box, text)
        assert window.search_box.text() == text
        assert found.id in [h.id for h in window.hits_model.hits()], text
