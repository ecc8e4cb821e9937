"""The network drops: the cache stays searchable, notes queue up, and they reach the hub
once it answers again."""

from __future__ import annotations

from pathlib import Path

import pytest

from clienteling.domain.errors import HubUnreachableError
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore
from tests.integration.conftest import PASSWORD, USER


def test_offline_day(hub_db: Path, tmp_path: Path) -> None:
    hub = HubServer(settings=HubSettings(db=str(hub_db), port=0)).start()
    port = int(hub.url.rsplit(":", 1)[1])
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
    )
    try:
        terminal.sign_in(USER, PASSWORD)
        terminal.sync_once()
        hub.stop()

        with pytest.raises(HubUnreachableError):
            terminal.sync_once()
        status = terminal.status()
        assert status.online is False and status.error_code == "hub_unreachable"
        assert status.ready  # what was synced stays usable

        hits = terminal.search("a", limit=3)
        assert hits
        terminal.add_note(hits[0].id, "written offline")
        assert terminal.status().pending == 1

        hub = HubServer(settings=HubSettings(db=str(hub_db), port=port)).start()
        report = terminal.sync_once()
        assert report.pushed == 1 and report.pending == 0
        status = terminal.status()
        assert status.online is True and status.error_code is None
        profile = terminal.customer(hits[0].id)
        assert profile is not None
        assert [n.pending for n in profile.notes if n.text == "written offline"] == [False]
    finally:
        terminal.close()
        hub.stop()


def test_sign_in_with_the_hub_down(tmp_path: Path) -> None:
    terminal = Terminal(
        data_dir=tmp_path / "t", hub_url="http://127.0.0.1:9", secrets=MemorySecretStore()
    )
    try:
        with pytest.raises(HubUnreachableError):
            terminal.sign_in(USER, PASSWORD)
        assert terminal.status().online is False
    finally:
        terminal.close()
