"""The follow-up composer's "offer" row: an optional single-use offer (the hub makes the
code) and an optional reserve-for-pickup link."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from clienteling.terminal.hold_views import OFFER_KINDS
from clienteling.ui.hold_labels import offer_kind_label


class OfferChoice(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.offer_combo = QComboBox(self)
        self.offer_combo.setObjectName("offerKind")
        self.offer_combo.setAccessibleName(self.tr("Offer"))
        self.offer_combo.addItem(self.tr("No offer"), "")
        for kind in OFFER_KINDS:
            self.offer_combo.addItem(offer_kind_label(kind), kind)
        self.offer_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addWidget(self.offer_combo, 1)
        self.reserve_check = QCheckBox(self.tr("Reserve-for-pickup link"), self)
        self.reserve_check.setObjectName("reserveLink")
        self.reserve_check.toggled.connect(lambda _c: self.changed.emit())
        row.addWidget(self.reserve_check)

    def offer(self) -> str | None:
        return str(self.offer_combo.currentData() or "") or None

    def reserve(self) -> bool:
        return self.reserve_check.isChecked()

    def suggest_reserve(self, template: str) -> None:
        """The "available here today" message comes with the reserve link by default."""
        self.reserve_check.setChecked(template == "cart_available")
