"""The OS screen lock as a signal: when the desktop locks (Win+L, Super+L, lid closed),
the terminal locks too, so an unlocked desktop never shows the last customer.

Linux: the freedesktop `ScreenSaver.ActiveChanged(bool)` D-Bus signal (and GNOME's twin
`org.gnome.ScreenSaver`) on the session bus; without a session bus this does nothing.
Windows (WTS session notifications, `WTSRegisterSessionNotification` and
`WM_WTSSESSION_CHANGE`) and macOS (`com.apple.screenIsLocked`) are a follow-up: there the
inactivity lock still applies.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot

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

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            log.info("the OS screen locked: locking the terminal")
            self.screen_did_lock.emit()
