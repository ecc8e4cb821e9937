"""The follow-up composer on a real terminal synced with a real hub: Ctrl+F opens it on the
profile, closed channels say why, the preview follows what is typed (any script), SMS
shows characters and segments, the catalog search adds a product, and queueing (offline:
the outbox) shows the follow-up on the profile."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.followup_views import ProductChoice
from clienteling.ui.followup_composer import FollowupComposer, cart_lines_to_pick
from clienteling.ui.main_window import MainWindow
from clienteling.ui.profile_view import ProfileView

TIMEOUT_MS = 20_000


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def _customer(terminal: Terminal, *, closed: str) -> str:
    """A cached customer who may get email and SMS but not `closed` (WhatsApp)."""
    for hit in terminal.search("a", limit=500):
        context = terminal.followup_composer(hit.id)
        assert context is not None
        allowed = {c.channel for c in context.channels if c.allowed}
        if {"email", "sms"} <= allowed and closed not in allowed:
            return hit.id
    raise AssertionError("no cached customer with email and SMS consent")


def _open(qtbot: QtBot, window: MainWindow, customer_id: str) -> FollowupComposer:
    with qtbot.waitSignal(window.profile_did_load, timeout=TIMEOUT_MS):
        window.open_customer(customer_id)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.followup_composer
    qtbot.waitUntil(lambda: dialog.message is not None, timeout=TIMEOUT_MS)
    return dialog


def test_compose_preview_and_queue(qtbot: QtBot, window: MainWindow, terminal: Terminal) -> None:
    customer_id = _customer(terminal, closed="whatsapp")
    dialog = _open(qtbot, window, customer_id)
    whatsapp = dialog.channel_buttons["whatsapp"]
    assert not whatsapp.isEnabled()
    assert dialog.channel_reasons["whatsapp"].text()  # says why
    assert whatsapp.toolTip() == dialog.channel_reasons["whatsapp"].text()

    dialog.channel_buttons["email"].setChecked(True)
    with qtbot.waitSignal(dialog.preview_did_show, timeout=TIMEOUT_MS):
        _type(dialog.personal_edit, "Màu xám rất hợp với bạn!")
    assert dialog.message is not None
    assert "Màu xám rất hợp với bạn!" in dialog.message.html
    assert "Màu xám rất hợp với bạn!" in dialog.email_view.toPlainText()
    assert dialog.subject_label.text().endswith(dialog.message.subject)

    dialog.channel_buttons["sms"].setChecked(True)
    assert dialog.preview_stack.currentIndex() == 1
    assert dialog.short_view.toPlainText() == dialog.message.short
    assert "SMS" in dialog.sms_count.text()

    with qtbot.waitSignal(dialog.preview_did_show, timeout=TIMEOUT_MS):
        dialog.template_combo.setCurrentIndex(dialog.template_combo.findData("products_tried"))
    _type(dialog.search_edit, "a")
    qtbot.waitUntil(lambda: dialog.results_list.count() > 0, timeout=TIMEOUT_MS)
    first = dialog.results_list.item(0)
    dialog.results_list.itemActivated.emit(first)
    qtbot.waitUntil(lambda: len(dialog.picked()) >= 1, timeout=TIMEOUT_MS)
    picked = dialog.picked()

    with qtbot.waitSignal(dialog.followup_did_queue, timeout=TIMEOUT_MS) as queued:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    followup_id = queued.args[0]
    qtbot.waitUntil(
        lambda: (
            window.profile_view.profile is not None
            and any(f.id == followup_id for f in window.profile_view.profile.followups)
        ),
        timeout=TIMEOUT_MS,
    )
    mine = next(f for f in terminal.followups(customer_id) if f.id == followup_id)
    assert (mine.channel, mine.template, mine.status) == ("sms", "products_tried", "queued")
    assert mine.personal_line == "Màu xám rất hợp với bạn!"
    assert len(mine.product_names) == len(picked)
    tab = window.profile_view.tabs.tabText(ProfileView.FOLLOWUPS_TAB)
    assert "1" in tab
    assert window.profile_view.followup_list.list.count() >= 1


def _product(pid: str, stock_here: int | None) -> ProductChoice:
    return ProductChoice(pid, f"SKU-{pid}", pid, "Brand", 10_00, "EUR", stock_here)


def test_available_here_ticks_only_cart_lines_in_stock_here() -> None:
    """The "available here today" message promises the cart lines in stock here: lines not
    here start unticked (the associate may still tick them); another message ticks the
    whole cart; a cart with nothing here does not open on "available here"."""
    cart = [_product("a", 2), _product("b", 0), _product("c", None)]
    assert cart_lines_to_pick("cart_available", cart) == {"a", "c"}
    assert cart_lines_to_pick("thank_you", cart) == {"a", "b", "c"}
    nothing_here = [_product("b", 0)]
    assert cart_lines_to_pick("cart_available", nothing_here) == {"b"}


def test_the_composer_opens_on_available_here_with_the_lines_in_stock(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    found = None
    for hit in terminal.search("a", limit=500):
        context = terminal.followup_composer(hit.id)
        assert context is not None
        if context.cart_products:
            found = (hit.id, context)
            break
    assert found is not None, "the test data has an online cart"
    customer_id, context = found
    dialog = _open(qtbot, window, customer_id)
    here = {p.id for p in context.cart_products if p.stock_here is None or p.stock_here > 0}
    if here:
        assert dialog.template_combo.currentData() == "cart_available"
        assert set(dialog.picked()) == here
    else:
        assert dialog.template_combo.currentData() == "thank_you"
        assert set(dialog.picked()) == {p.id for p in context.cart_products}
    dialog.reject()
