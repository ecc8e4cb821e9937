"""Migrations and the per-scope version counter under concurrent writers."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, read_epoch, to_url, write_tx
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings, config_file
from clienteling.hub.tables import hub_meta, metadata


def test_migrate_creates_every_table_and_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as conn:
        epoch = read_epoch(conn)
    migrate(engine)
    inspector = sa.inspect(engine)
    assert set(metadata.tables) <= set(inspector.get_table_names())
    with engine.connect() as conn:
        assert read_epoch(conn) == epoch
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        else:
            assert conn.dialect.driver == "psycopg"
            assert conn.exec_driver_sql("SHOW server_encoding").scalar() == "UTF8"
    engine.dispose()


def test_hubs_starting_together_migrate_once(db_url: str) -> None:
    """Several hub processes may share one database: concurrent migrations do not clash."""
    engines = [make_engine(db_url) for _ in range(3)]
    errors: list[BaseException] = []
    start = threading.Barrier(len(engines), timeout=30)

    def run(engine: Engine) -> None:
        try:
            start.wait()
            migrate(engine)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with engines[0].connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(hub_meta)).scalar_one() == 1
    for engine in engines:
        engine.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://u:p@db.example:5433/hub",
        "postgres://u:p@db.example:5433/hub",
        "postgresql+psycopg://u:p@db.example:5433/hub",
    ],
)
def test_postgres_urls_use_psycopg(url: str) -> None:
    assert to_url(url) == "postgresql+psycopg://u:p@db.example:5433/hub"
    engine = make_engine(url)  # no connection is made until first use
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    engine.dispose()


def test_plain_paths_mean_sqlite(tmp_path: Path) -> None:
    assert to_url(str(tmp_path / "h.sqlite3")) == f"sqlite:///{tmp_path / 'h.sqlite3'}"


def test_concurrent_writers_get_unique_consecutive_versions(db_url: str) -> None:
    """Four writers start on a scope with no counter row yet: the first-use race included."""
    engine = make_engine(db_url)
    migrate(engine)
    got: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(4, timeout=30)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            start.wait()
            for _ in range(25):
                with write_tx(engine) as conn:
                    first = versions.allocate(conn, "store:x", 2)
                with lock:
                    got.extend([first, first + 1])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(got) == list(range(1, 201))
    with engine.connect() as conn:
        assert versions.current(conn, "store:x") == 200
        assert versions.current(conn, "store:never") == 0
    engine.dispose()


def test_settings_read_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLIENTELING_DB", str(tmp_path / "x.sqlite3"))
    monkeypatch.setenv("CLIENTELING_PORT", "9123")
    settings = HubSettings()
    assert settings.db.endswith("x.sqlite3")
    assert settings.port == 9123
    assert settings.access_token_ttl_minutes == 15
    assert HubSettings(db="y").db == "y"


def test_settings_file_is_read_and_the_environment_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("port = 9200\nsign_in_max_failures_per_user = 7\n", encoding="utf-8")
    assert HubSettings().port == 9200
    assert HubSettings().sign_in_max_failures_per_user == 7
    monkeypatch.setenv("CLIENTELING_PORT", "9300")
    assert HubSettings().port == 9300


def test_a_demo_hub_says_so_at_start(db_url: str, caplog: pytest.LogCaptureFixture) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    seed_demo_data(engine, customers=3)
    engine.dispose()
    with caplog.at_level("WARNING"), HubServer(settings=HubSettings(db=db_url, port=0)) as hub:
        assert httpx.get(f"{hub.url}/healthz").json()["status"] == "ok"
    assert any("demo hub: sign in as demo-associate / demo" in r.message for r in caplog.records)
