"""Snapshot pages read ahead (`hub.read_ahead`): the hub reads the next page while the
terminal takes in the last one, and a page read ahead is sent only when it is exactly the
page the request would read, through a real hub on 127.0.0.1 on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, read_epoch, read_tx, write_tx
from clienteling.hub.feed import read_page
from clienteling.hub.read_ahead import PageKey, ReadAhead
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.server import HubServer
from clienteling.hub.settings import HubSettings
from clienteling.hub.tables import customers
from clienteling.protocol.entities import store_scope
from tests.hub.conftest import sign_in

LIMIT = 25


@pytest.fixture
def served(db_url: str) -> Iterator[tuple[HubServer, Engine, str]]:
    engine = make_engine(db_url)
    migrate(engine)
    summary = seed_demo_data(engine, customers=60, seed=11)
    with HubServer(settings=HubSettings(db=db_url, port=0)) as server:
        yield server, engine, store_scope(summary["store_ids"][0])
    engine.dispose()


def _ahead(server: HubServer) -> ReadAhead:
    assert server.app is not None
    found = server.app.state.hub.read_ahead
    assert isinstance(found, ReadAhead)
    return found


def _pull(http: httpx.Client, device: str, scope: str, cursor: str | None) -> dict[str, Any]:
    answer = http.post(
        "/api/v1/sync/pull",
        json={
            "device_id": device,
            "schema_version": 1,
            "scope": scope,
            "cursor": cursor,
            "limit": LIMIT,
            "layout": "tables",
        },
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = orjson.loads(answer.content)
    return body


def _read_now(engine: Engine, scope: str, cursor: str | None) -> dict[str, Any]:
    """The page the hub reads for `cursor` when nothing was read ahead."""
    with engine.connect() as conn:
        epoch = read_epoch(conn)
    with read_tx(engine) as conn:
        page = read_page(
            conn, epoch=epoch, scope=scope, cursor=cursor, limit=LIMIT, layout="tables"
        )
    body: dict[str, Any] = orjson.loads(page.to_json(last_mutation_id=0))
    return body


def test_every_page_after_the_first_comes_read_ahead_and_is_the_page_read_now(
    served: tuple[HubServer, Engine, str],
) -> None:
    server, engine, scope = served
    ahead = _ahead(server)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        _body, device = sign_in(http)
        pages, cursor = [], None
        while True:
            asked = cursor
            page = _pull(http, device, scope, asked)
            assert page == _read_now(engine, scope, asked)
            pages.append(page)
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    assert len(pages) > 3
    assert (ahead.served, ahead.dropped) == (len(pages) - 1, 0)
    assert ahead.pending == 0  # the last page has nothing after it to read


def test_a_change_after_the_page_was_read_ahead_is_sent_not_the_page(
    served: tuple[HubServer, Engine, str],
) -> None:
    server, engine, scope = served
    ahead = _ahead(server)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        _body, device = sign_in(http)
        first = _pull(http, device, scope, None)
        ahead.wait()  # the second page is read: now change a row it holds
        table = next(t for t in first["tables"] if t["entity"] == "customer")
        last_sent = table["rows"][-1][table["columns"].index("id")]
        with write_tx(engine) as conn:
            target = conn.execute(
                sa.select(customers.c.id)
                .where(customers.c.scope == scope, customers.c.id > last_sent)
                .order_by(customers.c.id)
                .limit(1)
            ).scalar_one()
            version = versions.allocate(conn, scope)
            conn.execute(
                sa.update(customers)
                .where(customers.c.id == target)
                .values(given_name="Renamed", version=version)
            )
        second = _pull(http, device, scope, first["cursor"])
    assert (ahead.served, ahead.dropped) == (0, 1)
    rows = next(t for t in second["tables"] if t["entity"] == "customer")
    named = {
        row[rows["columns"].index("id")]: (
            row[rows["columns"].index("given_name")],
            row[rows["columns"].index("version")],
        )
        for row in rows["rows"]
    }
    assert named[target] == ("Renamed", version)


def test_pages_read_ahead_are_bounded_and_a_failed_read_is_no_page(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    ahead = ReadAhead(engine, epoch="e", slots=3)
    try:
        keys = [PageKey("store:x", cursor=f"bad{i}", limit=5, layout="tables") for i in range(8)]
        for key in keys:
            ahead.prepare(key)
            assert ahead.pending <= 3
        ahead.wait()
        assert ahead.pending == 3
        with read_tx(engine) as conn:
            assert ahead.take(conn, keys[-1]) is None  # not a readable cursor: read again
            assert ahead.take(conn, keys[0]) is None  # pushed out by newer ones
        assert ahead.pending == 2
    finally:
        ahead.close()
        engine.dispose()
    assert ahead.pending == 0
