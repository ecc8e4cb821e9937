"""The OS screen lock locks the terminal: the freedesktop ScreenSaver `ActiveChanged`
signal on a real (private) D-Bus daemon; no session bus means nothing happens."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from clienteling.ui.main_window import MainWindow
from clienteling.ui.screen_lock_signal import ScreenLockWatch

pytestmark = pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="no dbus-daemon")


@pytest.fixture
def bus() -> Iterator[QDBusConnection]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        connection = QDBusConnection.connectToBus(address, "clienteling-test")
        assert connection.isConnected()
        yield connection
        QDBusConnection.disconnectFromBus("clienteling-test")
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def _screensaver(connection: QDBusConnection, *, active: bool, path: str, interface: str) -> None:
    message = QDBusMessage.createSignal(path, interface, "ActiveChanged")
    message.setArguments([active])
    assert connection.send(message)


def test_the_os_screen_lock_locks_the_window(
    qtbot: QtBot, window: MainWindow, bus: QDBusConnection
) -> None:
    watch = ScreenLockWatch(window, bus=bus)
    assert watch.listening
    watch.screen_did_lock.connect(window.terminal_lock.lock)
    with qtbot.waitSignal(window.terminal_lock.lock_did_engage, timeout=10_000):
        _screensaver(
            bus,
            active=True,
            path="/org/freedesktop/ScreenSaver",
            interface="org.freedesktop.ScreenSaver",
        )
    assert window.terminal_lock.locked


def test_gnome_too_and_the_screen_saver_ending_does_not_lock(
    qtbot: QtBot, bus: QDBusConnection
) -> None:
    watch = ScreenLockWatch(bus=bus)
    got: list[bool] = []
    watch.screen_did_lock.connect(lambda: got.append(True))
    _screensaver(
        bus, active=False, path="/org/gnome/ScreenSaver", interface="org.gnome.ScreenSaver"
    )
    with qtbot.waitSignal(watch.screen_did_lock, timeout=10_000):
        _screensaver(
            bus, active=True, path="/org/gnome/ScreenSaver", interface="org.gnome.ScreenSaver"
        )
    assert got == [True]  # the "inactive" signal before it locked nothing


def test_without_a_session_bus_nothing_is_followed() -> None:
    missing = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "clienteling-none")
    try:
        assert not ScreenLockWatch(bus=missing).listening
    finally:
        QDBusConnection.disconnectFromBus("clienteling-none")
