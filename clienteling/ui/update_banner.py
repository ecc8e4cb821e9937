"""The "update needed" banner: the hub refused this app's protocol. It stays until the
hub accepts the app again (terminal.update_gate), and says that work goes on."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from clienteling.terminal.facade import SyncStatus


class UpdateBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateBanner")
        self.setWordWrap(True)
        self.setText(
            self.tr(
                "This terminal needs an update to sync with the hub. You can keep working; "
                "changes are kept and will sync after the update."
            )
        )
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        self.setVisible(status.update_needed or status.error_code == "update_needed")
