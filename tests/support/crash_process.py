"""`python -m tests.support.crash_process --hub URL --data-dir DIR --customer ID
--note TEXT --draft TEXT --log-file PATH`: the real desktop window (offscreen) in its own
OS process, which saves a note (offline: it goes to the outbox), types a draft, then hits
an exception in a Qt slot. It prints `crash dialog shown` once the crash dialog is up and
keeps running until the test kills it (`--then quit`: it clicks Quit, the app exits 70).

The parent passes its keyring entries as JSON in CRASH_TEST_KEYRING: [[service, key, value]]
(a child process has no OS keyring here).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring

from tests.support.memory_keyring import MemoryKeyring

TIMEOUT_S = 60.0


def wait_until(condition: Callable[[], bool], what: str) -> None:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QTest.qWait(10)


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("--hub", "--data-dir", "--customer", "--note", "--draft", "--log-file"):
        parser.add_argument(name, required=True)
    parser.add_argument("--then", choices=("wait", "quit"), default="wait")
    args = parser.parse_args()
    backend = MemoryKeyring()
    for service, key, value in json.loads(os.environ.get("CRASH_TEST_KEYRING", "[]")):
        backend.set_password(service, key, value)
    keyring.set_keyring(backend)

    from PySide6.QtCore import QTimer

    from clienteling.terminal.facade import Terminal
    from clienteling.terminal.logs import configure_logging
    from clienteling.terminal.secrets import KeyringSecretStore
    from clienteling.ui.app import create_application
    from clienteling.ui.crash import install_crash_handler
    from clienteling.ui.main_window import MainWindow
    from tests.ui.conftest import type_text

    configure_logging(log_file=Path(args.log_file))
    app = create_application(sys.argv[:1], lang="en")
    terminal = Terminal(
        data_dir=Path(args.data_dir), hub_url=args.hub, secrets=KeyringSecretStore()
    )
    assert terminal.restore_session() is not None
    reporter = install_crash_handler(terminal)
    window = MainWindow(terminal)
    window.show()
    window.open_customer(args.customer)
    profile = window.profile_view
    wait_until(lambda: profile.profile is not None, "the profile")

    type_text(profile.note_edit, args.note)
    profile.add_note_button.click()
    wait_until(lambda: terminal.status().pending == 1, "the note in the outbox")
    wait_until(lambda: profile.note_edit.toPlainText() == "", "the note box to clear")

    type_text(profile.note_edit, args.draft)
    wait_until(lambda: terminal.note_draft(args.customer) == args.draft, "the draft saved")

    def slot_that_fails() -> None:
        raise ZeroDivisionError("a slot failed on purpose")

    def report_when_shown() -> None:
        if reporter.dialog is not None and reporter.dialog.isVisible():
            print("crash dialog shown", flush=True)
            watch.stop()
            if args.then == "quit":
                reporter.dialog.quit_button.click()

    # Inside the app's own event loop, as in production.
    watch = QTimer()
    watch.timeout.connect(report_when_shown)
    watch.start(20)
    QTimer.singleShot(0, slot_that_fails)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
