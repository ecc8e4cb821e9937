"""Product and stock lookup (F3 or Ctrl+I): find a product by name, SKU or a scanned
barcode and see its one price and what can be sold now (on hand minus reserved) in this
store, in the other stores (nearest first, with the distance) and in the web warehouse,
and what is on its way when the hub knows, as last synced.

A scanner types the barcode and Enter: the product opens at once. Typed words list the
matches as you type; Down walks them, Enter opens one. Works offline (the catalogue is in
the cache). Every terminal call runs on the DB worker.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import LocationStock, ProductHit, ProductStock
from clienteling.ui.labels import (
    distance_text,
    incoming_cell,
    incoming_text,
    money_text,
    variant_sentence,
    variant_text,
)
from clienteling.ui.operations import run_in_background

SEARCH_DEBOUNCE_MS = 150
# The stock table's columns.
STOCK_COLUMNS = ("location", "distance", "available", "on_hand", "reserved", "incoming")
STOCK_DISTANCE = STOCK_COLUMNS.index("distance")
STOCK_AVAILABLE = STOCK_COLUMNS.index("available")
STOCK_INCOMING = STOCK_COLUMNS.index("incoming")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class InventoryDialog(QDialog):
    products_did_show = Signal(str)  # the query the listed products answer
    stock_did_show = Signal(str)  # product id

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.shown: ProductStock | None = None
        self._hits: list[ProductHit] = []
        self._search_seq = 0
        self._shown_query: str | None = None
        self._open_when_shown = False
        self.setWindowTitle(self.tr("Products and stock"))
        self.resize(960, 640)
        self._build()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run_search)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search")
        self.search_box.setAccessibleName(self.tr("Find a product"))
        self.search_box.setPlaceholderText(self.tr("Product name, SKU or scan a barcode  (F3)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textEdited.connect(self._query_did_change)
        self.search_box.installEventFilter(self)
        layout.addWidget(self.search_box)

        self.results = QTableWidget(0, 5, self)
        self.results.setObjectName("productResults")
        self.results.setAccessibleName(self.tr("Matching products"))
        self.results.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Size / colour"),
                self.tr("SKU"),
                self.tr("Price"),
                self.tr("Here"),
            ]
        )
        self.results.verticalHeader().setVisible(False)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAlternatingRowColors(True)
        self.results.setShowGrid(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.results.setFixedHeight(200)
        self.results.installEventFilter(self)
        self.results.cellActivated.connect(lambda row, _col: self._open_row(row))
        self.results.cellClicked.connect(lambda row, _col: self._open_row(row))
        layout.addWidget(self.results)

        self.hint = QLabel(
            self.tr("Scan a barcode, or type a few letters of the name or the SKU."), self
        )
        self.hint.setObjectName("emptyHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.detail = QWidget(self)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        names = QVBoxLayout()
        self.name_label = QLabel(self.detail)
        self.name_label.setObjectName("productName")
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        names.addWidget(self.name_label)
        self.codes_label = QLabel(self.detail)
        self.codes_label.setObjectName("factCaption")
        self.codes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        names.addWidget(self.codes_label)
        self.variant_label = QLabel(self.detail)
        self.variant_label.setObjectName("productVariant")
        self.variant_label.setAccessibleName(self.tr("Size and colour"))
        self.variant_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.variant_label.hide()
        names.addWidget(self.variant_label)
        top.addLayout(names, 1)
        self.price_label = QLabel(self.detail)
        self.price_label.setObjectName("productPrice")
        self.price_label.setToolTip(self.tr("The same price in store and online"))
        top.addWidget(self.price_label, 0, Qt.AlignmentFlag.AlignTop)
        detail.addLayout(top)
        self.summary_label = QLabel(self.detail)
        self.summary_label.setObjectName("cartSummary")
        self.summary_label.setWordWrap(True)
        detail.addWidget(self.summary_label)
        self.stock_table = QTableWidget(0, len(STOCK_COLUMNS), self.detail)
        self.stock_table.setObjectName("stockTable")
        self.stock_table.setAccessibleName(self.tr("Stock per location"))
        self.stock_table.setHorizontalHeaderLabels(
            [
                self.tr("Location"),
                self.tr("Distance"),
                self.tr("Available"),
                self.tr("On hand"),
                self.tr("Reserved"),
                self.tr("Incoming"),
            ]
        )
        for column, tip in (
            (STOCK_DISTANCE, self.tr("From this store, as the crow flies")),
            (STOCK_INCOMING, self.tr("On its way, and the day it is expected")),
        ):
            header_item = self.stock_table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        self.stock_table.verticalHeader().setVisible(False)
        self.stock_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.stock_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.stock_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stock_table.setAlternatingRowColors(True)
        self.stock_table.setShowGrid(False)
        stock_header = self.stock_table.horizontalHeader()
        stock_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        stock_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        detail.addWidget(self.stock_table, 1)
        self.detail.hide()
        layout.addWidget(self.detail, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        layout.addWidget(buttons)

    # -- searching ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, query: str) -> None:
        """Type `query` into the box and search at once (scripts and screenshots)."""
        self.search_box.setText(query)
        self._run_search()

    def refresh(self) -> None:
        """After a sync: the same matches and the same product, with the new numbers."""
        shown = self.shown.product.id if self.shown else None
        if self._shown_query:
            self._run_search()
        if shown is not None:
            self.open_product(shown)

    def _query_did_change(self, _text: str) -> None:
        self._open_when_shown = False
        self._debounce.start()

    def _run_search(self) -> None:
        self._debounce.stop()
        query = self.search_box.text().strip()
        self._search_seq += 1
        seq = self._search_seq
        if not query:
            self._show_hits(seq, query, [])
            return
        terminal = self.terminal
        run_in_background(
            lambda: terminal.find_products(query, limit=50),
            success=lambda hits: self._show_hits(seq, query, hits),
            parent=self,
        )

    def _show_hits(self, seq: int, query: str, hits: list[ProductHit]) -> None:
        if seq != self._search_seq:
            return  # an older query answered late
        selected = self.results.currentRow()
        keep = self._hits[selected].id if 0 <= selected < len(self._hits) else None
        self._shown_query = query
        self._hits = hits
        self.results.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            if hit.stock_here is None:
                here = "—"
            else:
                here = str(hit.stock_here) if hit.stock_here > 0 else self.tr("none")
                if hit.stock_here <= 0 and hit.incoming_here is not None:
                    coming = incoming_text(hit.incoming_here.units, hit.incoming_here.on)
                    here = f"{here} · {coming}"
            cells = [
                hit.name,
                variant_text(hit.size, hit.colour),
                hit.sku,
                money_text(hit.price_minor, hit.currency),
                here,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column >= 3:
                    cell.setTextAlignment(_RIGHT)
                self.results.setItem(row, column, cell)
        # The size/colour column only when a match has one (laptops have neither).
        self.results.setColumnHidden(1, not any(hit.size or hit.colour for hit in hits))
        if hits:
            ids = [hit.id for hit in hits]
            self.results.selectRow(ids.index(keep) if keep in ids else 0)
            self.hint.hide()
        elif query:
            self.hint.setText(self.tr("No product matches “%1”.").replace("%1", query))
            self.hint.setVisible(self.shown is None)
        self.products_did_show.emit(query)
        if self._open_when_shown:
            self._open_when_shown = False
            self._enter_on_hits()

    def _search_enter(self) -> None:
        """Enter in the box: a scanner's barcode opens its product; typed words open the
        best match. A scanner types faster than the debounce: wait for this very text."""
        text = self.search_box.text().strip()
        if not text:
            return
        if self._debounce.isActive() or self._shown_query != text:
            self._open_when_shown = True
            self._run_search()
            return
        self._enter_on_hits()

    def _enter_on_hits(self) -> None:
        if self._hits:
            self._open_row(0)
            self.focus_search()  # ready for the next scan

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            self.open_product(self._hits[row].id)

    # -- showing ------------------------------------------------------------------------

    def open_product(self, product_id: str) -> None:
        terminal = self.terminal
        run_in_background(
            lambda: terminal.product_stock(product_id),
            success=lambda found: self._show_stock(product_id, found),
            parent=self,
        )

    def _show_stock(self, product_id: str, found: ProductStock | None) -> None:
        self.shown = found
        if found is None:
            self.detail.hide()
            return
        product = found.product
        self.hint.hide()
        self.name_label.setText(product.name)
        self.codes_label.setText(
            self.tr("%1 · %2 · SKU %3 · barcode %4")
            .replace("%1", product.brand)
            .replace("%2", product.category)
            .replace("%3", product.sku)
            .replace("%4", product.barcode)
        )
        variant = variant_sentence(product.size, product.colour)
        self.variant_label.setText(variant)
        self.variant_label.setVisible(bool(variant))
        self.price_label.setText(money_text(product.price_minor, product.currency))
        here = found.here.available if found.here else 0
        summary = (
            self.tr("%1 here · %2 in other stores · %3 online")
            .replace("%1", str(here))
            .replace("%2", str(found.available_elsewhere))
            .replace("%3", str(found.available_online))
        )
        coming = found.here.incoming if found.here else None
        if coming is not None:  # "0 here · … · incoming: 5 on 12 Dec": when it is back
            summary = f"{summary} · {incoming_text(coming.units, coming.on)}"
        self.summary_label.setText(summary)
        rows: list[tuple[str, LocationStock | None, bool]] = [
            (self.tr("This store"), found.here, True)
        ]
        rows += [(s.name, s, False) for s in found.other_stores]
        rows += [(self.tr("Web warehouse (%1)").replace("%1", s.name), s, False) for s in found.web]
        self.stock_table.setRowCount(len(rows))
        for row, (name, stock, bold) in enumerate(rows):
            if stock is not None and bold:
                name = f"{name} — {stock.name}"
            coming = stock.incoming if stock is not None else None
            cells = [name] + (
                [
                    distance_text(stock.distance_km) if stock.kind == "store" else "",
                    str(stock.available),
                    str(stock.on_hand),
                    str(stock.reserved),
                    incoming_cell(coming.units, coming.on) if coming else "",
                ]
                if stock is not None
                else ["", "—", "—", "—", ""]
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(_RIGHT)
                if bold:
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                if column == STOCK_AVAILABLE and stock is not None:
                    cell.setData(Qt.ItemDataRole.UserRole, stock.available)
                if column == STOCK_DISTANCE and stock is not None:
                    cell.setData(Qt.ItemDataRole.UserRole, stock.distance_km)
                if column == STOCK_INCOMING and coming is not None:
                    cell.setToolTip(incoming_text(coming.units, coming.on))
                self.stock_table.setItem(row, column, cell)
        self.detail.show()
        self.stock_did_show.emit(product_id)

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched is self.search_box and enter:
                self._search_enter()
                return True
            if watched is self.search_box and key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()  # Esc clears the box before it closes the lookup
                self._query_did_change("")
                return True
            if watched is self.search_box and key == Qt.Key.Key_Down and self._hits:
                self.results.setFocus()
                self.results.selectRow(0)
                return True
            if watched is self.results and enter:
                self._open_row(self.results.currentRow())
                return True
            if watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)


def open_inventory(terminal: Terminal, *, parent: QWidget) -> InventoryDialog:
    """Open the lookup (modeless: the associate keeps it beside the profile)."""
    dialog = InventoryDialog(terminal, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.activateWindow()
    dialog.focus_search()
    return dialog
