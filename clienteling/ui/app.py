"""Application setup (name, translators, stylesheet, font) and the desktop run loop."""

from __future__ import annotations

import logging
import signal
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from clienteling.domain.resources import resource_path
from clienteling.terminal.facade import SyncStatus, Terminal
from clienteling.ui.app_icon import app_icon
from clienteling.ui.cache_check import check_cache_in_background
from clienteling.ui.crash import install_crash_handler
from clienteling.ui.first_sync import FirstSyncDialog
from clienteling.ui.i18n import install_translators
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import run_in_background, wait_for_all
from clienteling.ui.runtime import tune_for_gui
from clienteling.ui.sign_in import SignInDialog

log = logging.getLogger(__name__)

STYLESHEET = resource_path("styles", "app.qss")
# Fonts that cover Latin with Vietnamese diacritics and Cyrillic.
FONT_FAMILIES = ("Noto Sans", "DejaVu Sans")
FONT_POINT_SIZE = 11


def create_application(argv: Sequence[str], *, lang: str | None) -> QApplication:
    """The QApplication (made once), with translators, stylesheet and font installed."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName("Clienteling")
    app.setOrganizationName("Clienteling")
    app.setApplicationDisplayName("Clienteling")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("clienteling")  # Wayland: the icon and name of clienteling.desktop
    chosen = install_translators(app, lang)
    log.info("interface language: %s", chosen)
    apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    available = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in available]
    font = QFont(app.font())
    if families:
        font.setFamilies(families)
    font.setPointSize(FONT_POINT_SIZE)
    app.setFont(font)
    try:
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet missing: %s", STYLESHEET)


def quit_on_ctrl_c(app: QApplication) -> None:
    """Ctrl+C in the console closes the app cleanly (Qt's loop never runs Python's signal
    handlers by itself, so a timer gives the interpreter a regular chance)."""
    signal.signal(signal.SIGINT, lambda _signum, _frame: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def run_desktop(terminal: Terminal, *, first_sync: bool) -> int:
    """Show the window (signing in first when needed), run the first sync with progress
    when the cache is not ready, then the event loop. Returns the exit code."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "call create_application() first"
    crash_reporter = install_crash_handler(terminal)
    if terminal.session is None:
        dialog = SignInDialog(terminal)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            crash_reporter.uninstall()
            return 1
    window = MainWindow(terminal)
    window.show()
    tune_for_gui()  # no long garbage-collection pauses later (ui.runtime)
    check_cache_in_background(terminal, window, on_damaged=app.quit)

    def begin(status: SyncStatus | None) -> None:
        if first_sync and (status is None or not status.ready):
            FirstSyncDialog(terminal, window).exec()
        window.start()
        window.reopen_last_customer()  # the last view, as it was
        window.terminal_lock.offer_pin()  # after a password sign-in, once

    run_in_background(
        terminal.status, success=begin, failure=lambda _exc: begin(None), parent=window
    )
    quit_on_ctrl_c(app)
    try:
        return app.exec()
    finally:
        crash_reporter.uninstall()
        terminal.stop_auto_sync()
        wait_for_all()
