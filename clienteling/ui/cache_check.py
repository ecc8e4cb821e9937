"""The cache's integrity check, which runs on a worker while the window shows.

Checking every page of an encrypted cache takes more than a second at 50k customers,
so the desktop app opens it without that check (`Terminal(defer_integrity_check=True)`);
the terminal runs it on a thread of its own and holds every write until it passes (a note
saved meanwhile is written right after). Here the window says so in its status bar and
learns the verdict. A failure leads where a failed check at open leads: the associate is
told the data file is damaged and the app closes, leaving the file for support (nothing
more is written to it: the terminal refuses every write and has stopped syncing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from clienteling.domain.errors import CacheCorruptError
from clienteling.terminal.facade import Terminal
from clienteling.ui.operations import Pool, run_in_background

log = logging.getLogger(__name__)


def damaged_cache_text() -> str:
    return QCoreApplication.translate(
        "CacheCheck",
        "The data file on this terminal is damaged. Clienteling closes now and writes "
        "nothing more to it, so that support can recover the changes not yet sent. "
        "Contact support before starting Clienteling again.",
    )


def checking_text() -> str:
    return QCoreApplication.translate("CacheCheck", "Checking the data file…")


def check_cache_in_background(
    terminal: Terminal, window: QWidget, *, on_damaged: Callable[[], None]
) -> None:
    """Wait for the deferred integrity check (nothing when it already ran at open),
    showing "Checking the data file…" in `window`'s status bar meanwhile. On a damaged
    cache: a message over `window`, then `on_damaged()` (the app quits) once the
    associate closes it. The wait sits on the network pool, so searches on the database
    worker are not held up meanwhile."""
    if terminal.integrity_checked:
        return
    status_bar = window.statusBar() if isinstance(window, QMainWindow) else None
    if status_bar is not None:
        status_bar.showMessage(checking_text())

    def done() -> None:
        if status_bar is not None and status_bar.currentMessage() == checking_text():
            status_bar.clearMessage()

    def passed(_none: None) -> None:
        done()
        log.info("cache integrity check passed")

    def failed(exc: BaseException) -> None:
        done()
        if not isinstance(exc, CacheCorruptError):
            log.warning("the cache integrity check could not run: %s", exc)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Clienteling",
            damaged_cache_text(),
            QMessageBox.StandardButton.Close,
            window,
        )
        box.setObjectName("damagedCacheMessage")
        box.setAccessibleName(QCoreApplication.translate("CacheCheck", "Damaged data file"))
        box.finished.connect(lambda _result: on_damaged())
        box.open()

    run_in_background(
        terminal.check_cache_integrity,
        success=passed,
        failure=failed,
        parent=window,
        on=Pool.NETWORK,
    )
