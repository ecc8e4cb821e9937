"""'Recently viewed online' on the profile's online tab, below the live cart: the products
the customer looked at on the web shop lately (newest first), each with the one price
and the stock here, in the other stores and on the web, like the cart's lines. A line
can be held for the customer with the cart's "Hold for customer" (ui.hold_panel, which
takes this table as a second source); the associate can also simply bring it out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.views import RecentViewView
from clienteling.ui.labels import (
    incoming_text,
    local_date,
    local_time,
    money_text,
    other_stores_tip,
    stock_here_text,
    variant_text,
    whole_number,
)

COLUMNS = ("product", "variant", "viewed", "price", "here", "other_stores", "web")
VARIANT = COLUMNS.index("variant")
# Under this width the size/colour column gives way (the product's tooltip has it), so
# the names stay readable beside the price and the three stock columns.
VARIANT_HIDE_BELOW = 900
HERE = COLUMNS.index("here")
ROWS_SHOWN = 2  # always room for these whole
ROWS_AT_MOST = 4  # more scroll inside the table


def _here_text(item: RecentViewView) -> str:
    """The stock here, and what is on its way when there is none (as a cart line)."""
    text = stock_here_text(item.stock_here)
    coming = item.incoming_here
    if coming is not None and item.stock_here is not None and item.stock_here <= 0:
        text = f"{text} · {incoming_text(coming.units, coming.on)}"
    return text


def _count_text(count: int | None) -> str:
    return "—" if count is None else whole_number(count)


class RecentViewsPanel(QWidget):
    """`show_views` renders the profile's `recent_views`; the empty text says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentViewsPanel")
        self.views: list[RecentViewView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.caption = QLabel(self.tr("Recently viewed online"), self)
        self.caption.setObjectName("factCaption")
        layout.addWidget(self.caption)
        self.empty_label = QLabel(self.tr("No products viewed online in the last 30 days."), self)
        self.empty_label.setObjectName("factCaption")  # grey, as the captions
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty_label)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("recentViewsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Size / colour"),
                self.tr("Last viewed"),
                self.tr("Price"),
                self.tr("In stock here"),
                self.tr("Other stores"),
                self.tr("Online"),
            ]
        )
        self.table.setAccessibleName(self.tr("Recently viewed online"))
        viewed_header = self.table.horizontalHeaderItem(COLUMNS.index("viewed"))
        if viewed_header is not None:
            viewed_header.setToolTip(
                self.tr("The latest view on the web shop; ×2: viewed twice in the last 30 days")
            )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.show_views([])
        self.hide()  # until a profile is shown

    def show_views(self, views: list[RecentViewView]) -> None:
        self.views = list(views)
        self.show()
        table = self.table
        table.clearSelection()
        table.setRowCount(len(views))
        for row, item in enumerate(views):
            price = (
                money_text(item.price_minor, item.currency)
                if item.price_minor is not None and item.currency
                else "—"
            )
            cells = [
                item.name,
                variant_text(item.size, item.colour),
                local_date(item.viewed_at)
                + (f"  ×{whole_number(item.view_count)}" if item.view_count > 1 else ""),
                price,
                _here_text(item),
                _count_text(item.stock_other_stores),
                _count_text(item.stock_web),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    tip = self.tr("SKU %1").replace("%1", item.sku)
                    if item.size or item.colour:
                        tip += " · " + variant_text(item.size, item.colour)
                    cell.setToolTip(tip)
                if column == COLUMNS.index("viewed"):
                    cell.setToolTip(
                        self.tr("Last viewed %1, %2 views in the last 30 days")
                        .replace("%1", local_time(item.viewed_at))
                        .replace("%2", whole_number(item.view_count))
                    )
                if column >= COLUMNS.index("price"):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == HERE:
                    cell.setData(Qt.ItemDataRole.UserRole, item.stock_here)
                if column == HERE + 1 and item.other_stores:
                    cell.setToolTip(other_stores_tip(item.other_stores))
                table.setItem(row, column, cell)
        self._fit_columns()
        # Empty: one line says so (no caption over nothing), so the tab stays short.
        table.setVisible(bool(views))
        self.caption.setVisible(bool(views))
        self.empty_label.setVisible(not views)
        top = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        row = table.verticalHeader().defaultSectionSize()
        table.setMinimumHeight(top + min(len(views), ROWS_SHOWN) * row)
        table.setMaximumHeight(top + min(len(views), ROWS_AT_MOST) * row)

    def _fit_columns(self) -> None:
        has_variant = any(v.size or v.colour for v in self.views)
        narrow = self.table.width() < VARIANT_HIDE_BELOW
        self.table.setColumnHidden(VARIANT, narrow or not has_variant)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)
