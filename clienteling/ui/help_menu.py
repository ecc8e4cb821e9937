"""The window's Help menu: keyboard shortcuts (F1) and "Copy diagnostics" for support."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from clienteling.terminal.facade import Terminal
from clienteling.ui.diagnostics_dialog import DiagnosticsDialog, open_diagnostics


class HelpMenu:
    """Keeps its actions, so tests and the screenshot helper can trigger them."""

    def __init__(
        self, window: QMainWindow, terminal: Terminal, *, show_shortcuts: Callable[[], object]
    ) -> None:
        self._window = window
        self._terminal = terminal
        self.dialog: DiagnosticsDialog | None = None
        self.menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
        self.menu.setObjectName("helpMenu")
        # F1 itself is the window's shortcut; the menu only names it.
        self.shortcuts_action = QAction(
            QCoreApplication.translate("HelpMenu", "Keyboard shortcuts (F1)"), window
        )
        self.shortcuts_action.triggered.connect(lambda: show_shortcuts())
        self.diagnostics_action = QAction(
            QCoreApplication.translate("HelpMenu", "Copy diagnostics…"), window
        )
        self.diagnostics_action.setObjectName("copyDiagnostics")
        self.diagnostics_action.setStatusTip(
            QCoreApplication.translate(
                "HelpMenu", "Versions, settings without passwords, sync state and recent log lines"
            )
        )
        self.diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.menu.addAction(self.shortcuts_action)
        self.menu.addSeparator()
        self.menu.addAction(self.diagnostics_action)

    def copy_diagnostics(self) -> DiagnosticsDialog:
        """Build the report, put it on the clipboard and show it (with "Save as file")."""
        self.dialog = open_diagnostics(self._terminal, self._window)
        return self.dialog
