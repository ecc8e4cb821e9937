"""The new-customer form on a real terminal synced with a real hub: inline validation,
the live duplicate warning, and Create opening the new profile."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.hub.db import make_engine
from clienteling.hub.tables import customers, locations
from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow
from clienteling.ui.new_customer import NewCustomerDialog
from tests.ui.conftest import type_text as _type

TIMEOUT_MS = 20_000


def _open_dialog(qtbot: QtBot, window: MainWindow) -> NewCustomerDialog:
    window.new_customer_button.click()
    dialog = window.new_customer_dialog
    qtbot.waitUntil(lambda: dialog.region() == "FR", timeout=TIMEOUT_MS)
    return dialog


def _known_phone(terminal: Terminal) -> tuple[str, str]:
    """(E.164 phone, name) of a cached customer with a French number."""
    for hit in terminal.search("a", limit=500):
        if hit.phone and hit.phone.startswith("+33"):
            return hit.phone, hit.display_name
    raise AssertionError("no cached customer with a French phone")


def test_shortcut_opens_the_form(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: getattr(window, "new_customer_dialog", None) is not None)
    assert window.new_customer_dialog.isVisible()


def test_invalid_phone_shows_the_message_and_create_stays_disabled(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = _open_dialog(qtbot, window)
    assert not dialog.create_button.isEnabled()
    _type(dialog.given_edit, "Zoé")
    _type(dialog.family_edit, "Lefèvre")
    assert dialog.create_button.isEnabled()
    _type(dialog.phone_edit, "06 12")
    assert dialog.phone_error.isVisible()
    assert "FR" in dialog.phone_error.text()
    assert not dialog.create_button.isEnabled()
    _type(dialog.phone_edit, " 34 56 78")
    assert not dialog.phone_error.isVisible()
    assert dialog.create_button.isEnabled()
    _type(dialog.email_edit, "zoe@")
    assert dialog.email_error.isVisible() and not dialog.create_button.isEnabled()
    dialog.given_edit.clear()
    assert dialog.given_error.isVisible() and dialog.given_error.text()
    assert not dialog.create_button.isEnabled()


def test_known_phone_shows_the_duplicate_warning(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    phone, name = _known_phone(terminal)
    national = "0" + phone[3:]  # "+33612345678" -> "0612345678", as typed at the counter
    dialog = _open_dialog(qtbot, window)
    _type(dialog.given_edit, "Ана")
    _type(dialog.phone_edit, national)
    qtbot.waitUntil(dialog.duplicate_box.isVisible, timeout=TIMEOUT_MS)
    assert name in dialog.duplicate_label.text()
    known_id = dialog.duplicates()[0].id
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS) as loaded:
        dialog.open_existing_button.click()
    assert loaded.args == [known_id]
    # A phone nobody has: the warning goes away.
    dialog2 = _open_dialog(qtbot, window)
    _type(dialog2.phone_edit, national)
    qtbot.waitUntil(dialog2.duplicate_box.isVisible, timeout=TIMEOUT_MS)
    dialog2.phone_edit.clear()
    _type(dialog2.phone_edit, "06 99 88 77 66")
    qtbot.waitUntil(lambda: not dialog2.duplicate_box.isVisible(), timeout=TIMEOUT_MS)


def test_valid_form_creates_and_opens_the_profile(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _open_dialog(qtbot, window)
    _type(dialog.given_edit, "Hélène")
    _type(dialog.family_edit, "Nguyễn")
    _type(dialog.phone_edit, "06 98 76 54 32")
    _type(dialog.email_edit, "helene@example.fr")
    dialog.consent_boxes["sms"].setChecked(True)
    assert dialog.create_button.isEnabled(), dialog.phone_error.text()
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS) as loaded:
        dialog.create_button.click()
    customer_id = loaded.args[0]
    profile = window.profile_view.profile
    assert profile is not None and profile.id == customer_id
    assert profile.display_name == "Hélène Nguyễn"
    assert profile.phones == ["+33698765432"]
    assert [c.channel for c in profile.consents if c.granted] == ["sms"]
    assert customer_id in [h.id for h in terminal.search("helene nguyen")]


def test_email_of_another_stores_customer_offers_the_existing_profile(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    """The hub merges twins only within one store: the form says the customer is known
    at another store and pulls that profile in instead of making a duplicate."""
    session = terminal.session
    assert session is not None and session.store_id is not None
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's copy
    with engine.connect() as conn:
        other = conn.execute(
            sa.select(customers.c.id, customers.c.emails, customers.c.display_name)
            .join(locations, locations.c.id == customers.c.home_store_id)
            .where(customers.c.home_store_id != session.store_id, locations.c.kind == "store")
            .order_by(customers.c.id.desc())
            .limit(1)
        ).one()
    engine.dispose()
    dialog = _open_dialog(qtbot, window)
    _type(dialog.email_edit, other.emails[0])
    qtbot.waitUntil(lambda: dialog.hub_duplicate() is not None, timeout=TIMEOUT_MS)
    assert dialog.duplicate_box.isVisible()
    assert other.display_name in dialog.duplicate_label.text()
    assert dialog.open_existing_button.text() == "Use the existing profile"
    with qtbot.waitSignal(
        window.profile_did_load, timeout=TIMEOUT_MS, check_params_cb=lambda cid: cid == other.id
    ):
        dialog.open_existing_button.click()
    profile = window.profile_view.profile
    assert profile is not None and profile.looked_up


def test_the_form_as_typed_survives_a_restart_until_created_or_cancelled(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    """Nothing typed is lost (issue 6): the app stops with the form half filled; opened
    again it comes back as it was, and Create (or Cancel) ends the draft."""
    dialog = _open_dialog(qtbot, window)
    _type(dialog.given_edit, "Фёдор")
    _type(dialog.family_edit, "Lê Đặng")
    _type(dialog.phone_edit, "06 11 22 33 44")
    dialog.consent_boxes["email"].setChecked(True)
    qtbot.waitUntil(
        lambda: (d := terminal.new_customer_draft()) is not None and d.phone == "06 11 22 33 44",
        timeout=TIMEOUT_MS,
    )
    window.close()  # the app stops (or crashes) with the form open: no Cancel
    dialog.deleteLater()

    again = MainWindow(terminal)
    qtbot.addWidget(again)
    again.show()
    reopened = again.new_customer()
    qtbot.waitUntil(reopened.restored_label.isVisible, timeout=TIMEOUT_MS)
    assert reopened.given_edit.text() == "Фёдор"
    assert reopened.family_edit.text() == "Lê Đặng"
    assert reopened.phone_edit.text() == "06 11 22 33 44"
    assert reopened.region() == "FR"
    assert [c for c, box in reopened.consent_boxes.items() if box.isChecked()] == ["email"]
    assert reopened.create_button.isEnabled()
    with qtbot.waitSignal(again.profile_did_load, timeout=TIMEOUT_MS):
        reopened.create_button.click()
    qtbot.waitUntil(lambda: terminal.new_customer_draft() is None, timeout=TIMEOUT_MS)

    # Cancel throws the form away, its draft too.
    third = again.new_customer()
    _type(third.given_edit, "Zoé")
    qtbot.waitUntil(lambda: terminal.new_customer_draft() is not None, timeout=TIMEOUT_MS)
    qtbot.keyClick(third, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: terminal.new_customer_draft() is None, timeout=TIMEOUT_MS)


def test_tab_goes_through_the_form_top_to_bottom_and_every_field_is_named(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Real Tab keys from the first field: each field in the order it is drawn, each
    with a name a screen reader can say, ending on Create (the Cancel button is last)."""
    from PySide6.QtWidgets import QApplication, QWidget

    dialog = _open_dialog(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT_MS)
    _type(dialog.given_edit, "Élodie")
    _type(dialog.family_edit, "Ngô")  # a name: Create opens
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=TIMEOUT_MS)
    dialog.given_edit.setFocus()
    qtbot.waitUntil(dialog.given_edit.hasFocus, timeout=TIMEOUT_MS)
    visited: list[QWidget] = [dialog.given_edit]
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is visited[0]:
            break
        visited.append(widget)
    fields = [
        dialog.given_edit,
        dialog.family_edit,
        dialog.country_combo,
        dialog.phone_edit,
        dialog.email_edit,
        dialog.card_edit,
        dialog.language_combo,
        dialog.channel_combo,
        *dialog.consent_boxes.values(),
    ]
    assert visited[: len(fields)] == fields
    assert dialog.create_button in visited[len(fields) :]
    tops = [w.mapTo(dialog, w.rect().topLeft()).y() for w in fields]
    assert tops == sorted(tops)  # drawn top to bottom, as the keys go
    for widget in fields[:8]:  # the check boxes say their own text
        assert widget.accessibleName(), widget.objectName()
    assert all(box.text() for box in dialog.consent_boxes.values())


