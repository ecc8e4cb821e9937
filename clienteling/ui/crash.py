"""The crash dialog: an exception nobody caught (in a Qt slot, on the GUI thread or on
any other thread) is logged with its traceback and shown as a sentence saying what to do,
with "Copy diagnostics", "Restart" and "Quit". The traceback is only under "Details".

Nothing is lost by a crash: notes being typed are saved as drafts while typing and every
change is in the outbox in the same transaction as the change itself, so a restart (or
even a killed process) finds both again.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QProcess, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.facade import Terminal
from clienteling.ui.diagnostics_dialog import open_diagnostics

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
EXIT_AFTER_CRASH = 70  # EX_SOFTWARE: the app stopped after an internal error


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that started this process (frozen app or Python)."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, list(sys.orig_argv[1:])


class CrashDialog(QDialog):
    restart_requested = Signal()
    quit_requested = Signal()
    diagnostics_requested = Signal()

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._closing = False
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Clienteling: unexpected problem"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(icon)
        self.message = QLabel(
            self.tr(
                "Clienteling hit an unexpected problem. Your drafts and unsent changes are "
                "saved. Restart the app; if it happens again, send the diagnostics to support."
            ),
            self,
        )
        self.message.setObjectName("crashMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        self.details_button = QToolButton(self)
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.toggled.connect(self._show_details)
        layout.addWidget(self.details_button)
        self.details = QPlainTextEdit(details, self)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.hide()
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy diagnostics"), self)
        self.restart_button = QPushButton(self.tr("Restart"), self)
        self.quit_button = QPushButton(self.tr("Quit"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restart_button.setDefault(True)
        self.copy_button.clicked.connect(self.diagnostics_requested)
        self.restart_button.clicked.connect(self.restart_requested)
        self.quit_button.clicked.connect(self.quit_requested)
        layout.addWidget(buttons)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.adjustSize()

    def reject(self) -> None:
        """Esc or the window's close button: quit, as after any crash (once: quitting
        closes every window, this one too)."""
        if not self._closing:
            self._closing = True
            self.quit_requested.emit()
        super().reject()


class CrashReporter(QObject):
    """Owns the exception hooks while installed; shows one dialog at a time."""

    crash_did_happen = Signal(str)  # the traceback (for the dialog's details)

    def __init__(
        self,
        terminal: Terminal | None,
        *,
        parent_window: Callable[[], QWidget | None] = QApplication.activeWindow,
    ) -> None:
        super().__init__()
        self.terminal = terminal
        self._parent_window = parent_window
        self.dialog: CrashDialog | None = None
        self._quitting = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        # Emitted from any thread, delivered on the GUI thread (queued across threads).
        self.crash_did_happen.connect(self._show, Qt.ConnectionType.AutoConnection)

    def install(self) -> CrashReporter:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), where="GUI thread")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), where=name)

    def report(self, info: ExcInfo, *, where: str) -> None:
        log.critical("unexpected error on %s", where, exc_info=info)
        self.crash_did_happen.emit("".join(traceback.format_exception(*info)))

    def _show(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog; the log has every traceback
        dialog = CrashDialog(details, self._parent_window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.diagnostics_requested.connect(
            lambda: open_diagnostics(self.terminal, dialog, error=details)
        )
        dialog.restart_requested.connect(self.restart)
        dialog.quit_requested.connect(self.quit)
        self.dialog = dialog
        dialog.open()

    def restart(self) -> None:
        program, arguments = restart_command()
        started, _pid = QProcess.startDetached(program, arguments, "")
        if not started:
            log.error("could not restart %s", program)
        self.quit()

    def quit(self) -> None:
        """Close every window (each keeps its drafts on close), then leave the loop."""
        app = QApplication.instance()
        if isinstance(app, QApplication) and not self._quitting:
            self._quitting = True
            app.closeAllWindows()
            app.exit(EXIT_AFTER_CRASH)


def install_crash_handler(terminal: Terminal | None) -> CrashReporter:
    """Called once at startup, after the QApplication exists."""
    return CrashReporter(terminal).install()
