"""'Often bought together' beside the live cart and in the visit form: products that the
store's customers bought in the same order as these (store.learned; rules in
domain.learned), with price and stock here, so the associate can suggest them at the
counter. Enter or a double click on one emits `suggestion_activated` (the visit form
adds it to the products shown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from clienteling.terminal.views import TogetherView
from clienteling.ui.labels import money_text, stock_here_text


class TogetherPanel(QWidget):
    """Hidden when there is nothing to suggest (no products, or no pattern yet)."""

    suggestion_activated = Signal(object)  # the TogetherView

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("togetherPanel")
        self.suggestions: list[TogetherView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("factCaption")
        layout.addWidget(self.caption)
        self.list = QListWidget(self)
        self.list.setObjectName("togetherList")
        self.list.setAccessibleName(caption)
        self.list.itemActivated.connect(lambda item: self._activate(self.list.row(item)))
        self.list.installEventFilter(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab
        self.list.setMaximumHeight(120)
        # A long line (Vietnamese, the visit form's narrow column) ends in "…" with the
        # whole of it in its tooltip, instead of scrolling the list sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.list)
        self.hide()

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.suggestions):
            self.suggestion_activated.emit(self.suggestions[row])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a suggestion takes it, and only that: a list passes Enter on to its
        dialog, where it would also press the default button (the visit form's Save)."""
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._activate(self.list.currentRow())
            return True
        return super().eventFilter(watched, event)

    def show_suggestions(self, suggestions: list[TogetherView]) -> None:
        self.suggestions = list(suggestions)
        self.list.clear()
        for suggestion in suggestions:
            text = (
                self.tr("%1 · %2 · %3 · orders together: %4")
                .replace("%1", suggestion.name)
                .replace("%2", money_text(suggestion.price_minor, suggestion.currency))
                .replace("%3", stock_here_text(suggestion.stock_here))
                .replace("%4", str(suggestion.orders))
            )
            item = QListWidgetItem(text, self.list)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, suggestion.product_id)
        self.setVisible(bool(suggestions))
