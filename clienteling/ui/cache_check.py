"""The cache's integrity check, run on a worker after the window shows.

Checking every page of an encrypted cache takes more than a second at 50k customers,
so the desktop app opens it without that check (`Terminal(defer_integrity_check=True)`)
and runs it here, off the GUI thread. A failure leads where a failed check at open
leads: the associate is told the data file is damaged and the app closes, leaving the
file for support (the terminal has already stopped syncing, so nothing more is written).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

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


def check_cache_in_background(
    terminal: Terminal, window: QWidget, *, on_damaged: Callable[[], None]
) -> None:
    """Run the deferred integrity check (nothing when it already ran at open). On a
    damaged cache: a message over `window`, then `on_damaged()` (the app quits) once the
    associate closes it. The check runs on the network pool, which has its own cache
    connections, so searches on the database worker are not held up meanwhile."""
    if terminal.integrity_checked:
        return

    def failed(exc: BaseException) -> None:
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
        success=lambda _none: log.info("cache integrity check passed"),
        failure=failed,
        parent=window,
        on=Pool.NETWORK,
    )
