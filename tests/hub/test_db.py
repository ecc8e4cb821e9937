"""Migrations and the per-scope version counter under concurrent writers."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa

from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, read_epoch, write_tx
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import metadata


def test_migrate_creates_every_table_and_is_idempotent(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    migrate(engine)
    with engine.connect() as conn:
        epoch = read_epoch(conn)
    migrate(engine)
    inspector = sa.inspect(engine)
    assert set(metadata.tables) <= set(inspector.get_table_names())
    with engine.connect() as conn:
        assert read_epoch(conn) == epoch
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_concurrent_writers_get_unique_consecutive_versions(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "hub.sqlite3"))
    migrate(engine)
    got: list[int] = []
    lock = threading.Lock()

    def writer() -> None:
        for _ in range(25):
            with write_tx(engine) as conn:
                first = versions.allocate(conn, "store:x", 2)
            with lock:
                got.extend([first, first + 1])

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(got) == list(range(1, 201))
    with engine.connect() as conn:
        assert versions.current(conn, "store:x") == 200
        assert versions.current(conn, "store:never") == 0


def test_settings_read_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLIENTELING_DB", str(tmp_path / "x.sqlite3"))
    monkeypatch.setenv("CLIENTELING_PORT", "9123")
    settings = HubSettings()
    assert settings.db.endswith("x.sqlite3")
    assert settings.port == 9123
    assert settings.token_ttl_hours == 12
    assert HubSettings(db="y").db == "y"


def test_a_demo_hub_says_so_at_start(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "hub.sqlite3"
    engine = make_engine(str(path))
    migrate(engine)
    seed_demo_data(engine, customers=3)
    engine.dispose()
    with caplog.at_level("WARNING"), HubServer(settings=HubSettings(db=str(path), port=0)) as hub:
        assert httpx.get(f"{hub.url}/healthz").json()["status"] == "ok"
    assert any("demo hub: sign in as demo-associate / demo" in r.message for r in caplog.records)
