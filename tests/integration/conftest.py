"""A terminal against the real hub of `tests/conftest.py` (127.0.0.1, random port)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.terminal.facade import Terminal
from clienteling.terminal.secrets import MemorySecretStore

USER = "demo-associate"
PASSWORD = "demo"


@pytest.fixture
def secrets() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def terminal(tmp_path: Path, hub_url: str, secrets: MemorySecretStore) -> Iterator[Terminal]:
    term = Terminal(data_dir=tmp_path / "terminal", hub_url=hub_url, secrets=secrets)
    yield term
    term.close()


@pytest.fixture
def synced(terminal: Terminal) -> Terminal:
    """Signed in, first sync done."""
    terminal.sign_in(USER, PASSWORD)
    terminal.sync_once()
    return terminal


@pytest.fixture
def hub_db(seeded_hub_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded hub database, for tests that start and stop the hub."""
    db = tmp_path / "own-hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    return db


@dataclass
class StorePair:
    """Two signed-in, synced terminals of store 1 and a hub (on a file copy, on a fixed
    port) that can go away and come back, as a store's network does."""

    hub_db: Path
    port: int
    hub: HubServer
    terminal: Terminal
    other: Terminal

    def go_offline(self) -> None:
        self.hub.stop()

    def come_back(self) -> None:
        self.hub = HubServer(settings=HubSettings(db=str(self.hub_db), port=self.port)).start()


@pytest.fixture
def store_pair(hub_db: Path, tmp_path: Path) -> Iterator[StorePair]:
    hub = HubServer(settings=HubSettings(db=str(hub_db), port=0)).start()
    port = int(hub.url.rsplit(":", 1)[1])
    terminal = Terminal(
        data_dir=tmp_path / "terminal", hub_url=hub.url, secrets=MemorySecretStore()
    )
    other = Terminal(data_dir=tmp_path / "other", hub_url=hub.url, secrets=MemorySecretStore())
    pair = StorePair(hub_db=hub_db, port=port, hub=hub, terminal=terminal, other=other)
    try:
        for each in (terminal, other):
            each.sign_in(USER, PASSWORD)
            each.sync_once()
        yield pair
    finally:
        terminal.close()
        other.close()
        pair.hub.stop()
