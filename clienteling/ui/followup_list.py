"""The profile's follow-ups tab: what was sent (or is waiting) and how it went, with a
button to compose a new one (Ctrl+F)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.followup_views import FollowupView
from clienteling.ui.labels import (
    contact_channel_label,
    followup_status_label,
    local_time,
    template_label,
)


class FollowupList(QWidget):
    compose_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.compose_button = QPushButton(self.tr("Send a follow-up (Ctrl+F)"), self)
        self.compose_button.setObjectName("composeFollowup")
        self.compose_button.clicked.connect(self.compose_requested)
        row.addWidget(self.compose_button)
        layout.addLayout(row)

    def select(self, followup_id: str) -> bool:
        """Select and show the follow-up `followup_id`; False when it is not listed."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == followup_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                self.list.setFocus()
                return True
        return False

    def show_followups(self, followups: list[FollowupView]) -> None:
        self.list.clear()
        if not followups:
            self.list.addItem(self.tr("No follow-up yet."))
        for followup in followups:
            status = followup_status_label(followup.status)
            if followup.pending:
                status += "   " + self.tr("[pending sync]")
            head = (
                f"{template_label(followup.template)} · "
                f"{contact_channel_label(followup.channel)} · {status}"
            )
            lines = [head]
            if followup.product_names:  # "": a pick no longer sold that nothing here names
                gone = self.tr("a product no longer sold")
                lines.append(", ".join(name or gone for name in followup.product_names))
            if followup.personal_line:
                lines.append(f"“{followup.personal_line}”")
            lines.append(f"— {followup.associate_name}, {local_time(followup.created_at)}")
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, followup.id)
            item.setToolTip(followup.status_reason or "")
            self.list.addItem(item)
