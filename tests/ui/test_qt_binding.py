"""Guards against a Qt binding release with a known crash (pinned in pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication


def test_process_events_keeps_none_alive(qapp: QApplication) -> None:
    """PySide6 6.12.0 drops a reference to None on every processEvents() call, so a long
    session (or test run) dies with "deallocating None". Our wait loops call it often."""
    QCoreApplication.processEvents()  # first-call set-up allocations are not the bug
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.processEvents()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
    assert sys.getrefcount(None) - before > -100
