"""'Often bought together' beside the live cart: products that the store's customers
bought in the same order as the cart's (store.learned; rules in domain.learned), with
price and stock here, so the associate can suggest them at the counter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clienteling.domain.money import format_money
from clienteling.terminal.views import TogetherView
from clienteling.ui.labels import stock_here_text


class TogetherPanel(QWidget):
    """Hidden when there is nothing to suggest (no cart, or no pattern yet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("togetherPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.caption = QLabel(self.tr("Often bought together with this cart"), self)
        self.caption.setObjectName("factCaption")
        layout.addWidget(self.caption)
        self.list = QListWidget(self)
        self.list.setObjectName("togetherList")
        self.list.setAccessibleName(self.tr("Often bought together with this cart"))
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab
        self.list.setMaximumHeight(120)
        layout.addWidget(self.list)
        self.hide()

    def show_suggestions(self, suggestions: list[TogetherView]) -> None:
        self.list.clear()
        for suggestion in suggestions:
            text = (
                self.tr("%1 · %2 · %3 · orders together: %4")
                .replace("%1", suggestion.name)
                .replace("%2", format_money(suggestion.price_minor, suggestion.currency))
                .replace("%3", stock_here_text(suggestion.stock_here))
                .replace("%4", str(suggestion.orders))
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, suggestion.product_id)
        self.setVisible(bool(suggestions))
