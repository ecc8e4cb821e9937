"""The customer 360 renders a real CustomerProfile: header, contact, cart, purchases, notes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clienteling.terminal.views import CustomerProfile
from clienteling.ui.labels import money_text
from clienteling.ui.profile_view import ProfileView
from tests.ui.conftest import make_profile


def _view(qtbot: QtBot) -> ProfileView:
    view = ProfileView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    return view


def _type(widget: object, text: str) -> None:
    """Key events with text (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        )


def test_header_shows_who_the_customer_is(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    assert view.avatar.text() == "NÁ"
    assert view.name_label.text() == "Nguyễn Văn Ánh"
    assert view.stage_badge.text() == "Loyal"
    assert view.stage_badge.property("value") == "loyalty"
    assert view.tier_badge.text() == "Gold"
    assert view.value_label.text() == money_text(48_900_000, "VND")
    assert view.channel_label.text() == "WhatsApp"
    assert view.language_label.text() == "Tiếng Việt"
    assert view.store_label.text() == "Hà Nội – Tràng Tiền"
    assert "+84 901 234 567" in view.contact_label.text()
    assert "anh.nguyen@example.vn" in view.contact_label.text()
    assert "2900000012345" in view.contact_label.text()
    assert not view.home_store_badge.isVisible()  # a customer of this store: no badge


def test_another_stores_customer_gets_a_home_store_badge(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    view = _view(qtbot)
    view.show_profile(replace(profile, other_store=True, looked_up=True))
    badge = view.home_store_badge
    assert badge.isVisible()
    assert badge.text() == "Other store · home store: Hà Nội – Tràng Tiền"
    assert badge.accessibleName() == badge.text()
    assert "30 days" in badge.toolTip()
    view.show_profile(replace(profile, other_store=True, home_store_name=None))
    assert badge.text() == "Other store"
    view.show_profile(profile)
    assert not badge.isVisible()


def test_consent_badges_follow_each_channel(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    assert view.consent_badges["email"].property("value") == "granted"
    assert view.consent_badges["sms"].property("value") == "refused"
    assert view.consent_badges["whatsapp"].property("value") == "granted"
    assert view.consent_badges["sms"].text().startswith("✗")


def test_cart_tab_shows_lines_stock_and_checkout_step(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    assert view.tabs.currentIndex() == ProfileView.CART_TAB  # a live cart comes first
    assert "Abandoned at shipping" in view.cart_summary.text()
    assert view.cart_table.rowCount() == 2
    cells = [
        [view.cart_table.item(r, c).text() for c in range(8)]
        for r in range(2)  # type: ignore[union-attr]
    ]
    assert cells[0][0] == "Tai nghe Sonic Pro"
    assert cells[0][4] == money_text(3_490_000, "VND")
    assert cells[0][5] == "4 here"
    assert cells[1][5] == "Not here"
    # Stock in the other stores and online beside it (issue 6); "—" when not known.
    headers = [view.cart_table.horizontalHeaderItem(c).text() for c in (6, 7)]  # type: ignore[union-attr]
    assert headers == ["Other stores", "Online"]
    assert cells[0][6:] == [QLocale().toString(12), QLocale().toString(1250)]
    assert cells[1][6:] == ["—", "—"]
    assert not view.cart_table.isColumnHidden(6) and not view.cart_table.isColumnHidden(7)
    # Beside a narrow profile the SKU makes room for the names (it is in their tooltip).
    view.resize(700, 600)
    qtbot.waitUntil(lambda: view.cart_table.isColumnHidden(2))
    assert view.cart_table.item(0, 0).toolTip() == "SKU SKU-HEAD-01"  # type: ignore[union-attr]
    view.resize(1400, 600)
    qtbot.waitUntil(lambda: not view.cart_table.isColumnHidden(2))
    # The lines are whole: the table keeps room for them above the suggestions.
    table = view.cart_table
    rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.minimumHeight() >= table.horizontalHeader().height() + rows_height
    assert money_text(3_990_000, "VND") in view.cart_total.text()
    assert view.tabs.tabText(ProfileView.CART_TAB) == "Online cart (3)"


def test_purchases_list_every_channel_with_lines(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    tree = view.orders_tree
    assert tree.topLevelItemCount() == 2
    web, store = tree.topLevelItem(0), tree.topLevelItem(1)
    assert web is not None and store is not None
    assert web.text(1) == "Online" and web.text(3) == "Delivered"
    assert store.text(1) == "In store" and store.text(2) == "Hà Nội – Tràng Tiền"
    assert store.text(4) == money_text(1_780_000, "VND")
    assert store.childCount() == 2
    assert "2 × Chuột không dây" in store.child(0).text(1)  # type: ignore[union-attr]
    assert "1 returned" in store.child(0).text(1)  # type: ignore[union-attr]


def test_notes_newest_first_with_pending_marker(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    first, second = view.notes_list.item(0), view.notes_list.item(1)
    assert first is not None and second is not None
    assert first.text().startswith("Muốn thử màu xanh")
    assert "Lan Trần" in first.text() and "pending" in first.text()
    assert "pending" not in second.text()


def test_no_cart_says_so_and_opens_on_purchases(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.show_profile(make_profile(cart=False))
    assert view.tabs.currentIndex() == ProfileView.PURCHASES_TAB
    assert view.cart_summary.text() == "No online cart right now."
    assert view.cart_table.rowCount() == 0


def test_ctrl_enter_asks_to_add_the_typed_note(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    view.focus_note()
    qtbot.waitUntil(view.note_edit.hasFocus)
    _type(view.note_edit, "Khách hỏi về ốp Ж é")
    with qtbot.waitSignal(view.note_will_add) as blocker:
        qtbot.keyClick(view.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["c-1", "Khách hỏi về ốp Ж é"]


def test_an_empty_note_is_not_sent(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    with qtbot.assertNotEmitted(view.note_will_add):
        view.add_note_button.click()


def test_none_shows_the_search_hint(qtbot: QtBot, profile: CustomerProfile) -> None:
    view = _view(qtbot)
    view.show_profile(profile)
    view.show_profile(None)
    assert view.empty_hint.isVisible()


def test_a_store_sale_reads_completed_not_shipped(qapp: QApplication) -> None:
    from clienteling.ui.labels import order_status_label

    assert order_status_label("fulfilled", channel="store") == "Completed"
    assert order_status_label("delivered", channel="store") == "Completed"
    assert order_status_label("fulfilled", channel="web") == "Shipped"
    assert order_status_label("returned", channel="store") == "Returned"


def test_cart_line_says_what_is_coming_here_and_lists_other_stores_nearest_first(
    qtbot: QtBot, profile: CustomerProfile
) -> None:
    """Sold out here with 5 on their way: the "here" cell says when; the other stores'
    figure has each store in its tooltip, in the order the cache gives (nearest first)."""
    from datetime import date

    from clienteling.terminal.views import Incoming, LocationStock

    def store(name: str, km: float | None, on_hand: int, coming: Incoming | None = None) -> Any:
        return LocationStock(
            location_id=name,
            name=name,
            city=name,
            kind="store",
            on_hand=on_hand,
            reserved=0,
            distance_km=km,
            incoming=coming,
        )

    assert profile.cart is not None
    sold_out = replace(
        profile.cart.lines[1],
        incoming_here=Incoming(5, date(date.today().year, 12, 12)),
        stock_other_stores=5,
        other_stores=(
            store("Lyon Part-Dieu", 394.8, 3),
            store("Marseille Vieux-Port", 662.8, 2, Incoming(4)),
            store("Annecy Lac", None, 0),
        ),
    )
    view = _view(qtbot)
    view.show_profile(replace(profile, cart=replace(profile.cart, lines=[sold_out])))
    here = view.cart_table.item(0, 5)
    others = view.cart_table.item(0, 6)
    assert here is not None and others is not None
    assert here.text() == "Not here · incoming: 5 on 12 Dec"
    assert others.toolTip().splitlines() == [
        "Lyon Part-Dieu · 395 km: 3",
        "Marseille Vieux-Port · 663 km: 2 (incoming: 4)",
        "Annecy Lac: 0",
    ]
