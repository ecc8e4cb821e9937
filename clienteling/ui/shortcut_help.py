"""The F1 overlay: every keyboard shortcut of the main window and what it does, so the
counter workflow can be learned without a manual."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

MIN_WIDTH, MAX_WIDTH = 660, 1000
CELL_PADDING = 16  # a cell's margins and the grid, per side, as the style draws them


class ShortcutHelp(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Everything at the counter works from the keyboard; the search box always "
                "gets the focus back, ready for the next scan."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, does) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(does))
        # Every line whole in every language (Vietnamese ones run long): the dialog is as
        # wide as the longest line needs, up to MAX_WIDTH.
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        metrics = self.table.fontMetrics()
        keys_width = max((metrics.horizontalAdvance(k) for k, _ in rows), default=0)
        does_width = max((metrics.horizontalAdvance(d) for _, d in rows), default=0)
        needed = keys_width + does_width + CELL_PADDING * 4 + self.table.frameWidth() * 2
        self.setMinimumWidth(min(MAX_WIDTH, max(MIN_WIDTH, needed)))
        self.table.setMinimumHeight(
            self.table.horizontalHeader().height() + 30 * max(1, len(rows)) + 4
        )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def keys(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]  # type: ignore[union-attr]
