"""The sync status, always visible: online or not, last sync, pending and refused
changes, and "Sync now" (F5)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from clienteling.terminal.facade import SyncStatus
from clienteling.ui.labels import local_time
from clienteling.ui.widgets import Badge


class SyncStatusBar(QStatusBar):
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.online_badge = Badge("online", self)
        self.last_sync_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.rejected_label = Badge("rejected", self)
        self.sync_button = QPushButton(self.tr("Sync now (F5)"), self)
        self.sync_button.setObjectName("syncButton")
        self.sync_button.clicked.connect(self.sync_requested)
        self.addWidget(self.online_badge)
        self.addWidget(self.last_sync_label)
        self.addPermanentWidget(self.pending_label)
        self.addPermanentWidget(self.rejected_label)
        self.addPermanentWidget(self.sync_button)
        self.status: SyncStatus | None = None
        self.show_status(
            SyncStatus(online=None, last_sync_at=None, pending=0, rejected=0, ready=False)
        )

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.online is None:
            self.online_badge.set_value("unknown", "● " + self.tr("Connecting…"))
        elif status.online:
            self.online_badge.set_value("online", "● " + self.tr("Online"))
        else:
            self.online_badge.set_value("offline", "● " + self.tr("Offline"))
        if status.last_sync_at is None:
            self.last_sync_label.setText(self.tr("Not synced yet"))
        else:
            self.last_sync_label.setText(
                self.tr("Last sync %1").replace("%1", local_time(status.last_sync_at))
            )
        self._show_counts(status.pending, status.rejected)

    def show_pending(self, pending: int, rejected: int) -> None:
        """The outbox changed (a local save, a push answered) between two sync passes."""
        if self.status is not None:
            self.status = replace(self.status, pending=pending, rejected=rejected)
        self._show_counts(pending, rejected)

    def _show_counts(self, pending: int, rejected: int) -> None:
        self.pending_label.setText(self.tr("Pending changes: %1").replace("%1", str(pending)))
        self.rejected_label.setVisible(rejected > 0)
        self.rejected_label.set_value(
            "rejected", self.tr("Refused by the hub: %1").replace("%1", str(rejected))
        )

    def set_syncing(self, syncing: bool) -> None:
        self.sync_button.setEnabled(not syncing)
