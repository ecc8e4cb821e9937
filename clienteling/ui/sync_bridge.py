"""Brings the terminal's sync callbacks (called on its own thread) onto the GUI thread.

The terminal knows nothing of Qt; it calls plain functions. These emit Qt signals from
that thread, and Qt queues the slots onto the GUI thread where the receivers live.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from clienteling.terminal.facade import SyncStatus


class SyncBridge(QObject):
    status_did_change = Signal(object)  # SyncStatus
    changes_did_apply = Signal(object)  # set[str]: the entity kinds that changed
    pending_did_change = Signal(int, int)  # outbox: pending, rejected

    def on_status(self, status: SyncStatus) -> None:
        self.status_did_change.emit(status)

    def on_changes(self, kinds: set[str]) -> None:
        self.changes_did_apply.emit(set(kinds))

    def on_pending(self, pending: int, rejected: int) -> None:
        self.pending_did_change.emit(pending, rejected)
