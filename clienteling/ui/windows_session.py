"""Windows' session lock (Win+L, lock on sleep, a remote session locked) as a callback.

`WTSRegisterSessionNotification` asks Windows to send `WM_WTSSESSION_CHANGE` to a window
of ours; Qt hands every message of its windows to the application's native event
filters as a `MSG*` ("windows_generic_MSG"), and `decode_session_lock` reads whether it
says `WTS_SESSION_LOCK`. Only `screen_lock_signal.ScreenLockWatch` uses this, and only
on win32: elsewhere nothing here touches the OS (the decoding is plain ctypes, so it is
unit-tested on Linux with a MSG built in memory).
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
NOTIFY_FOR_THIS_SESSION = 0
WINDOWS_MESSAGE_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class MSG(ctypes.Structure):
    """winuser.h's MSG with fixed-size fields (ctypes.wintypes is Windows-only in spirit:
    its sizes follow the C compiler there). UINT, DWORD and LONG are 32-bit on Windows;
    HWND, WPARAM and LPARAM are pointer-sized."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_int32),
        ("pt_y", ctypes.c_int32),
    )


def decode_session_lock(event_type: bytes, message: int) -> bool:
    """Whether the native event (`event_type`, and `message` the address of its struct)
    is Windows telling us this session was locked. Any other platform's event type is
    never dereferenced."""
    if event_type not in WINDOWS_MESSAGE_TYPES or not message:
        return False
    msg = MSG.from_address(message)
    return msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK


class SessionLockFilter(QAbstractNativeEventFilter):
    """Calls `on_lock()` for a session-lock message; lets every message through."""

    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        kind = bytes(eventType.data() if isinstance(eventType, QByteArray) else eventType)
        if decode_session_lock(kind, int(message)):
            self._on_lock()
        return False, 0


def register_session_notification(hwnd: int) -> bool:
    """Ask Windows to send this session's lock/unlock messages to the window `hwnd`.
    False (and a log line) when it refuses or off Windows."""
    if sys.platform == "win32":
        wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)
        if wtsapi32.WTSRegisterSessionNotification(
            ctypes.c_void_p(hwnd), ctypes.c_uint32(NOTIFY_FOR_THIS_SESSION)
        ):
            return True
        log.warning("WTSRegisterSessionNotification failed: %d", ctypes.get_last_error())
    return False


def unregister_session_notification(hwnd: int) -> None:
    if sys.platform == "win32":
        wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)
        wtsapi32.WTSUnRegisterSessionNotification(ctypes.c_void_p(hwnd))
