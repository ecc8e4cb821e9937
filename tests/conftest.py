"""Shared fixtures: Qt offscreen, an in-memory keyring, and a real seeded hub on loopback."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.support.memory_keyring import MemoryKeyring

HUB_CUSTOMERS = 300


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring; the previous backend comes back after."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep config, data and cache dirs of the code under test inside the test's tmp dir."""
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),  # the log file (platformdirs' user_log_dir)
    ):
        monkeypatch.setenv(var, str(tmp_path / "xdg" / sub))
    for var in list(os.environ):
        if var.startswith("CLIENTELING_"):
            monkeypatch.delenv(var)


@pytest.fixture(scope="session")
def seeded_hub_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated hub database with demo data, made once per test session."""
    from clienteling.hub.db import make_engine, migrate
    from clienteling.hub.seed import seed_demo_data

    path = tmp_path_factory.mktemp("hub") / "hub.sqlite3"
    engine = make_engine(str(path))
    migrate(engine)
    seed_demo_data(engine, customers=HUB_CUSTOMERS, seed=1)
    engine.dispose()
    return path


@pytest.fixture
def hub_url(seeded_hub_db: Path, tmp_path: Path) -> Iterator[str]:
    """A real hub on 127.0.0.1 (random port) over a private copy of the seeded database."""
    import shutil

    from clienteling.hub.server import HubServer
    from clienteling.hub.settings import HubSettings

    db = tmp_path / "hub.sqlite3"
    shutil.copyfile(seeded_hub_db, db)
    with HubServer(settings=HubSettings(db=str(db), port=0)) as server:
        yield server.url
