"""The "update needed" banner on the main window, against a real hub that wants a newer
app: it appears, says work goes on, stays after a restart, and the hub gets nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all
from tests.integration.test_update_needed import NEWER_ONLY, Hub


@pytest.fixture
def hub(seeded_hub_db: Path, tmp_path: Path) -> Iterator[Hub]:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    running = Hub(db)
    try:
        yield running
    finally:
        running.server.stop()


def test_banner_shows_and_the_outbox_stays_on_the_terminal(
    qtbot: QtBot, hub: Hub, tmp_path: Path
) -> None:
    secrets = MemorySecretStore()
    terminal = Terminal(data_dir=tmp_path / "t", hub_url=hub.url, secrets=secrets)
    terminal.sign_in("demo-associate", "demo")
    terminal.sync_once()
    before = hub.device_last_mutation(terminal.device_id)
    hub.restart(**NEWER_ONLY)
    customer_id = terminal.search("a")[0].id
    note = terminal.add_note(customer_id, "Attend la nouvelle collection")

    window = MainWindow(terminal)
    qtbot.addWidget(window)
    window.show()
    assert not window.update_banner.isVisible()
    window.start(interval_s=0.05)
    qtbot.waitUntil(window.update_banner.isVisible, timeout=15_000)
    assert "needs an update" in window.update_banner.text()
    assert "keep working" in window.update_banner.text()
    assert not window.offline_banner.isVisible()  # the hub answered: not "offline"
    qtbot.waitUntil(lambda: "1" in window.status_bar.pending_label.text())
    terminal.stop_auto_sync()
    wait_for_all()
    window.close()
    terminal.close()
    assert hub.device_last_mutation(terminal.device_id) == before
    assert not hub.has_note(note.id)

    # After a restart the banner is there at once, before any sync.
    again = Terminal(data_dir=tmp_path / "t", hub_url=hub.url, secrets=secrets)
    try:
        again.restore_session()
        second = MainWindow(again)
        qtbot.addWidget(second)
        second.show()
        second.refresh_status()
        qtbot.waitUntil(second.update_banner.isVisible)
        assert again.status().pending == 1
    finally:
        wait_for_all()
        again.close()
