"""A revoked terminal, as the associate sees it.

While changes are still unsent the data stays and a banner says why (`RevokedBanner`).
Once the terminal has pushed and wiped (`Terminal.wipe_local_data`), the window goes
and the associate is back at sign-in: `return_to_sign_in` is the one place that decides
where "signed out" leads: the first-run wizard, to enroll again.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from clienteling.terminal.facade import SyncStatus
from clienteling.ui.first_run import FirstRunWizard

if TYPE_CHECKING:
    from clienteling.ui.main_window import MainWindow

log = logging.getLogger(__name__)

WIPED = "device_wiped"
REVOKED = "device_revoked"

# Dialogs and windows opened here, kept until closed so Python does not collect them.
_kept: set[QWidget] = set()


class RevokedBanner(QLabel):
    """Shown while the hub refuses this revoked terminal's unsent changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        if status.error_code != REVOKED:
            self.hide()
            return
        self.setText(
            self.tr(
                "An administrator revoked this terminal. %1 changes could not be sent yet, so "
                "the customer data stays on this terminal until they are. Keep it connected "
                "to the hub, or ask an administrator to wipe it without sending them."
            ).replace("%1", str(status.pending))
        )
        self.show()


def handle_status(window: MainWindow, status: SyncStatus) -> bool:
    """React to a wiped terminal (True when the window is going away)."""
    if status.error_code != WIPED or window.terminal.session is not None:
        return False
    return_to_sign_in(window)
    return True


def return_to_sign_in(window: MainWindow) -> FirstRunWizard:
    """The terminal was wiped: drop the window without writing anything back (no draft,
    no profile), say what happened, and start over with enrollment (the first-run wizard,
    on the same hub: an administrator's new code, then sign-in); a new window follows,
    cancelling quits the app."""
    from clienteling.ui.main_window import MainWindow

    terminal = window.terminal
    log.warning("terminal wiped after revocation: back to enrollment")
    terminal.stop_auto_sync()
    window.profile_view.set_note_text("")
    window.profile_view.show_profile(None)
    window.hide()
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Revoked", "Terminal revoked"),
        "",
        parent=None,
    )
    box.setText(
        QCoreApplication.translate(
            "Revoked",
            "An administrator revoked this terminal, so the customer data on it was "
            "removed. To use it again, enroll it with a new code from an administrator "
            "and sign in.",
        )
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    # The same terminal, on its own hub: the address is shown, not changed here.
    wizard = FirstRunWizard(open_terminal=lambda _url: terminal, terminal=terminal)
    wizard.hub_page.url_edit.setReadOnly(True)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    for widget in (box, wizard):
        _kept.add(widget)
        widget.destroyed.connect(lambda _obj=None, w=widget: _kept.discard(w))

    def enrolled() -> None:
        wizard.terminal = None  # the window's terminal now: not the wizard's to close
        fresh = MainWindow(terminal)
        fresh.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _kept.add(fresh)
        fresh.destroyed.connect(lambda _obj=None: _kept.discard(fresh))
        fresh.show()
        fresh.start()
        window.close()

    def cancelled() -> None:
        wizard.terminal = None
        window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    wizard.finished.connect(
        lambda result: enrolled() if result == QDialog.DialogCode.Accepted else cancelled()
    )
    box.open()
    wizard.open()
    return wizard
