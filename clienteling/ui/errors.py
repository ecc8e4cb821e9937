"""One way to show an error: a sentence saying what happened and what to do.

Known errors (`ClientelingError`) map by `code` to a translated sentence; anything else is
a bug: the user sees a short apology, the traceback goes to the log, never to the screen.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from clienteling.domain.errors import ClientelingError, HubError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def is_cancellation(exc: BaseException) -> bool:
    """Cancelling is not an error: nothing is shown (like Anki)."""
    return getattr(exc, "code", None) == "cancelled" or type(exc).__name__ in (
        "CancelledError",
        "SyncCancelled",
    )


def error_text(exc: BaseException) -> str:
    """The sentence for `exc`, in the interface language."""
    code = exc.code if isinstance(exc, ClientelingError) else None
    if code == "hub_unreachable":
        return QCoreApplication.translate(
            "Errors",
            "The hub cannot be reached. Check the network connection; your work is kept "
            "on this terminal and will be sent when the connection is back.",
        )
    if code == "hub_error" and isinstance(exc, HubError) and exc.hub_code in _ENROLLMENT_CODES:
        return _enrollment_sign_in_text(exc.hub_code)
    if code == "hub_error" and isinstance(exc, HubError):
        return QCoreApplication.translate(
            "Errors",
            "The hub reported a problem (%1). Try again in a moment; if it keeps "
            "happening, tell your manager.",
        ).replace("%1", exc.hub_code)
    if code == "sign_in_failed":
        return QCoreApplication.translate(
            "Errors", "The user name or password is wrong. Check them and try again."
        )
    if code == "session_expired":
        return QCoreApplication.translate(
            "Errors", "Your sign-in has expired. Please sign in again."
        )
    if code == "not_signed_in":
        return QCoreApplication.translate(
            "Errors", "Nobody is signed in on this terminal. Please sign in."
        )
    if code == "update_needed":
        return QCoreApplication.translate(
            "Errors",
            "The hub needs a newer version of Clienteling. Ask your manager to update "
            "this terminal.",
        )
    if code == "cache_newer":
        return QCoreApplication.translate(
            "Errors",
            "The data on this terminal was written by a newer version of Clienteling. "
            "Update the app; the data was left untouched.",
        )
    if code == "cache_corrupt":
        return QCoreApplication.translate(
            "Errors",
            "The data file on this terminal is damaged. It was left untouched; contact support.",
        )
    if code == "cache_checking":
        return QCoreApplication.translate(
            "Errors",
            "The data file on this terminal is still being checked, which takes a few "
            "seconds after start. Nothing was saved yet and nothing is lost: try again in "
            "a moment.",
        )
    if code == "cache_key":
        return QCoreApplication.translate(
            "Errors",
            "The data on this terminal is encrypted, and this computer's keyring does not "
            "hold its key. The data was left untouched; ask your IT support to restore the "
            "keyring or to reset this terminal.",
        )
    if code == "cache_in_use":
        return QCoreApplication.translate(
            "Errors",
            "Clienteling is already using the data on this terminal in another window or "
            "task. Close it, then start Clienteling again.",
        )
    if code == "keyring_unavailable":
        return (
            QCoreApplication.translate(
                "Errors",
                "This computer has no usable password store (keyring), so Clienteling "
                "cannot keep its sign-in safe; it never saves it in a plain file instead.",
            )
            + " "
            + keyring_help()
        )
    if code == "invalid_input":
        return QCoreApplication.translate(
            "Errors", "Some of what you entered is not valid. Check it and try again."
        )
    if isinstance(exc, ClientelingError):
        return QCoreApplication.translate(
            "Errors", "The action could not be completed. Try again in a moment."
        )
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong. Try again; if it keeps happening, restart the app and "
        "tell your manager.",
    )


_ENROLLMENT_CODES = frozenset({"device_not_enrolled", "device_secret_invalid", "wrong_store"})


def _enrollment_sign_in_text(hub_code: str) -> str:
    """Sign-in refused because of this terminal's enrollment (`hub.enrollment`)."""
    if hub_code == "wrong_store":
        return QCoreApplication.translate(
            "Errors",
            "This terminal is enrolled for another store. Sign in at a terminal of your store.",
        )
    if hub_code == "device_not_enrolled":
        return QCoreApplication.translate(
            "Errors",
            "This terminal is not enrolled. Restart Clienteling and enter the enrollment "
            "code from your administrator.",
        )
    return QCoreApplication.translate(
        "Errors",
        "This terminal's enrollment is no longer valid. Ask your administrator for a new "
        "enrollment code.",
    )


def keyring_help() -> str:
    """How to get a working keyring on this system."""
    if sys.platform == "darwin":
        return QCoreApplication.translate(
            "Errors",
            "Open Keychain Access and unlock the login keychain, then start Clienteling again.",
        )
    if sys.platform.startswith("win"):
        return QCoreApplication.translate(
            "Errors",
            "Make sure the Windows Credential Manager service is running, then start "
            "Clienteling again.",
        )
    return QCoreApplication.translate(
        "Errors",
        "Install and unlock a Secret Service keyring (GNOME Keyring, package "
        "gnome-keyring, or KWallet), then start Clienteling again.",
    )


def log_error(exc: BaseException) -> None:
    """Known errors are logged by code and message; bugs with their traceback."""
    if isinstance(exc, ClientelingError):
        log.info("%s: %s", exc.code, exc)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))


# Open boxes without a parent, kept until closed so Python does not collect them.
_open_boxes: set[QMessageBox] = set()


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox | None:
    """Log `exc` and tell the user in a (window-modal, non-blocking) message box.

    Cancellation shows nothing and returns None.
    """
    if is_cancellation(exc):
        return None
    log_error(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Clienteling"))
    box.setText(error_text(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box
