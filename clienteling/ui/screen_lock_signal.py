"""The OS screen lock as a signal: when the desktop locks (Win+L, Super+L, lid closed),
the terminal locks too, so an unlocked desktop never shows the last customer.

Linux: the freedesktop `ScreenSaver.ActiveChanged(bool)` D-Bus signal (and GNOME's twin
`org.gnome.ScreenSaver`) on the session bus; without a session bus this does nothing.
Windows: the WTS session notification (`WTSRegisterSessionNotification` on a hidden
window of ours, `WM_WTSSESSION_CHANGE` / `WTS_SESSION_LOCK` read by a native event
filter; `ui.windows_session`, only imported there). macOS would need the
`com.apple.screenIsLocked` distributed notification through pyobjc, which we do not
ship (packaging/README.md); there the inactivity lock still applies.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import SLOT, QCoreApplication, QObject, Signal, Slot
from PySide6.QtGui import QWindow

log = logging.getLogger(__name__)

SCREENSAVER_INTERFACES = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),  # KDE exports it here too
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class ScreenLockWatch(QObject):
    """Emits `screen_did_lock` when the OS screen saver / lock becomes active."""

    screen_did_lock = Signal()

    def __init__(self, parent: QObject | None = None, *, bus: object | None = None) -> None:
        """`bus`: a `QDBusConnection` (tests pass a private bus); default the session bus."""
        super().__init__(parent)
        self.listening = False
        if sys.platform == "win32":
            self._follow_windows_session()
            return
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus (Windows, macOS)
            return
        connection = bus if isinstance(bus, QDBusConnection) else QDBusConnection.sessionBus()
        if not connection.isConnected():
            log.debug("no D-Bus session bus: the OS screen lock is not followed")
            return
        self._bus = connection
        for path, interface in SCREENSAVER_INTERFACES:
            # The stubs say bytes; PySide6 takes the SLOT() string at run time.
            slot = SLOT("active_changed(bool)")
            if connection.connect("", path, interface, "ActiveChanged", self, slot):  # type: ignore[call-overload]
                self.listening = True
        log.debug("following the OS screen lock: %s", self.listening)

    def _follow_windows_session(self) -> None:
        """A hidden native window receives the session messages; the filter on the
        application sees them (Qt passes every message of its windows to it)."""
        from clienteling.ui import windows_session

        app = QCoreApplication.instance()
        if app is None:
            return
        self._session_window = QWindow()  # never shown; winId() creates its HWND
        hwnd = int(self._session_window.winId())
        if not windows_session.register_session_notification(hwnd):
            return
        self._session_filter = windows_session.SessionLockFilter(self._windows_session_locked)
        app.installNativeEventFilter(self._session_filter)
        self.destroyed.connect(
            lambda _obj=None, h=hwnd: windows_session.unregister_session_notification(h)
        )
        self.listening = True
        log.debug("following the Windows session lock")

    def _windows_session_locked(self) -> None:
        log.info("the Windows session locked: locking the terminal")
        self.screen_did_lock.emit()

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            log.info("the OS screen locked: locking the terminal")
            self.screen_did_lock.emit()
