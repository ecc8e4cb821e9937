""" "Copy diagnostics" (Help menu, crash dialog): the report of terminal.diagnostics is
built on a worker, put on the clipboard at once, shown, and can be saved as a file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Signal, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clienteling.terminal.diagnostics import build_report
from clienteling.terminal.facade import Terminal
from clienteling.ui.operations import run_in_background


def qt_versions() -> dict[str, str]:
    """What only the UI knows: the Qt library in use and the platform plugin."""
    return {
        "Qt": qVersion(),
        "PySide6 (runtime)": pyside_version,
        "Qt platform": QGuiApplication.platformName(),
    }


def copy_to_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


class DiagnosticsDialog(QDialog):
    report_did_copy = Signal()

    def __init__(
        self, terminal: Terminal | None, parent: QWidget | None = None, *, error: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Diagnostics for support"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.status_label = QLabel(self.tr("Collecting the diagnostics…"), self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("diagnosticsText")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy again"), self)
        self.save_button = QPushButton(self.tr("Save as file…"), self)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        for button in (self.copy_button, self.save_button):
            button.setEnabled(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self._ask_where_to_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.report = ""
        extra = qt_versions()
        run_in_background(
            lambda: build_report(terminal=terminal, extra=extra, error=error),
            success=self._show_report,
            parent=self,
        )

    def _show_report(self, report: str) -> None:
        self.report = report
        self.text.setPlainText(report)
        self.copy_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.copy()

    def copy(self) -> None:
        copy_to_clipboard(self.report)
        self.status_label.setText(
            self.tr(
                "The diagnostics are on the clipboard: paste them into your message to "
                "support. They hold no passwords and no customer data."
            )
        )
        self.report_did_copy.emit()

    def save(self, path: Path) -> None:
        path.write_text(self.report, encoding="utf-8")
        self.status_label.setText(self.tr("Saved to %1.").replace("%1", str(path)))

    def _ask_where_to_save(self) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the diagnostics"),
            str(Path.home() / f"clienteling-diagnostics-{stamp}.txt"),
            self.tr("Text files (*.txt)"),
        )
        if not name:
            return
        try:
            self.save(Path(name))
        except OSError:
            self.status_label.setText(
                self.tr("The file could not be saved. Choose another folder.")
            )


def open_diagnostics(
    terminal: Terminal | None, parent: QWidget | None, *, error: str | None = None
) -> DiagnosticsDialog:
    dialog = DiagnosticsDialog(terminal, parent, error=error)
    dialog.open()
    return dialog
