"""'Recently viewed online' on the profile's online tab: lines with the one price and the
stock here, in the other stores and online, an empty text, and "Hold for customer" on a
viewed line (the same action as the cart's), against a real hub and terminal."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import RecentViewView
from clienteling.ui.labels import local_date, local_time, money_text
from clienteling.ui.main_window import MainWindow
from clienteling.ui.profile_view import ProfileView
from tests.ui.conftest import NOW, make_profile

VIEWS = [
    RecentViewView(
        product_id="p-20",
        sku="SKU-WATCH-02",
        name="Đồng hồ Aero S",
        price_minor=5_990_000,
        currency="VND",
        viewed_at=NOW - timedelta(hours=2),
        view_count=3,
        stock_here=2,
        size="42",
        colour="Đen",
        stock_other_stores=5,
        stock_web=310,
    ),
    RecentViewView(
        product_id="p-21",
        sku="SKU-BAG-11",
        name="Balo Ждун 20L",
        price_minor=None,
        currency=None,
        viewed_at=NOW - timedelta(days=6),
        view_count=1,
        stock_here=0,
    ),
]


def test_lines_show_price_and_stock_everywhere(qtbot: QtBot, tmp_path: Path) -> None:
    view = ProfileView()
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    view.show_profile(replace(make_profile(), recent_views=VIEWS))
    panel = view.recent_panel
    assert view.tabs.currentIndex() == ProfileView.CART_TAB
    assert panel.table.isVisible() and not panel.empty_label.isVisible()
    cells = [[panel.table.item(r, c).text() for c in range(7)] for r in range(2)]  # type: ignore[union-attr]
    assert cells[0][0] == "Đồng hồ Aero S" and cells[0][1] == "42 · Đen"
    assert cells[0][2] == local_date(VIEWS[0].viewed_at) + "  ×3"
    viewed_tip = panel.table.item(0, 2).toolTip()  # type: ignore[union-attr]
    assert local_time(VIEWS[0].viewed_at) in viewed_tip and "3 views" in viewed_tip
    assert cells[0][3] == money_text(5_990_000, "VND")
    assert cells[0][4:] == ["2 here", QLocale().toString(5), QLocale().toString(310)]
    assert cells[1][2] == local_date(VIEWS[1].viewed_at)  # one view: no count
    assert cells[1][3] == "—"  # not in the cached catalogue: no price to show
    assert cells[1][4:] == ["Not here", "—", "—"]
    # Narrow, the size/colour column gives way to the names (their tooltip has it).
    assert not panel.table.isColumnHidden(1)
    view.resize(760, 760)
    qtbot.waitUntil(lambda: panel.table.isColumnHidden(1))
    assert panel.table.item(0, 0).toolTip() == "SKU SKU-WATCH-02 · 42 · Đen"  # type: ignore[union-attr]
    view.resize(1100, 760)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(1))
    # One line marked at a time across the cart and the viewed products.
    view.cart_table.selectRow(0)
    panel.table.selectRow(1)
    assert not view.cart_table.selectionModel().hasSelection()
    assert view.hold_panel.hold_button.isEnabled()
    assert view.grab().save(str(tmp_path / "recent_views.png"))  # renders

    view.show_profile(replace(make_profile(), recent_views=[]))
    assert not panel.table.isVisible() and not panel.caption.isVisible()
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No products viewed online in the last 30 days."


def test_hold_for_customer_on_a_viewed_product_queues_a_reservation(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    customer = terminal.sample_customer_with_recent_views()
    assert customer is not None
    window.open_customer(customer)
    view: ProfileView = window.profile_view
    qtbot.waitUntil(lambda: view.profile is not None and view.profile.id == customer)
    assert view.profile is not None and view.profile.recent_views
    view.tabs.setCurrentIndex(view.CART_TAB)
    panel = view.recent_panel
    first = view.profile.recent_views[0]
    assert panel.table.item(0, 0).text() == first.name  # type: ignore[union-attr]
    assert first.price_minor is not None and first.stock_web is not None
    # A line this store has, marked in the table; then Ctrl+H there.
    row = next(i for i, v in enumerate(view.profile.recent_views) if v.stock_here)
    panel.table.setFocus()
    panel.table.setCurrentCell(row, 0)
    qtbot.waitUntil(view.hold_panel.hold_button.isEnabled)
    line = view.profile.recent_views[row]

    qtbot.keyClick(panel.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)

    holds = view.hold_panel.holds_list
    qtbot.waitUntil(lambda: any("pending" in holds.item(i).text() for i in range(holds.count())))
    pending = [h for h in terminal.customer_holds(customer) if h.pending]
    assert [h.product_id for h in pending] == [line.product_id]
    terminal.sync_once()  # the queued reservation.request reaches the hub, which holds it
    held = {h.id: h.status for h in terminal.customer_holds(customer)}
    assert held[pending[0].id] == "held"
