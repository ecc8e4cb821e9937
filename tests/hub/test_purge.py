"""Tombstone purge: only tombstones older than the retention go, `purged_before` is
published in every pull, and a cursor older than it is answered with a reset."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, write_tx
from clienteling.hub.purge import purge_tombstones, purged_before
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import tombstones

from .conftest import sign_in

DAY = timedelta(days=1)


@pytest.fixture
def small_hub(db_url: str) -> Iterator[tuple[str, Engine]]:
    engine = make_engine(db_url)
    migrate(engine)
    seed_demo_data(engine, customers=5)
    with HubServer(settings=HubSettings(db=db_url, port=0, purge_interval_s=0)) as server:
        yield server.url, engine
    engine.dispose()


def tombstone(engine: Engine, scope: str, entity_id: str) -> int:
    with write_tx(engine) as conn:
        version = versions.allocate(conn, scope)
        conn.execute(
            sa.insert(tombstones).values(
                entity="note", entity_id=entity_id, scope=scope, version=version
            )
        )
    return version


def left(engine: Engine, scope: str) -> set[str]:
    with engine.connect() as conn:
        query = sa.select(tombstones.c.entity_id).where(tombstones.c.scope == scope)
        return set(conn.execute(query).scalars())


def pull(http: httpx.Client, device: str, scope: str, cursor: str | None) -> dict[str, object]:
    response = http.post(
        "/api/v1/sync/pull",
        json={"device_id": device, "schema_version": 1, "scope": scope, "cursor": cursor},
    )
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_only_tombstones_older_than_the_retention_go(small_hub: tuple[str, Engine]) -> None:
    _url, engine = small_hub
    scope = "store:test"
    start = datetime(2026, 1, 1, tzinfo=UTC)
    old = tombstone(engine, scope, "old")
    assert purge_tombstones(engine, retention=30 * DAY, now=start) == {}
    tombstone(engine, scope, "newer")
    purge_tombstones(engine, retention=30 * DAY, now=start + 10 * DAY)
    # 31 days after the first mark: only what existed at that mark is old enough.
    assert purge_tombstones(engine, retention=30 * DAY, now=start + 31 * DAY) == {scope: 1}
    assert left(engine, scope) == {"newer"}
    assert purge_tombstones(engine, retention=30 * DAY, now=start + 41 * DAY) == {scope: 1}
    assert left(engine, scope) == set()
    with engine.connect() as conn:
        assert purged_before(conn, scope) > old


def test_a_cursor_older_than_purged_before_is_reset(small_hub: tuple[str, Engine]) -> None:
    url, engine = small_hub
    with httpx.Client(base_url=url, timeout=30) as http:
        body, device = sign_in(http)
        scope = body["scopes"][1]
        cursor = None
        while True:
            page = pull(http, device, scope, cursor)
            cursor = str(page["cursor"])
            if not page["has_more"]:
                break
        assert page["purged_before"] == 0
        stale = cursor

        tombstone(engine, scope, "gone-while-away")
        now = datetime.now(UTC)
        purge_tombstones(engine, retention=30 * DAY, now=now)
        purge_tombstones(engine, retention=30 * DAY, now=now + 31 * DAY)

        page = pull(http, device, scope, stale)
        assert page["reset"] is True and page["reset_reason"] == "cursor_purged"
        assert page["snapshot"] is True and page["changes"]
        assert isinstance(page["purged_before"], int) and page["purged_before"] > 0
        fresh = pull(http, device, scope, None)
        assert fresh["reset"] is False and fresh["purged_before"] == page["purged_before"]
