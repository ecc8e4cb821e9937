"""A real hub for the hub tests: a seeded SQLite file served by uvicorn on 127.0.0.1:0."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers

SEED_NOW = datetime(2025, 6, 1, tzinfo=UTC)
SEED_CUSTOMERS = 200


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
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("hub") / "hub.sqlite3"
    engine = make_engine(str(path))
    migrate(engine)
    summary = seed_demo_data(engine, customers=SEED_CUSTOMERS, seed=7, now=SEED_NOW)
    engine.dispose()
    return path, summary


@pytest.fixture(scope="session")
def hub(seeded_db: tuple[Path, dict[str, Any]]) -> Iterator[SeededHub]:
    path, summary = seeded_db
    with HubServer(settings=HubSettings(db=str(path), port=0)) as server:
        engine = make_engine(str(path))
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
