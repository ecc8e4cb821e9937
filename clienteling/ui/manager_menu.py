"""The window's Manager menu (managers and admins only; an associate never sees it):
"Follow-ups to check" (Ctrl+Shift+O), and in the status bar how many there are as of
the last sync (counted in the cache: no network, refreshed when follow-ups change)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton, QStatusBar

from clienteling.terminal.facade import Terminal
from clienteling.ui.operations import run_in_background

log = logging.getLogger(__name__)

MANAGER_ROLES = ("manager", "admin")
CHECKS_KEYS = "Ctrl+Shift+O"


def is_manager(terminal: Terminal) -> bool:
    session = terminal.session
    return session is not None and session.role in MANAGER_ROLES


class ManagerMenu:
    """Keeps its action and the count button, so tests and screenshots can use them."""

    def __init__(
        self,
        window: QMainWindow,
        terminal: Terminal,
        status_bar: QStatusBar,
        *,
        open_checks: Callable[[], object],
    ) -> None:
        self._window = window
        self._terminal = terminal
        self.count = 0
        self.menu = window.menuBar().addMenu(QCoreApplication.translate("ManagerMenu", "&Manager"))
        self.menu.setObjectName("managerMenu")
        # The key itself is the window's shortcut; the menu only names it.
        self.checks_action = QAction(
            QCoreApplication.translate("ManagerMenu", "Follow-ups to check… (Ctrl+Shift+O)"), window
        )
        self.checks_action.setObjectName("openFollowupChecks")
        self.checks_action.setStatusTip(
            QCoreApplication.translate(
                "ManagerMenu", "Follow-ups whose sending was interrupted: say whether they went out"
            )
        )
        self.checks_action.triggered.connect(lambda: open_checks())
        self.menu.addAction(self.checks_action)
        self.count_button = QPushButton(status_bar)
        self.count_button.setObjectName("followupChecksCount")
        self.count_button.setFlat(True)
        self.count_button.setToolTip(
            QCoreApplication.translate("ManagerMenu", "Open the follow-ups to check (Ctrl+Shift+O)")
        )
        self.count_button.clicked.connect(lambda: open_checks())
        self.count_button.hide()
        status_bar.addPermanentWidget(self.count_button)
        self.show_for_session()

    def show_for_session(self) -> None:
        """Visible for managers and admins only (again after a quick switch)."""
        manager = is_manager(self._terminal)
        self.menu.menuAction().setVisible(manager)
        self.checks_action.setEnabled(manager)
        self._show_count(self.count if manager else 0)
        if manager:
            self.refresh_count()

    def refresh_count(self) -> None:
        """Count this store's follow-ups needing a check in the cache (DB worker)."""
        if not is_manager(self._terminal):
            return
        run_in_background(
            self._terminal.count_followups_to_check,
            success=self._show_count,
            failure=lambda exc: log.info("follow-ups to check not counted: %s", type(exc)),
            parent=self._window,
        )

    def _show_count(self, count: int) -> None:
        self.count = count
        self.count_button.setText(
            QCoreApplication.translate("ManagerMenu", "Follow-ups to check: %1").replace(
                "%1", str(count)
            )
        )
        self.count_button.setAccessibleName(self.count_button.text())
        self.count_button.setVisible(count > 0 and is_manager(self._terminal))
