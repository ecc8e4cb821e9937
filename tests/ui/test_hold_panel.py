""" "Hold for customer" on the profile's online cart, by keyboard, against a real hub: the
line is held pending, then "held until …" after the sync; the redeem dialog needs the hub."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.ui.main_window import MainWindow
from clienteling.ui.profile_view import ProfileView
from clienteling.ui.redeem_dialog import RedeemDialog
from tests.ui.conftest import type_text


def _cart_customer(terminal: Terminal) -> str:
    customer = terminal.sample_customer_with_cart()
    assert customer is not None
    return customer


def test_hold_for_customer_by_keyboard_pending_then_held(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer = _cart_customer(terminal)
    window.open_customer(customer)
    view: ProfileView = window.profile_view
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == customer)
    assert view.profile is not None and view.profile.cart is not None
    view.tabs.setCurrentIndex(view.CART_TAB)
    panel = view.hold_panel
    assert not panel.hold_button.isEnabled()  # nothing selected yet
    view.cart_table.setFocus()
    qtbot.keyClick(view.cart_table, Qt.Key.Key_Down)
    qtbot.waitUntil(panel.hold_button.isEnabled)
    line = view.profile.cart.lines[view.cart_table.currentRow()]

    qtbot.keyClick(view.cart_table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: panel.holds_list.count() == 1)
    first = panel.holds_list.item(0).text()
    assert line.name in first and "pending" in first
    terminal.sync_once()
    window.open_customer(customer)
    qtbot.waitUntil(lambda: "held until" in panel.holds_list.item(0).text())
    holds = terminal.customer_holds(customer)
    assert [(h.product_id, h.status) for h in holds] == [(line.product_id, "held")]


def test_redeem_dialog_reports_an_unknown_code_from_the_hub(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog: RedeemDialog = window.redeem_offer()
    qtbot.waitExposed(dialog)
    type_text(dialog.code_edit, "ZZZZZ-ZZZZZ")
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "✗" in dialog.result_label.text())
    assert "does not exist" in dialog.result_label.text()