def test_a_scanned_card_moves_on_warns_of_its_holder_and_reaches_the_hub(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    """The scanner types the card and Enter: the form goes on to the next field (no
    customer created yet). A card a cached customer holds is warned about; a new one is
    stored in one form, found by search at once, and sent to the hub."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    held = next(h for h in terminal.search("a", limit=200) if h.loyalty_card)
    dialog = _open_dialog(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT_MS)
    _type(dialog.given_edit, "Ludmila")
    _type(dialog.family_edit, "Ковалёва")
    _type(dialog.card_edit, held.loyalty_card or "")
    QApplication.sendEvent(
        dialog.card_edit,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    )
    assert dialog.isVisible() and not dialog.card_edit.hasFocus()
    qtbot.waitUntil(lambda: held.id in [h.id for h in dialog.duplicates()], timeout=TIMEOUT_MS)

    dialog.card_edit.clear()
    _type(dialog.card_edit, "12#4")
    qtbot.waitUntil(dialog.card_error.isVisible, timeout=TIMEOUT_MS)
    assert not dialog.create_button.isEnabled()
    dialog.card_edit.clear()
    _type(dialog.card_edit, "lm 7734-0091")
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(dialog.customer_did_create, timeout=TIMEOUT_MS) as created:
        dialog.create_button.click()
    customer_id = created.args[0]
    assert [h.id for h in terminal.search("LM77340091")] == [customer_id]

    assert not terminal.sync_once().rejected
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    try:
        with engine.connect() as conn:
            card = conn.execute(
                sa.select(customers.c.loyalty_card).where(customers.c.id == customer_id)
            ).scalar_one()
    finally:
        engine.dispose()
    assert card == "LM77340091"
