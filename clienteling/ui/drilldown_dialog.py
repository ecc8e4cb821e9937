"""The list behind a dashboard number: the visits, follow-ups, orders or customers it counts,
newest first. Enter or a double-click on a row opens that customer's profile.

The rows come from the hub on the network pool (they are not kept offline: the dashboard's
numbers are, the lists of names are not)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clienteling.domain.metrics import Period
from clienteling.terminal.facade import Terminal
from clienteling.terminal.views import DrillDown, DrillRow
from clienteling.ui.errors import error_text, log_error
from clienteling.ui.labels import (
    contact_channel_label,
    followup_status_label,
    local_time,
    money_text,
    order_status_label,
    sales_channel_label,
    stage_label,
    template_label,
    whole_number,
)
from clienteling.ui.operations import Pool, run_in_background
from clienteling.ui.visit_labels import outcome_label, reason_label

CUSTOMER_ROLE = Qt.ItemDataRole.UserRole
WHAT_COLUMN = 3


class DrillDownDialog(QDialog):
    """One figure's rows for one store and period."""

    customer_chosen = Signal(str)
    rows_did_load = Signal()

    def __init__(
        self,
        terminal: Terminal,
        *,
        figure: str,
        key: str | None,
        title: str,
        store_id: str,
        period: Period,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.figure, self.key = figure, key
        self.store_id, self.period = store_id, period
        self.found: DrillDown | None = None
        self.setWindowTitle(title)
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self.status = QLabel(self.tr("Loading the list…"), self)
        self.status.setObjectName("drillStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        headers = [
            self.tr("When"),
            self.tr("Customer"),
            self.tr("Associate"),
            self.tr("What"),
            self.tr("Channel"),
            self.tr("Amount"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("drillTable")
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self._choose(index.row()))
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Enter or double-click opens the customer's profile."), self)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the row's customer (the table emits `activated`); it must not also
        reach QDialog, which would press Close."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    def load(self) -> None:
        terminal, figure, key = self.terminal, self.figure, self.key
        store_id, period = self.store_id, self.period
        run_in_background(
            lambda: terminal.dashboard_drilldown(
                figure=figure,
                key=key,
                start=period.start,
                end=period.end - timedelta(days=1),
                store_id=store_id,
            ),
            success=self.show_rows,
            failure=self._failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def _failed(self, exc: BaseException) -> None:
        log_error(exc)
        self.status.setText(
            self.tr("The list could not be loaded: %1").replace("%1", error_text(exc))
        )
        self.rows_did_load.emit()

    def show_rows(self, found: DrillDown) -> None:
        self.found = found
        rows = found.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [
                _when(row),
                row.customer_name or (self.tr("Anonymous visitor") if row.kind == "visit" else "—"),
                row.associate_name or "—",
                _what(row),
                _channel(row),
                "" if row.amount_minor is None else money_text(row.amount_minor, found.currency),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(CUSTOMER_ROLE, row.customer_id)
                if c == len(cells) - 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        for c in range(self.table.columnCount()):
            # A list of visits has no channel or amount: no empty columns.
            self.table.setColumnHidden(c, bool(rows) and _column_is_empty(self.table, c))
        if not rows:
            self.status.setText(self.tr("Nothing to list for this period."))
        elif found.total > len(rows):
            self.status.setText(
                self.tr("The newest %1 of %2.")
                .replace("%1", whole_number(len(rows)))
                .replace("%2", whole_number(found.total))
            )
        else:
            self.status.setText(self.tr("%1 in all.").replace("%1", whole_number(found.total)))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rows_did_load.emit()

    def _choose(self, row: int) -> None:
        item = self.table.item(row, 0)
        customer_id = item.data(CUSTOMER_ROLE) if item is not None else None
        if customer_id:
            self.customer_chosen.emit(str(customer_id))


def _column_is_empty(table: QTableWidget, column: int) -> bool:
    for row in range(table.rowCount()):
        item = table.item(row, column)
        if item is not None and item.text():
            return False
    return True


def _when(row: DrillRow) -> str:
    if not row.at:
        return "—"
    return local_time(datetime.fromisoformat(row.at))


def _what(row: DrillRow) -> str:
    code = row.code or ""
    if row.kind == "visit":
        text = outcome_label(code)
        return f"{text} · {reason_label(row.detail)}" if row.detail else text
    if row.kind == "followup":
        return f"{template_label(row.detail or '')} · {followup_status_label(code)}"
    if row.kind == "order":
        return order_status_label(code, channel=row.channel or "web")
    return stage_label(code)


def _channel(row: DrillRow) -> str:
    if not row.channel:
        return ""
    if row.kind == "followup":
        return contact_channel_label(row.channel)
    return sales_channel_label(row.channel)


def period_of(board_start: str, board_end: str) -> Period:
    """The dashboard's period (ISO days, end exclusive) as the drill-down asks for it."""
    return Period(date.fromisoformat(board_start), date.fromisoformat(board_end))
