""" "Hold for customer" on the profile's online tab: the selected line (of the online
cart, or of the recently viewed products: `add_source`) is asked to be held at this store
(a `reservation.request`, queued offline like any change), and the customer's holds are
listed with where they stand: pending until the hub decides, held until …, or refused
with the hub's reason. Keyboard: Tab to a table, arrows to a line, Ctrl+H to hold it.
One line is selected at a time across the tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.facade import Terminal
from clienteling.terminal.hold_views import HoldView
from clienteling.terminal.views import CustomerProfile
from clienteling.ui.labels import local_time
from clienteling.ui.operations import run_in_background

HOLDS_LIST_MAX_HEIGHT = 110


class HoldPanel(QWidget):
    """Below the cart table; `show_profile` keeps it in step with the profile shown."""

    hold_did_request = Signal(str)  # customer id (the window reloads the profile)

    def __init__(self, cart_table: QTableWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources: list[tuple[QTableWidget, Callable[[CustomerProfile], Sequence[str]]]] = []
        self._profile: CustomerProfile | None = None
        self._terminal: Terminal | None = None
        self._reload: Callable[[str], None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.hold_button = QPushButton(self.tr("Hold for customer (Ctrl+H)"), self)
        self.hold_button.setObjectName("holdForCustomer")
        self.hold_button.setAccessibleName(self.tr("Hold the selected item in this store"))
        self.hold_button.setToolTip(
            self.tr("Sets the item aside here for the customer; the hub confirms the hold.")
        )
        self.hold_button.clicked.connect(self.hold_selected)
        # On the whole cart page (table included), in every language the same key.
        hold_key = QShortcut(QKeySequence("Ctrl+H"), cart_table.parentWidget() or self)
        hold_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        hold_key.activated.connect(self.hold_selected)
        row.addWidget(self.hold_button)
        self.release_button = QPushButton(self.tr("Release hold"), self)
        self.release_button.setObjectName("releaseHold")
        self.release_button.clicked.connect(self.release_selected)
        row.addWidget(self.release_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.caption = QLabel(self.tr("Holds for this customer"), self)
        self.caption.setObjectName("factCaption")
        layout.addWidget(self.caption)
        self.holds_list = QListWidget(self)
        self.holds_list.setObjectName("holdsList")
        self.holds_list.setAccessibleName(self.tr("Holds for this customer"))
        self.holds_list.setMaximumHeight(HOLDS_LIST_MAX_HEIGHT)
        self.holds_list.currentRowChanged.connect(self._update_buttons)
        layout.addWidget(self.holds_list)
        self.add_source(
            cart_table, lambda p: [line.product_id for line in p.cart.lines] if p.cart else []
        )
        self._update_buttons()

    def add_source(
        self, table: QTableWidget, products: Callable[[CustomerProfile], Sequence[str]]
    ) -> None:
        """Another table whose selected line can be held: `products` gives the product id
        of each of its rows for the profile shown. Selecting a line in one table clears
        the others', so the button always means the one line the associate sees marked."""
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.itemSelectionChanged.connect(lambda: self._selection_did_change(table))
        self._sources.append((table, products))

    def connect_terminal(self, terminal: Terminal, *, reload: Callable[[str], None]) -> None:
        """The window hands over the terminal and how to reload a profile after a change."""
        self._terminal, self._reload = terminal, reload

    # -- showing ------------------------------------------------------------------------

    def show_profile(self, profile: CustomerProfile) -> None:
        self._profile = profile
        self.holds_list.clear()
        for hold in profile.holds:
            item = QListWidgetItem(self.describe(hold))
            item.setData(Qt.ItemDataRole.UserRole, hold.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, hold.status == "held" and not hold.pending)
            self.holds_list.addItem(item)
        visible = bool(profile.holds)
        self.caption.setVisible(visible)
        self.holds_list.setVisible(visible)
        if visible:  # as tall as its lines (up to the cap), the viewed products follow
            lines = self.holds_list.count() * max(1, self.holds_list.sizeHintForRow(0))
            self.holds_list.setFixedHeight(
                min(HOLDS_LIST_MAX_HEIGHT, lines + 2 * self.holds_list.frameWidth() + 4)
            )
        self._update_buttons()

    def describe(self, hold: HoldView) -> str:
        name = hold.product_name or (
            self.tr("product %1 (no longer sold)").replace("%1", hold.sku)
            if hold.sku
            else self.tr("a product no longer sold")
        )
        # The variant's words the name does not already say ("Model 42" + colour Noir).
        variant = [p for p in (hold.size, hold.colour) if p and f" {p} " not in f" {name} "]
        if variant:
            name = f"{name} ({' · '.join(variant)})"
        what = f"{hold.quantity} × {name}"
        if hold.refused is not None:
            state = self.tr("refused: %1").replace("%1", hold.refused)
        elif hold.pending:
            state = self.tr("pending: waiting for the hub")
        elif hold.status == "held" and hold.expires_at is not None:
            state = self.tr("held until %1").replace("%1", local_time(hold.expires_at))
        else:
            state = {
                "collected": self.tr("collected"),
                "released": self.tr("released"),
                "expired": self.tr("expired"),
            }.get(hold.status, hold.status)
        if hold.source == "link":
            state += " · " + self.tr("reserved by the customer online")
        return f"{what} — {state}"

    def _selection_did_change(self, table: QTableWidget) -> None:
        if table.selectionModel() is not None and table.selectionModel().hasSelection():
            for other, _products in self._sources:
                if other is not table:
                    other.clearSelection()
        self._update_buttons()

    def _selected_product(self) -> str | None:
        profile = self._profile
        if profile is None:
            return None
        for table, products in self._sources:
            model = table.selectionModel()
            rows = model.selectedRows() if model is not None else []
            if not rows:
                continue
            ids = products(profile)
            row = rows[0].row()
            return (ids[row] or None) if 0 <= row < len(ids) else None
        return None

    def _update_buttons(self, *_args: object) -> None:
        self.hold_button.setEnabled(self._selected_product() is not None)
        item = self.holds_list.currentItem()
        self.release_button.setEnabled(
            item is not None and bool(item.data(Qt.ItemDataRole.UserRole + 1))
        )

    # -- actions ------------------------------------------------------------------------

    def hold_selected(self) -> None:
        product_id = self._selected_product()
        terminal, profile = self._terminal, self._profile
        if product_id is None or terminal is None or profile is None:
            return
        customer_id = profile.id
        self.hold_button.setEnabled(False)

        def done(_hold_id: str) -> None:
            self.hold_did_request.emit(customer_id)
            if self._reload is not None:
                self._reload(customer_id)

        def failed(exc: BaseException) -> None:
            from clienteling.ui.errors import show_error

            self._update_buttons()
            show_error(self, exc)

        run_in_background(
            lambda: terminal.hold_for_customer(customer_id, product_id),
            success=done,
            failure=failed,
            parent=self,
        )

    def release_selected(self) -> None:
        item = self.holds_list.currentItem()
        terminal, profile = self._terminal, self._profile
        if item is None or terminal is None or profile is None:
            return
        hold_id, customer_id = str(item.data(Qt.ItemDataRole.UserRole)), profile.id
        self.release_button.setEnabled(False)
        run_in_background(
            lambda: terminal.release_hold(hold_id),
            success=lambda _none: self._reload(customer_id) if self._reload else None,
            parent=self,
        )
