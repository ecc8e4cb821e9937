"""Small shared widgets: badges whose colour comes from app.qss through a property, and
the search results' table set-up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget


def pick_list(view: QTableView) -> QTableView:
    """A read-only table whose rows are picked one at a time (search results)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class Badge(QLabel):
    """A rounded label; `kind` and `value` select its colours in app.qss
    (`QLabel[badge="stage"][value="loyalty"]`)."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("badge", kind)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_value(self, value: str, text: str) -> None:
        self.setProperty("value", value)
        self.setText(text)
        repolish(self)
