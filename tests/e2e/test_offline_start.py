"""The network is down when the app starts: it opens on the cached data with a banner."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from clienteling.ui.main_window import MainWindow
from clienteling.ui.operations import wait_for_all

TIMEOUT_MS = 30_000


def test_app_opens_on_the_cache_with_an_offline_banner(
    qtbot: QtBot, seeded_hub_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    secrets = MemorySecretStore()
    with HubServer(settings=HubSettings(db=str(db), port=0)) as hub:
        first = Terminal(data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=secrets)
        first.sign_in("demo-associate", "demo")
        first.sync_once()
        first.close()
    # The hub is gone now. The next start restores the session and uses the cache.
    terminal = Terminal(data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=secrets)
    try:
        assert terminal.restore_session() is not None
        window = MainWindow(terminal)
        qtbot.addWidget(window)
        window.show()
        window.start(interval_s=3600)
        qtbot.waitUntil(window.offline_banner.isVisible, timeout=TIMEOUT_MS)
        assert window.status_bar.status is not None
        assert window.status_bar.status.online is False
        with qtbot.waitSignal(window.hits_did_show, timeout=TIMEOUT_MS):
            window.search("nguyen")
        assert window.hits_model.rowCount() > 0
        terminal.stop_auto_sync()
    finally:
        wait_for_all()
        terminal.close()
