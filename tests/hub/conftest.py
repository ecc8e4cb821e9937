"""A real hub for the hub tests: a seeded database served by uvicorn on 127.0.0.1:0.

Every fixture here is parametrized over the two backends the hub supports: a SQLite file
and a PostgreSQL database (see `tests/support/postgres.py`; skipped without PostgreSQL,
except under CI). Tests that take `hub`, `client`, `db_url` or `new_db` run on both.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.devsinks import FakeProvider, SmtpSink
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers
from tests.support.postgres import PostgresServer, postgres_server

__all__ = ["postgres_server"]  # the session fixture, found by pytest through this conftest

SEED_NOW = datetime(2025, 6, 1, tzinfo=UTC)
SEED_CUSTOMERS = 200

BACKENDS = ["sqlite", "postgresql"]

NewDb = Callable[[], str]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: runs against a real PostgreSQL server")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the PostgreSQL cases `postgres` (`-m "not postgres"` leaves them out). Done here,
    not with `pytest.param(marks=...)`, because --strict-markers checks a mark when it is
    made, before this conftest has registered it."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("backend") == "postgresql":
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="session")
def new_db(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> NewDb:
    """Makes fresh, empty databases of the backend: SQLite file paths or PostgreSQL URLs."""
    if backend == "sqlite":
        folder = tmp_path_factory.mktemp("hubdb")
        numbers = itertools.count(1)
        return lambda: str(folder / f"hub{next(numbers)}.sqlite3")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database


@pytest.fixture
def db_url(new_db: NewDb) -> str:
    """A fresh, empty database for one test, on each backend."""
    return new_db()


@dataclass
class SeededHub:
    url: str
    engine: Engine
    summary: dict[str, Any]

    def customer_of(self, store_index: int) -> str:
        store_id = self.summary["store_ids"][store_index]
        with self.engine.connect() as conn:
            return str(
                conn.execute(
                    sa.select(customers.c.id)
                    .where(customers.c.home_store_id == store_id)
                    .order_by(customers.c.id)
                )
                .scalars()
                .first()
            )


@pytest.fixture(scope="session")
def seeded_db(new_db: NewDb) -> tuple[str, dict[str, Any]]:
    """One seeded database per backend, shared by the session (path or URL, summary)."""
    url = new_db()
    engine = make_engine(url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=SEED_CUSTOMERS, seed=7, now=SEED_NOW)
    engine.dispose()
    return url, summary


@pytest.fixture(scope="session")
def hub(seeded_db: tuple[str, dict[str, Any]]) -> Iterator[SeededHub]:
    url, summary = seeded_db
    with HubServer(settings=HubSettings(db=url, port=0)) as server:
        engine = make_engine(url)
        yield SeededHub(url=server.url, engine=engine, summary=summary)
        engine.dispose()


@pytest.fixture
def client(hub: SeededHub) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=hub.url, timeout=30) as http:
        yield http


def new_device() -> str:
    return str(uuid.uuid4())


def sign_in(
    http: httpx.Client, *, username: str = "demo-associate", device_id: str | None = None
) -> tuple[dict[str, Any], str]:
    """Sign in and return (the response body, the device id); headers are set on `http`."""
    device = device_id or new_device()
    response = http.post(
        "/api/v1/auth/sign-in",
        json={"username": username, "password": "demo", "device_id": device},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    http.headers["Authorization"] = f"Bearer {body['token']}"
    return body, device


@pytest.fixture(scope="module")
def sink() -> Iterator[SmtpSink]:
    """A local SMTP sink for the module (modules that need a fresh one per test define
    their own)."""
    with SmtpSink() as running:
        yield running


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    """The fake SMS/WhatsApp provider for the module."""
    with FakeProvider() as running:
        yield running
