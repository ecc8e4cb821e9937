""" "Hold for customer" on the profile's online cart, by keyboard, against a real hub: the
line is held pending, then "held until …" after the sync; the redeem dialog needs the hub."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from clienteling.hub import listing
from clienteling.hub.db import make_engine, write_tx
from clienteling.terminal.facade import Terminal
from clienteling.terminal.hold_views import HoldView
from clienteling.ui.hold_panel import HoldPanel
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


def test_a_held_product_the_shop_stopped_selling_is_still_named(
    qtbot: QtBot, window: MainWindow, terminal: Terminal, tmp_path: Path
) -> None:
    """The product of a hold leaves the catalog (Shopify draft or archived): the profile's
    hold line still says which product and variant, never its id."""
    customer = _cart_customer(terminal)
    profile = terminal.customer(customer)
    assert profile is not None and profile.cart is not None
    line = profile.cart.lines[0]
    terminal.hold_for_customer(customer, line.product_id)
    terminal.sync_once()
    engine = make_engine(str(tmp_path / "hub.sqlite3"))  # the hub of `hub_url`
    try:
        with write_tx(engine) as conn:  # as a products/update to archived does
            assert listing.unlist(conn, line.product_id)
    finally:
        engine.dispose()
    terminal.sync_once()
    assert line.product_id not in {p.id for p in terminal.find_products(line.sku)}

    window.open_customer(customer)
    panel = window.profile_view.hold_panel
    qtbot.waitUntil(lambda: panel.holds_list.count() == 1)
    text = panel.holds_list.item(0).text()
    assert text.startswith(f"1 × {line.name}") and "held until" in text
    assert line.product_id not in text
    if line.colour and line.colour not in line.name:
        assert f"({line.colour})" in text


def test_a_hold_whose_product_nobody_can_name_says_so(qtbot: QtBot) -> None:
    """A hold cached before holds kept their product, of a product gone since: the SKU,
    or a sentence, but not an id."""
    panel = HoldPanel(QTableWidget())
    qtbot.addWidget(panel)
    now = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    hold = HoldView(
        id="h1",
        customer_id="c1",
        product_id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        product_name=None,
        sku="JKT-ACM-0092",
        store_name="Store 1",
        quantity=2,
        status="collected",
        expires_at=now,
        source="terminal",
        created_at=now,
        pending=False,
        refused=None,
        size="M",
        colour="Beige",
    )
    assert panel.describe(hold) == (
        "2 × product JKT-ACM-0092 (no longer sold) (M · Beige) — collected"
    )
    assert panel.describe(replace(hold, sku="", size=None, colour=None)) == (
        "2 × a product no longer sold — collected"
    )
    named = replace(hold, product_name="Trench Iéna M", size="M", colour="Beige")
    assert panel.describe(named) == "2 × Trench Iéna M (Beige) — collected"
