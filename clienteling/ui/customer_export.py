"""'Export customer data…' on the profile (managers and admins): the hub's privacy export
of the customer, saved as JSON where the manager chooses. The hub decides who may (and
audits it); the button only shows for the roles it allows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from clienteling.terminal.facade import Terminal
from clienteling.ui.errors import show_error
from clienteling.ui.operations import Pool, run_in_background

if TYPE_CHECKING:
    from clienteling.ui.main_window import MainWindow

EXPORT_ROLES = ("manager", "admin")


def install(window: MainWindow) -> None:
    """Show the profile's export button to managers and admins, and wire it."""
    session = window.terminal.session
    window.profile_view.export_button.setVisible(
        session is not None and session.role in EXPORT_ROLES
    )
    window.profile_view.export_will_start.connect(lambda cid: ask_and_export(window, cid))


def ask_and_export(window: MainWindow, customer_id: str) -> QFileDialog:
    """Ask where to save (a non-blocking dialog), then export there on a worker."""
    dialog = QFileDialog(
        window, QCoreApplication.translate("CustomerExport", "Export customer data")
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(QCoreApplication.translate("CustomerExport", "JSON files (*.json)"))
    dialog.setDefaultSuffix("json")
    dialog.selectFile(f"customer-{customer_id}.json")
    dialog.fileSelected.connect(
        lambda name: export_to(window, window.terminal, customer_id, Path(name))
    )
    dialog.open()
    return dialog


def export_to(parent: QWidget, terminal: Terminal, customer_id: str, path: Path) -> None:
    """Fetch and save on the network worker; the status bar says where it went."""

    def saved(_size: int) -> None:
        bar = getattr(parent, "statusBar", None)
        if callable(bar):
            bar().showMessage(
                QCoreApplication.translate(
                    "CustomerExport", "Customer data exported to %1"
                ).replace("%1", str(path)),
                10_000,
            )

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)

    run_in_background(
        lambda: terminal.save_customer_export(customer_id, path),
        success=saved,
        failure=failed,
        parent=parent,
        on=Pool.NETWORK,
    )
