"""Locking the main window: by hand (Ctrl+Shift+K, the lock button), after a while without
keyboard or mouse input, and when the OS screen locks.

Locked, the window shows only the lock screen: its content is taken out of the window
(not covered), every other window of the app (dialogs, the dashboard, the F1 overlay) is
hidden with what was typed in it, the title names no one, and the window's shortcuts are
off. Unlocking puts everything back where it was, for whoever unlocked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from clienteling.terminal.facade import Session
from clienteling.terminal.settings import TerminalSettings
from clienteling.ui.first_sync import FirstSyncDialog
from clienteling.ui.lock_screen import LockScreen, PinDialog
from clienteling.ui.operations import run_in_background
from clienteling.ui.pin_offer import PinOfferDialog
from clienteling.ui.screen_lock_signal import ScreenLockWatch

if TYPE_CHECKING:
    from clienteling.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LOCK_KEYS = "Ctrl+Shift+K"
# What counts as someone at the terminal (a scanner types keys, so a scan counts too).
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


def idle_ms_from_settings() -> int:
    """`lock_after_minutes` of the terminal's settings, in milliseconds (0: never)."""
    try:
        minutes = TerminalSettings().lock_after_minutes
    except ValueError:  # a bad value in the file: the safe default, not no lock at all
        minutes = TerminalSettings.model_fields["lock_after_minutes"].default
    return max(0, round(minutes * 60_000))


def _belongs_to(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` is one of `window`'s dialogs or windows (not another app window)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


class TerminalLock(QObject):
    lock_did_engage = Signal()
    lock_did_release = Signal(str)  # the associate now active

    def __init__(self, window: MainWindow, *, idle_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        self._hidden_windows: list[QWidget] = []
        self._disabled: list[QShortcut | QAction] = []
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self.set_idle_timeout(idle_ms_from_settings() if idle_ms is None else idle_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.screen_watch = ScreenLockWatch(self)
        self.screen_watch.screen_did_lock.connect(self.lock)

        shortcut = QShortcut(QKeySequence(LOCK_KEYS), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.lock)
        self.shortcut = shortcut
        window.shortcut_table.insert(-4, (LOCK_KEYS, self.tr("Lock the terminal")))
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+Shift+K)"), window)
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        self.pin_button = QPushButton(self.tr("My PIN…"), window)
        self.pin_button.setObjectName("pinButton")
        self.pin_button.setToolTip(self.tr("Choose a PIN to unlock and switch quickly"))
        self.pin_button.clicked.connect(self.choose_pin)
        window.status_bar.addPermanentWidget(self.pin_button)
        window.status_bar.addPermanentWidget(self.lock_button)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def set_idle_timeout(self, ms: int) -> None:
        """Lock after `ms` without input (0: never)."""
        self._idle_ms = ms
        self._idle.stop()
        if ms > 0 and not self.locked:
            self._idle.start(ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._idle_ms > 0 and not self.locked and event.type() in ACTIVITY:
            self._idle.start(self._idle_ms)
        return False

    # -- locking ------------------------------------------------------------------------

    def lock(self) -> None:
        """Hide every customer datum now; idempotent."""
        window = self.window
        if self.locked or not shiboken6.isValid(window) or not window.isVisible():
            return  # a closed window shows nothing (and its terminal may be closed too)
        self._idle.stop()
        window.profile_view.flush_note_draft()
        for widget in QApplication.topLevelWidgets():
            # The first sync's progress shows no customer and runs its own event loop,
            # which hiding would end: it stays, modal over the lock screen.
            if (
                widget is not window
                and widget.isVisible()
                and _belongs_to(widget, window)
                and not isinstance(widget, FirstSyncDialog)
            ):
                widget.hide()  # a dialog keeps what was typed; it comes back at unlock
                self._hidden_windows.append(widget)
        keys: list[QShortcut | QAction] = [
            *window.findChildren(QShortcut),
            *(a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()),
        ]
        for item in keys:
            if item.isEnabled():
                item.setEnabled(False)
                self._disabled.append(item)
        self._content = window.takeCentralWidget()
        screen = LockScreen(window.terminal, window)
        screen.unlock_did_succeed.connect(self._unlocked)
        window.setCentralWidget(screen)
        self.screen = screen
        window.setWindowTitle(self.tr("Clienteling — locked"))
        self.lock_button.hide()
        self.pin_button.hide()
        screen.load()
        log.info("terminal locked")
        self.lock_did_engage.emit()

    def _unlocked(self, session: Session) -> None:
        window = self.window
        screen, self.screen = self.screen, None
        if screen is None:
            return
        window.takeCentralWidget()
        screen.deleteLater()
        if self._content is not None:
            window.setCentralWidget(self._content)
            self._content.show()  # at once, not when the layout gets round to it
            self._content = None
        for item in self._disabled:
            if shiboken6.isValid(item):
                item.setEnabled(True)
        self._disabled = []
        window.refresh_session()
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget) and widget is not window.dashboard:
                widget.show()
        if window.dashboard is not None and window.dashboard in self._hidden_windows:
            window.open_dashboard()  # again only if the one unlocking may see it
        self._hidden_windows = []
        self.lock_button.show()
        self.pin_button.show()
        self.set_idle_timeout(self._idle_ms)
        window.focus_search()
        log.info("terminal unlocked by associate %s", session.associate_id)
        self.lock_did_release.emit(session.associate_id)
        self.offer_pin()  # when they came back with their password and have no PIN

    # -- PIN ----------------------------------------------------------------------------

    def offer_pin(self) -> None:
        """Right after a password sign-in: ask once whether to set a PIN (nothing when
        `Terminal.take_pin_offer` says no: a PIN already, "not now" before, no sign-in)."""
        terminal = self.window.terminal
        run_in_background(terminal.take_pin_offer, success=self._offer_if_due, parent=self.window)

    def _offer_if_due(self, due: bool) -> None:
        if not due or self.locked:
            return
        dialog = PinOfferDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.choose_pin)
        terminal = self.window.terminal
        dialog.rejected.connect(
            lambda: run_in_background(
                terminal.decline_pin_offer, success=lambda _none: None, parent=self.window
            )
        )
        self.pin_offer_dialog = dialog
        dialog.open()

    def choose_pin(self) -> PinDialog | None:
        if self.locked or self.window.terminal.session is None:
            return None
        dialog = PinDialog(self.window.terminal, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.pin_dialog = dialog
        dialog.open()
        return dialog
