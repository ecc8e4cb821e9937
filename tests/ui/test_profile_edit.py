"""The edit-profile dialog on a real terminal synced with a real hub: Ctrl+E opens it,
fields validate in place, Save sends only the changes (pending until the hub has them),
consent opt-outs apply at once and opt-ins after the associate confirms."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow
from clienteling.ui.profile_edit import ProfileEditDialog, preferences_summary
from clienteling.ui.profile_view import ProfileView
from tests.ui.conftest import make_profile
from tests.ui.conftest import type_text as _type

TIMEOUT_MS = 20_000


def _ctrl_e(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+E where the keyboard focus is (the search box, mostly)."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def _open(qtbot: QtBot, window: MainWindow, terminal: Terminal) -> tuple[str, ProfileEditDialog]:
    customer_id = terminal.search("a", limit=1)[0].id
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(customer_id)
    _ctrl_e(qtbot, window)
    dialog = window.profile_edit_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.isEnabled() and dialog.profile is not None, timeout=TIMEOUT_MS)
    return customer_id, dialog


def test_ctrl_e_edits_names_and_preferences_offline_first(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer_id, dialog = _open(qtbot, window, terminal)
    assert dialog.given_edit.hasFocus()
    dialog.given_edit.selectAll()
    _type(dialog.given_edit, "Thảo")
    for edit in (dialog.size_edits["shoes"], dialog.brands_edit, dialog.birthday_edit):
        edit.clear()
    _type(dialog.size_edits["shoes"], "45")
    _type(dialog.brands_edit, "Atelier Nord, Maison Lumière")
    _type(dialog.birthday_edit, "31/02")
    assert dialog.birthday_error.isVisible() and not dialog.save_button.isEnabled()
    dialog.birthday_edit.clear()
    _type(dialog.birthday_edit, "14.05")
    assert not dialog.birthday_error.isVisible() and dialog.save_button.isEnabled()
    dialog.dates_edit.clear()
    _type(dialog.dates_edit, "mariage")  # a name without its date
    assert dialog.dates_error.isVisible() and not dialog.save_button.isEnabled()
    dialog.dates_edit.clear()
    _type(dialog.dates_edit, "mariage 12/06; fête des pères 21.06.2026")
    assert not dialog.dates_error.isVisible() and dialog.save_button.isEnabled()
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    profile = terminal.customer(customer_id)
    assert profile is not None and profile.given_name == "Thảo"
    assert profile.preferences["sizes"]["shoes"] == "45"
    assert profile.preferences["dates"] == {
        "birthday": "--05-14",
        "mariage": "--06-12",
        "fête des pères": "2026-06-21",
    }
    assert "mariage 12/06; fête des pères 21/06/2026" in window.profile_view.contact_label.text()
    assert window.profile_view.name_label.text() == profile.display_name + "  …"  # pending
    assert "Atelier Nord, Maison Lumière" in window.profile_view.contact_label.text()
    state = terminal.profile_sync_state(customer_id)
    assert state.pending_fields == {
        "given_name",
        "preferences.sizes",
        "preferences.brands",
        "preferences.dates",
    }

    # Reopened before the sync: the changed fields carry their pending mark.
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=TIMEOUT_MS)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT_MS)
    _ctrl_e(qtbot, window)
    again = window.profile_edit_dialog
    qtbot.waitUntil(lambda: again.isEnabled() and again.profile is not None, timeout=TIMEOUT_MS)
    assert again.pending_mark("given_name").isVisibleTo(again)
    assert not again.pending_mark("family_name").isVisibleTo(again)
    again.reject()
    terminal.sync_once()
    assert terminal.profile_sync_state(customer_id).pending_fields == frozenset()


def test_required_names_and_bad_contacts_are_said_next_to_the_field(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    _customer_id, dialog = _open(qtbot, window, terminal)
    dialog.family_edit.clear()
    assert dialog.family_error.text() == "The family name is required."
    dialog.phones_edit.setText("06 12")
    assert "06 12" in dialog.phones_error.text()
    dialog.emails_edit.setText("someone@")
    assert dialog.emails_error.isVisible()
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def _answer_next_question(button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)


def test_opt_out_at_once_opt_in_after_confirming(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer_id, dialog = _open(qtbot, window, terminal)
    box = dialog.consent_boxes["whatsapp"]
    if box.isChecked():  # start from an opt-out
        with qtbot.waitSignal(dialog.consent_did_change, timeout=TIMEOUT_MS):
            box.click()
    # The associate says the customer did not agree: nothing recorded.
    _answer_next_question(QMessageBox.StandardButton.No)
    box.click()
    assert not box.isChecked()
    # Agreed: recorded at once, pending until the hub has it.
    _answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.consent_did_change, timeout=TIMEOUT_MS):
        box.click()
    qtbot.waitUntil(lambda: "[pending sync]" in box.text(), timeout=TIMEOUT_MS)
    profile = terminal.customer(customer_id)
    assert profile is not None
    whatsapp = {c.channel: c for c in profile.consents}["whatsapp"]
    assert whatsapp.granted and whatsapp.pending
    qtbot.waitUntil(
        lambda: window.profile_view.consent_badges["whatsapp"].text().endswith("…"),
        timeout=TIMEOUT_MS,
    )
    dialog.reject()
    terminal.sync_once()
    profile = terminal.customer(customer_id)
    assert profile is not None
    assert not {c.channel: c for c in profile.consents}["whatsapp"].pending


def test_preferences_summary_reads_like_a_sentence() -> None:
    text = preferences_summary(
        {"sizes": {"top": "M"}, "brands": ["Nord"], "dates": {"birthday": "1990-05-14"}}
    )
    assert text == "Sizes: Top M   ·   Brands: Nord   ·   Birthday 14/05/1990"


def test_the_profile_marks_pending_changes_and_shows_a_refusal(qtbot: QtBot) -> None:
    view = ProfileView()
    qtbot.addWidget(view)
    profile = dataclasses.replace(
        make_profile(),
        pending_fields=frozenset({"given_name"}),
        refused=("the customer withdrew consent for sms elsewhere",),
        preferences={"sizes": {"shoes": "39"}},
    )
    view.show_profile(profile)
    assert view.name_label.text().endswith("…")
    assert "Sizes: Shoes 39" in view.contact_label.text()
    assert "withdrew consent for sms" in view.contact_label.text()
    view.show_profile(dataclasses.replace(profile, pending_fields=frozenset(), refused=()))
    assert view.name_label.text() == profile.display_name
    assert "withdrew" not in view.contact_label.text()


def test_what_was_typed_survives_a_crash_until_saved_or_cancelled(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer_id, dialog = _open(qtbot, window, terminal)
    original = dialog.form_texts()
    dialog.given_edit.selectAll()
    _type(dialog.given_edit, "Жанна")
    dialog.style_edit.clear()
    _type(dialog.style_edit, "rétro, couleurs vives")
    qtbot.waitUntil(
        lambda: (
            (terminal.profile_edit_draft(customer_id) or {}).get("style") == "rétro, couleurs vives"
        ),
        timeout=TIMEOUT_MS,
    )
    dialog.hide()  # the app dies: no Save, no Cancel
    dialog.deleteLater()

    again = ProfileEditDialog(terminal, customer_id, window)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.profile_did_load, timeout=TIMEOUT_MS):
        again.show()
    assert again.given_edit.text() == "Жанна"
    assert again.style_edit.text() == "rétro, couleurs vives"
    assert again.family_edit.text() == original["family_name"]
    assert again.restored_label.isVisibleTo(again)
    assert terminal.customer(customer_id).given_name == original["given_name"]  # not saved

    again.reject()  # Cancel: the draft goes
    qtbot.waitUntil(lambda: terminal.profile_edit_draft(customer_id) is None, timeout=TIMEOUT_MS)
    third = ProfileEditDialog(terminal, customer_id, window)
    qtbot.addWidget(third)
    with qtbot.waitSignal(third.profile_did_load, timeout=TIMEOUT_MS):
        third.show()
    assert third.given_edit.text() == original["given_name"]
    assert not third.restored_label.isVisibleTo(third)
    third.reject()


def test_every_field_has_a_name_and_tab_follows_the_form(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    from PySide6.QtWidgets import QApplication

    _customer_id, dialog = _open(qtbot, window, terminal)
    fields = [
        dialog.given_edit,
        dialog.family_edit,
        dialog.phones_edit,
        dialog.emails_edit,
        dialog.language_combo,
        dialog.channel_combo,
        *dialog.size_edits.values(),
        dialog.style_edit,
        dialog.brands_edit,
        dialog.birthday_edit,
        dialog.dates_edit,
    ]
    assert all(field.accessibleName() for field in fields)
    assert dialog.birthday_edit.accessibleName() == "Birthday"
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=20_000)
    dialog.given_edit.setFocus()
    qtbot.waitUntil(dialog.given_edit.hasFocus, timeout=20_000)
    visited = [dialog.given_edit]
    for _ in fields[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == fields
