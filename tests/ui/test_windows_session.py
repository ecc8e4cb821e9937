"""The Windows session-lock decoding (ui.windows_session), testable on Linux: MSG structs
built in memory as Windows would hand them to Qt's native event filter. Registering with
WTS itself only happens on win32 and is not run here."""

from __future__ import annotations

import ctypes
import sys

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from clienteling.ui.windows_session import (
    MSG,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    SessionLockFilter,
    decode_session_lock,
    register_session_notification,
)

WM_KEYDOWN = 0x0100


def _msg(message: int, wparam: int) -> MSG:
    return MSG(hwnd=None, message=message, wParam=wparam, lParam=1, time=0, pt_x=0, pt_y=0)


def test_msg_has_the_windows_layout() -> None:
    # x64: hwnd 8, message 4 (+4 padding), wParam 8, lParam 8, time 4, pt 8 (+4 padding).
    if ctypes.sizeof(ctypes.c_void_p) == 8:
        assert MSG.message.offset == 8 and MSG.wParam.offset == 16
        assert MSG.lParam.offset == 24 and MSG.time.offset == 32
        assert ctypes.sizeof(MSG) == 48
    else:
        assert ctypes.sizeof(MSG) == 28


@pytest.mark.parametrize(
    ("message", "wparam", "locked"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, True),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, False),
        (WM_WTSSESSION_CHANGE, 0x1, False),  # WTS_CONSOLE_CONNECT
        (WM_KEYDOWN, WTS_SESSION_LOCK, False),  # same number, another message
    ],
)
def test_only_a_session_lock_message_decodes_as_locked(
    message: int, wparam: int, locked: bool
) -> None:
    msg = _msg(message, wparam)
    assert decode_session_lock(b"windows_generic_MSG", ctypes.addressof(msg)) is locked
    assert decode_session_lock(b"windows_dispatcher_MSG", ctypes.addressof(msg)) is locked


def test_other_platforms_events_are_never_read() -> None:
    msg = _msg(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert not decode_session_lock(b"xcb_generic_event_t", ctypes.addressof(msg))
    assert not decode_session_lock(b"mac_generic_NSEvent", ctypes.addressof(msg))
    assert not decode_session_lock(b"windows_generic_MSG", 0)  # a null pointer


def test_the_filter_calls_back_on_lock_and_lets_every_message_through() -> None:
    locks: list[bool] = []
    event_filter = SessionLockFilter(lambda: locks.append(True))
    unlock = _msg(WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK)
    lock = _msg(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    kind = QByteArray(b"windows_generic_MSG")
    assert event_filter.nativeEventFilter(kind, ctypes.addressof(unlock)) == (False, 0)
    assert locks == []
    assert event_filter.nativeEventFilter(kind, ctypes.addressof(lock)) == (False, 0)
    assert locks == [True]


@pytest.mark.skipif(sys.platform == "win32", reason="the real registration runs there")
def test_off_windows_nothing_registers_and_an_installed_filter_stays_quiet(
    qtbot: QtBot,
) -> None:
    assert register_session_notification(0) is False
    app = QCoreApplication.instance()
    assert app is not None
    locks: list[bool] = []
    event_filter = SessionLockFilter(lambda: locks.append(True))
    app.installNativeEventFilter(event_filter)
    try:
        widget = QWidget()
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        qtbot.keyClicks(widget, "abc")
    finally:
        app.removeNativeEventFilter(event_filter)
    assert locks == []
