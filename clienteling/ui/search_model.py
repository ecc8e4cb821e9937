"""The table models behind the search results: the cache's (name, phone, email, card,
stage) and the hub's (customers found on the hub, with their home store)."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from clienteling.domain.phones import display
from clienteling.terminal.views import CustomerHit, HubHit
from clienteling.ui.labels import stage_label

Index = QModelIndex | QPersistentModelIndex
_Hit = TypeVar("_Hit")

# Stage colours, the same family as the badges in app.qss.
STAGE_COLOURS = {
    "acquisition": "#2f6db5",
    "trial": "#6a4fb3",
    "loyalty": "#2e7d4f",
    "retention": "#b26a00",
    "recovery": "#b23a3a",
}


class _HitsTable(QAbstractTableModel, Generic[_Hit]):
    """Rows of hits, one per row; subclasses say the columns (`_headers`, `_text`)."""

    def __init__(self) -> None:
        super().__init__()
        self._hits: list[_Hit] = []

    def set_hits(self, hits: list[_Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> _Hit:
        return self._hits[row]

    def hits(self) -> list[_Hit]:
        return list(self._hits)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[section]


class HitsModel(_HitsTable[CustomerHit]):
    NAME, PHONE, EMAIL, CARD, STAGE = range(5)

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Email"),
            self.tr("Card"),
            self.tr("Stage"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return hit.display_name
            if column == self.PHONE:
                return display(hit.phone) if hit.phone else ""
            if column == self.EMAIL:
                return hit.email or ""
            if column == self.CARD:
                return hit.loyalty_card or ""
            return stage_label(hit.lifecycle_stage)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NAME and hit.city:
            return hit.city
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STAGE:
            return QColor(STAGE_COLOURS.get(hit.lifecycle_stage, "#444444"))
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        return None


class HubHitsModel(_HitsTable[HubHit]):
    """Customers the hub found that this terminal does not hold, with their home store."""

    NAME, STORE, PHONE, EMAIL, CARD = range(5)

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Home store"),
            self.tr("Phone"),
            self.tr("Email"),
            self.tr("Card"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return hit.display_name
            if column == self.STORE:
                if hit.own_store:
                    return self.tr("This store")
                return hit.store_name or hit.home_store_id
            if column == self.PHONE:
                return display(hit.phone) if hit.phone else ""
            if column == self.EMAIL:
                return hit.email or ""
            return hit.loyalty_card or ""
        if role == Qt.ItemDataRole.UserRole:
            return hit.id
        return None
