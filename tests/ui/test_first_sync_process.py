"""The first-sync dialog as the desktop app runs it: pulls in the sync process, its
progress crossing the pipe to the bar on the GUI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.first_sync import FirstSyncDialog
from clienteling.ui.operations import wait_for_all

TIMEOUT_MS = 60_000


def test_the_dialog_fills_the_cache_through_the_sync_process(
    qtbot: QtBot, hub_url: str, tmp_path: Path
) -> None:
    terminal = Terminal(
        data_dir=tmp_path / "terminal",
        hub_url=hub_url,
        secrets=MemorySecretStore(),
        encrypt_cache=True,
        sync_process=True,
    )
    try:
        terminal.sign_in("demo-associate", "demo")
        dialog = FirstSyncDialog(terminal)
        qtbot.addWidget(dialog)
        shown: list[str] = []
        dialog.bar.valueChanged.connect(lambda _v: shown.append(dialog.detail.text()))
        with qtbot.waitSignal(dialog.sync_did_finish, timeout=TIMEOUT_MS) as finished:
            dialog.start()
        assert finished.args == [True]
        assert shown and dialog.bar.value() == dialog.bar.maximum() > 0
        assert terminal.status().ready
        assert terminal.search("a")
    finally:
        wait_for_all()
        terminal.close()
