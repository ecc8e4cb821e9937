"""The first sync, with progress and Cancel: the cache is empty until it completes.

The sync runs on the network worker; its progress callback (called on that thread) is
re-emitted as a signal so the bar updates on the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.facade import Terminal
from clienteling.ui.errors import error_text, is_cancellation, log_error
from clienteling.ui.operations import Pool, run_in_background


class _ProgressRelay(QObject):
    progress_did_change = Signal(object)


def _progress_numbers(progress: object) -> tuple[int, int | None]:
    """(done, total) from a SyncProgress; read by name so the UI needs no sync import."""
    done = getattr(progress, "done", None)
    if done is None:
        done = getattr(progress, "pulled", 0)
    total = getattr(progress, "total", None)
    return int(done or 0), (int(total) if total else None)


class FirstSyncDialog(QDialog):
    """`exec()` returns Accepted when the sync finished, Rejected on cancel or error."""

    sync_did_finish = Signal(bool)

    def __init__(self, terminal: Terminal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.terminal = terminal
        self.setWindowTitle(self.tr("Preparing this terminal"))
        self.setModal(True)
        self.setMinimumWidth(460)
        self._cancel = threading.Event()
        self._relay = _ProgressRelay(self)
        self._relay.progress_did_change.connect(self.show_progress)

        layout = QVBoxLayout(self)
        self.message = QLabel(
            self.tr("Downloading the customers of this store. This happens once."), self
        )
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the total is known
        layout.addWidget(self.bar)
        self.detail = QLabel(self)
        self.detail.setObjectName("progressDetail")
        layout.addWidget(self.detail)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.cancel)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        terminal, cancel, relay = self.terminal, self._cancel, self._relay
        run_in_background(
            lambda: terminal.sync_once(progress=relay.progress_did_change.emit, cancel=cancel),
            success=self._done,
            failure=self._failed,
            parent=self,
            on=Pool.NETWORK,
        )

    def exec(self) -> int:
        self.start()
        return super().exec()

    def show_progress(self, progress: object) -> None:
        done, total = _progress_numbers(progress)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.detail.setText(
                self.tr("%1 of %2 records").replace("%1", str(done)).replace("%2", str(total))
            )
        else:
            self.detail.setText(self.tr("%1 records").replace("%1", str(done)))

    def cancel(self) -> None:
        """Ask the sync to stop; the dialog closes when the worker has stopped."""
        self._cancel.set()
        self.message.setText(self.tr("Cancelling…"))
        self.buttons.setEnabled(False)

    def reject(self) -> None:
        # Escape and the window's close button cancel too; closing waits for the worker.
        if not self._cancel.is_set():
            self.cancel()

    def _done(self, _report: object) -> None:
        self.sync_did_finish.emit(not self._cancel.is_set())
        if self._cancel.is_set():
            super().reject()
        else:
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.sync_did_finish.emit(False)
        if self._cancel.is_set() or is_cancellation(exc):
            super().reject()
            return
        log_error(exc)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.message.setText(error_text(exc))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(super().reject)
