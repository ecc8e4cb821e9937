"""The visit form on a real terminal synced with a real hub, driven by the keyboard:
products by name and by a scanned barcode, outcome and reason by Alt+letter, messages
beside the fields, the survey QR after saving, and nothing typed lost when a save fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.hub.db import make_engine
from clienteling.hub.tables import followups, survey_links, visits
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from clienteling.ui.visit_form import VisitFormDialog
from tests.ui.conftest import type_text as _type

TIMEOUT_MS = 20_000
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _enter(widget: QWidget) -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    )


def _alt(qtbot: QtBot, dialog: VisitFormDialog, key: Qt.Key, check: Callable[[], bool]) -> None:
    """Alt+letter on a radio button: Qt clicks it after a short animation."""
    qtbot.keyClick(dialog, key, ALT)
    qtbot.waitUntil(check, timeout=TIMEOUT_MS)


def _anonymous_form(qtbot: QtBot, window: MainWindow) -> VisitFormDialog:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    qtbot.waitUntil(lambda: getattr(window, "visit_dialog", None) is not None)
    dialog = window.visit_dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT_MS)
    return dialog


def test_an_anonymous_non_buyer_logged_by_keyboard_reaches_the_hub(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    dialog = _anonymous_form(qtbot, window)
    assert dialog.customer_id is None
    assert dialog.product_search.hasFocus()

    with qtbot.waitSignal(dialog.product_did_add, timeout=TIMEOUT_MS) as added:
        _type(dialog.product_search, "macbook air")
        _enter(dialog.product_search)  # before the debounced search ran: waits for it
    product = terminal.products_by_id([added.args[0]])[0]
    assert "MacBook Air" in product.name
    assert dialog.product_search.text() == ""

    # &Left without buying
    _alt(qtbot, dialog, Qt.Key.Key_L, lambda: dialog.outcome() == "left_without_buying")
    assert dialog.reason_box.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)  # save: the reason is missing
    assert dialog.reason_error.isVisible()
    assert "why" in dialog.reason_error.text().lower()
    assert terminal.status().pending == 0

    _alt(qtbot, dialog, Qt.Key.Key_J, lambda: dialog.reason() == "just_browsing")
    assert not dialog.reason_error.isVisible()
    with qtbot.waitSignal(dialog.visit_did_save, timeout=TIMEOUT_MS) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.survey_shown()
    visit = dialog.saved
    assert visit is not None and visit.id == saved.args[0]
    assert (visit.customer_id, visit.outcome, visit.reason) == (
        None,
        "left_without_buying",
        "just_browsing",
    )
    assert [p.product_id for p in visit.products] == [product.id]
    assert dialog.url_label.text() == terminal.survey_url(visit.survey_token)
    pixmap = dialog.qr_label.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 150
    assert terminal.status().pending == 1

    # The next sync takes it to the hub, as typed.
    report = terminal.sync_once()
    assert report.pushed == 1 and not report.rejected
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's database
    try:
        with engine.connect() as conn:
            row = conn.execute(sa.select(visits).where(visits.c.id == visit.id)).one()
    finally:
        engine.dispose()
    assert (row.customer_id, row.outcome, row.reason) == (
        None,
        "left_without_buying",
        "just_browsing",
    )
    assert row.survey_token == visit.survey_token
    assert [p["product_id"] for p in row.products] == [product.id]


def test_a_scanned_barcode_adds_its_product_at_once(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _anonymous_form(qtbot, window)
    wanted = terminal.find_products("thinkpad")[0]
    with qtbot.waitSignal(dialog.product_did_add, timeout=TIMEOUT_MS) as added:
        _type(dialog.product_search, wanted.barcode)
        _enter(dialog.product_search)
    assert added.args == [wanted.id]
    assert dialog.chosen_products() == [wanted.id]
    # The same product again is refused beside the field, not added twice.
    with qtbot.waitSignal(dialog.products_did_show, timeout=TIMEOUT_MS):
        _type(dialog.product_search, wanted.sku)
        _enter(dialog.product_search)
    assert dialog.chosen_products() == [wanted.id]
    assert dialog.products_error.isVisible()


def test_other_reason_needs_words_typed_in_any_script(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _anonymous_form(qtbot, window)
    _alt(qtbot, dialog, Qt.Key.Key_C, lambda: dialog.outcome() == "will_come_back")
    _alt(qtbot, dialog, Qt.Key.Key_R, lambda: dialog.reason() == "other")  # Othe&r
    assert dialog.reason_text.isEnabled() and dialog.reason_text.hasFocus()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.reason_error.isVisible()

    text = "Хочет цвет «đỏ» — vợ chọn"
    _type(dialog.reason_text, text)
    assert dialog.reason_text.text() == text
    with qtbot.waitSignal(dialog.visit_did_save, timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)
    assert dialog.saved is not None
    assert (dialog.saved.reason, dialog.saved.reason_text) == ("other", text)


def test_a_buyer_has_no_reason_and_no_outcome_is_refused(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _anonymous_form(qtbot, window)
    dialog.save_button.click()  # nothing chosen
    assert dialog.outcome_error.isVisible()
    assert not dialog.reason_box.isVisible()
    assert terminal.status().pending == 0
    _alt(qtbot, dialog, Qt.Key.Key_H, lambda: dialog.outcome() == "bought_here")
    assert not dialog.outcome_error.isVisible() and not dialog.reason_box.isVisible()
    dialog.survey_check.setChecked(False)
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        dialog.save_button.click()
    assert terminal.status().pending == 1


def test_from_a_profile_with_cart_quick_picks(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer_id = terminal.sample_customer_with_cart()
    assert customer_id is not None
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(customer_id)
    profile = window.profile_view.profile
    assert profile is not None and profile.cart is not None
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: getattr(window, "visit_dialog", None) is not None)
    dialog = window.visit_dialog
    assert dialog.customer_id == customer_id
    assert profile.display_name in dialog.who_label.text()
    assert len(dialog.quick_buttons) == min(4, len(profile.cart.lines))
    dialog.quick_buttons[0].click()
    assert dialog.chosen_products() == [profile.cart.lines[0].product_id]
    dialog.outcome_buttons["will_buy_online"].setChecked(True)
    dialog.reason_buttons["delivery_options"].setChecked(True)
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        dialog.save_button.click()
    reloaded = window.profile_view.profile
    assert reloaded is not None
    assert [(v.outcome, v.pending) for v in reloaded.visits][:1] == [("will_buy_online", True)]


def test_a_failed_save_keeps_what_was_typed(qtbot: QtBot, terminal: Terminal) -> None:
    dialog = VisitFormDialog(terminal, customer_id="not-cached", customer_name="Ghost")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.outcome_buttons["left_without_buying"].setChecked(True)
    dialog.reason_buttons["other"].setChecked(True)
    _type(dialog.reason_text, "Ждёт зарплату")
    dialog.save_button.click()
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=TIMEOUT_MS)
    assert dialog.error_label.text()
    assert not dialog.survey_shown()
    assert dialog.reason_text.text() == "Ждёт зарплату"
    assert dialog.outcome() == "left_without_buying" and dialog.reason() == "other"
    assert dialog.save_button.isEnabled()
    assert terminal.status().pending == 0


def test_what_was_typed_survives_a_restart_until_saved_or_cancelled(
    qtbot: QtBot, hub_url: str, tmp_path: Path
) -> None:
    data_dir = tmp_path / "counter"
    first = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=(keys := MemorySecretStore()))
    first.sign_in("demo-associate", "demo")
    first.sync_once()
    laptop = first.find_products("thinkpad")[0]
    win = MainWindow(first)
    qtbot.addWidget(win)
    dialog = win.log_anonymous_visit()
    dialog.add_product(laptop.id, laptop.name, laptop.sku)
    dialog.outcome_buttons["will_come_back"].setChecked(True)
    dialog.reason_buttons["other"].setChecked(True)
    with qtbot.waitSignal(dialog.draft_did_save, timeout=TIMEOUT_MS):
        _type(dialog.reason_text, "Revient avec sa fille samedi")
    # The app stops here without saving (a crash, a power cut): nothing else runs.
    wait_for_all()
    first.close()

    again = Terminal(data_dir=data_dir, hub_url=hub_url, secrets=keys)
    try:
        assert again.restore_session() is not None
        win2 = MainWindow(again)
        qtbot.addWidget(win2)
        win2.show()
        restored = VisitFormDialog(again, customer_id=None, parent=win2)
        qtbot.addWidget(restored)
        with qtbot.waitSignal(restored.draft_did_restore, timeout=TIMEOUT_MS):
            restored.show()
        assert restored.chosen_products() == [laptop.id]
        assert (restored.outcome(), restored.reason()) == ("will_come_back", "other")
        assert restored.reason_text.text() == "Revient avec sa fille samedi"
        assert restored.restored_label.isVisible()
        assert again.status().pending == 0  # a draft is not a visit: nothing is queued

        restored.reject()  # Cancel: the associate throws it away
        wait_for_all()
        assert again.visit_draft(None) is None
    finally:
        wait_for_all()
        again.close()


def test_a_saved_visit_leaves_no_draft(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _anonymous_form(qtbot, window)
    with qtbot.waitSignal(dialog.draft_did_save, timeout=TIMEOUT_MS):
        dialog.outcome_buttons["bought_here"].setChecked(True)
    assert terminal.visit_draft(None) is not None
    with qtbot.waitSignal(dialog.visit_did_save, timeout=TIMEOUT_MS):
        dialog.save_button.click()
    wait_for_all()
    assert terminal.visit_draft(None) is None


def test_esc_clears_the_product_box_first_and_enter_in_an_empty_box_saves(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    dialog = _anonymous_form(qtbot, window)
    _type(dialog.product_search, "mac")
    qtbot.keyClick(dialog.product_search, Qt.Key.Key_Escape)
    assert dialog.product_search.text() == "" and dialog.isVisible()
    dialog.outcome_buttons["bought_here"].setChecked(True)
    dialog.survey_check.setChecked(False)
    dialog.product_search.setFocus()
    with qtbot.waitSignal(dialog.visit_did_save, timeout=TIMEOUT_MS):
        qtbot.keyClick(dialog.product_search, Qt.Key.Key_Return)
    assert terminal.status().pending == 1


def _customers_by_sms(terminal: Terminal) -> tuple[str, str]:
    """A cached customer whose SMS consent allows the survey link, and one it does not."""
    allowed: str | None = None
    closed: str | None = None
    for hit in terminal.search("a", limit=200):
        context = terminal.followup_composer(hit.id)
        assert context is not None
        sms = next(c for c in context.channels if c.channel == "sms")
        if sms.allowed and allowed is None:
            allowed = hit.id
        if not sms.allowed and closed is None:
            closed = hit.id
    assert allowed is not None and closed is not None
    return allowed, closed


def _saved_visit(qtbot: QtBot, terminal: Terminal, customer_id: str) -> VisitFormDialog:
    dialog = VisitFormDialog(terminal, customer_id=customer_id, customer_name="Client")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.outcome_buttons["left_without_buying"].setChecked(True)
    dialog.reason_buttons["wants_to_compare"].setChecked(True)
    with qtbot.waitSignal(dialog.visit_did_save, timeout=TIMEOUT_MS):
        dialog.save_button.click()
    assert dialog.survey_shown()
    return dialog


def test_the_survey_link_goes_by_sms_as_that_visits_survey(
    qtbot: QtBot, terminal: Terminal, tmp_path: Path
) -> None:
    allowed, closed = _customers_by_sms(terminal)

    refused = _saved_visit(qtbot, terminal, closed)
    qtbot.waitUntil(lambda: bool(refused.sms_status.text()), timeout=TIMEOUT_MS)
    assert not refused.sms_button.isEnabled()
    assert refused.sms_status.text().startswith("No SMS. ")

    dialog = _saved_visit(qtbot, terminal, allowed)
    qtbot.waitUntil(dialog.sms_button.isEnabled, timeout=TIMEOUT_MS)
    assert dialog.sms_button.isVisible() and dialog.sms_status.text() == ""
    pending = terminal.status().pending
    qtbot.keyClick(dialog, Qt.Key.Key_S, ALT)  # "Send the link by &SMS"
    qtbot.waitUntil(lambda: "SMS" in dialog.sms_status.text(), timeout=TIMEOUT_MS)
    assert not dialog.sms_button.isEnabled()  # once
    assert terminal.status().pending == pending + 1
    visit = dialog.saved
    assert visit is not None

    report = terminal.sync_once()
    assert not report.rejected
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub_url fixture's database
    try:
        with engine.connect() as conn:
            followup = conn.execute(
                sa.select(followups)
                .where(followups.c.customer_id == allowed)
                .where(followups.c.template == "visit_survey")
            ).one()
            links = conn.execute(
                sa.select(survey_links).where(survey_links.c.visit_id == visit.id)
            ).all()
    finally:
        engine.dispose()
    assert (followup.channel, followup.status) == ("sms", "queued")
    # The QR's link and the SMS's both ask about this visit, a non-buyer's.
    assert len(links) == 2 and visit.survey_token in {link.token for link in links}
    assert {(link.customer_id, link.buyer) for link in links} == {(allowed, False)}


def test_an_anonymous_visitor_has_no_sms_button(qtbot: QtBot, terminal: Terminal) -> None:
    dialog = VisitFormDialog(terminal, customer_id=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.outcome_buttons["left_without_buying"].setChecked(True)
    dialog.reason_buttons["just_browsing"].setChecked(True)
    with qtbot.waitSignal(dialog.visit_did_save, timeout=TIMEOUT_MS):
        dialog.save_button.click()
    assert dialog.survey_shown() and dialog.qr_label.isVisible()
    assert not dialog.sms_button.isVisible()
