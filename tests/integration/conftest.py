"""A terminal against the real hub of `tests/conftest.py` (127.0.0.1, random port)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

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
