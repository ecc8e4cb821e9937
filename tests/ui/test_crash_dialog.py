"""The crash dialog and "Copy diagnostics" in pytest-qt: an exception in a Qt slot or in
a thread is logged with its traceback and shown as a sentence (traceback only under
Details); the diagnostics reach the clipboard and a file."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from clienteling.ui.crash import CrashDialog, CrashReporter
from clienteling.ui.main_window import MainWindow

# pytest-qt would catch exceptions in slots itself; these tests need the app's own hook.
pytestmark = pytest.mark.qt_no_exception_capture


class BoomError(RuntimeError):
    pass


def boom() -> None:
    raise BoomError("a slot failed on purpose")


@pytest.fixture
def reporter(window: MainWindow) -> Iterator[CrashReporter]:
    installed = CrashReporter(window.terminal, parent_window=lambda: window).install()
    try:
        yield installed
    finally:
        installed.uninstall()
        if installed.dialog is not None:
            installed.dialog.done(0)


def shown_dialog(qtbot: QtBot, reporter: CrashReporter) -> CrashDialog:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    return reporter.dialog


def test_an_exception_in_a_slot_shows_the_dialog(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter, caplog: pytest.LogCaptureFixture
) -> None:
    button = QPushButton("crash", window)
    button.clicked.connect(boom)
    button.show()
    with caplog.at_level(logging.CRITICAL, logger="clienteling.ui.crash"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = shown_dialog(qtbot, reporter)
    message = dialog.message.text()
    assert message.startswith("Clienteling hit an unexpected problem.")
    assert "drafts and unsent changes are saved" in message and "send the diagnostics" in message
    assert "Traceback" not in message and "BoomError" not in message
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    assert "BoomError: a slot failed on purpose" in dialog.details.toPlainText()
    [record] = [r for r in caplog.records if r.name == "clienteling.ui.crash"]
    assert record.exc_info is not None and record.exc_info[0] is BoomError
    assert [b.text() for b in (dialog.copy_button, dialog.restart_button, dialog.quit_button)] == [
        "Copy diagnostics",
        "Restart",
        "Quit",
    ]

    # A second failure while the dialog is up is logged, not stacked.
    first = dialog
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len([r for r in caplog.records if r.name.endswith("crash")]) == 2)
    assert reporter.dialog is first


def test_an_exception_in_a_thread_shows_the_dialog(qtbot: QtBot, reporter: CrashReporter) -> None:
    worker = threading.Thread(target=boom, name="worker-under-test")
    worker.start()
    worker.join()
    dialog = shown_dialog(qtbot, reporter)
    assert "BoomError" in dialog.details.toPlainText()


def test_copy_diagnostics_from_the_crash_dialog(
    qtbot: QtBot, window: MainWindow, reporter: CrashReporter
) -> None:
    QGuiApplication.clipboard().clear()
    button = QPushButton("crash", window)
    button.clicked.connect(boom)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, reporter)
    dialog.copy_button.click()
    qtbot.waitUntil(lambda: "== Error ==" in QGuiApplication.clipboard().text(), timeout=15_000)
    text = QGuiApplication.clipboard().text()
    assert "BoomError: a slot failed on purpose" in text
    assert "pending changes: " in text and "Qt: " in text


def test_help_menu_copies_and_saves_the_diagnostics(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    QGuiApplication.clipboard().clear()
    assert "Copy diagnostics…" in [a.text() for a in window.help_menu.menu.actions()]
    window.help_menu.diagnostics_action.trigger()
    dialog = window.help_menu.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report != "", timeout=15_000)
    assert QGuiApplication.clipboard().text() == dialog.report
    assert f"device: {window.terminal.device_id}" in dialog.report
    assert "== Error ==" not in dialog.report
    dialog.save(tmp_path / "diag.txt")
    assert (tmp_path / "diag.txt").read_text(encoding="utf-8") == dialog.report
    dialog.done(0)


def test_restart_runs_the_same_command_again() -> None:
    import sys

    from clienteling.ui.crash import restart_command

    program, arguments = restart_command()
    assert program == sys.executable
    assert arguments == sys.orig_argv[1:]  # e.g. ["-m", "clienteling", "--lang", "vi"]
