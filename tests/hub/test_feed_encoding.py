"""The pull page is encoded straight to JSON (`Page.to_json`, JSON columns copied as
stored): what the terminal decodes must be exactly what the rows hold, field for field,
with the fields of `PullResponse` in its order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from clienteling.domain.ids import uuid7
from clienteling.hub import versions
from clienteling.hub.db import make_engine, migrate, read_epoch, read_tx, write_tx
from clienteling.hub.entities import kinds_for
from clienteling.hub.feed import read_page
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import customers, tombstones
from clienteling.protocol.entities import CATALOG_SCOPE
from clienteling.protocol.models import PageLayout, PullResponse
from clienteling.protocol.pull_page import decode_pull_page


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    migrate(engine)
    seed_demo_data(engine, customers=30, seed=5)
    yield engine
    engine.dispose()


def _pull_all(
    engine: Engine, scope: str, cursor: str | None, limit: int, layout: PageLayout = "changes"
) -> list[bytes]:
    with engine.connect() as conn:
        epoch = read_epoch(conn)
    bodies = []
    while True:
        with read_tx(engine) as conn:
            page = read_page(
                conn, epoch=epoch, scope=scope, cursor=cursor, limit=limit, layout=layout
            )
        bodies.append(page.to_json(last_mutation_id=7))
        cursor = page.cursor
        if not page.has_more:
            return bodies


def _expected(engine: Engine, scope: str) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
    """Every row of the scope read the ordinary way (SQLAlchemy decodes JSON columns),
    without the hub-only columns (an order's net, a survey answer's token)."""
    rows = {}
    with engine.connect() as conn:
        for kind in kinds_for(scope):
            wire = {c.name for c in kind.data_columns}
            for row in conn.execute(sa.select(kind.table).where(kind.table.c.scope == scope)):
                data = {k: v for k, v in row._mapping.items() if k in wire}
                rows[(kind.name, row.id)] = (row.version, data)
    return rows


@pytest.mark.parametrize("layout", ["changes", "tables"])
def test_no_pull_carries_hub_only_columns(engine: Engine, layout: PageLayout) -> None:
    """An order's net and a survey answer's token (`hub.entities`) stay on the hub."""
    scope = _store_scope(engine)
    fields: dict[str, set[str]] = {}
    for body in _pull_all(engine, scope, None, limit=50, layout=layout):
        page = decode_pull_page(body)
        for change in page.changes:
            fields.setdefault(change.entity, set()).update(change.data or {})
        for table in page.tables:
            fields.setdefault(table.entity, set()).update(table.columns)
    assert {"order", "feedback"} <= fields.keys(), "the seed has orders and survey answers"
    assert "net_minor" not in fields["order"] and "total_minor" in fields["order"]
    assert "token" not in fields["feedback"] and "score" in fields["feedback"]


def _store_scope(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(sa.select(customers.c.scope).limit(1)).scalar_one())


@pytest.mark.parametrize("which", ["store", "catalog"])
def test_a_snapshot_decodes_to_exactly_the_rows(engine: Engine, which: str) -> None:
    scope = _store_scope(engine) if which == "store" else CATALOG_SCOPE
    bodies = _pull_all(engine, scope, None, limit=37)
    assert len(bodies) > 2
    got = {}
    for body in bodies:
        assert list(json.loads(body)) == list(PullResponse.model_fields)
        page = PullResponse.model_validate_json(body)  # as the terminal decodes it
        assert page.snapshot and page.last_mutation_id == 7
        for change in page.changes:
            assert change.op == "upsert" and change.data is not None
            assert list(change.model_dump()) == ["entity", "op", "id", "version", "data"]
            got[(change.entity, change.id)] = (change.version, change.data)
    expected = _expected(engine, scope)
    assert got == expected
    # The JSON columns came through as values, not as text holding JSON.
    if which == "store":
        assert any(
            isinstance(data["phones"], list) for _v, data in got.values() if "phones" in data
        )


@pytest.mark.parametrize("which", ["store", "catalog"])
def test_a_snapshot_as_tables_holds_exactly_the_rows(engine: Engine, which: str) -> None:
    """The same snapshot in the "tables" layout: the same rows, in the same pages, each
    JSON column the text of the stored value; the terminal's decoder accepts it."""
    scope = _store_scope(engine) if which == "store" else CATALOG_SCOPE
    as_changes = _pull_all(engine, scope, None, limit=37)
    bodies = _pull_all(engine, scope, None, limit=37, layout="tables")
    assert len(bodies) == len(as_changes) > 2
    got = {}
    for body, other in zip(bodies, as_changes, strict=True):
        page = decode_pull_page(body)
        model = PullResponse.model_validate_json(body)
        assert page.changes == [] and model.tables
        assert page.rows == len(PullResponse.model_validate_json(other).changes)
        assert (page.cursor, page.has_more) == (model.cursor, model.has_more)
        for table in page.tables:
            for row in table.rows:
                data = dict(zip(table.columns, row, strict=True))
                version = data.pop("version")
                for name in table.json_columns:
                    assert data[name] is None or isinstance(data[name], str)
                    data[name] = None if data[name] is None else json.loads(data[name])
                got[(table.entity, data["id"])] = (version, data)
    expected = _expected(engine, scope)
    assert got == expected
    # Equal is not enough (1 == True): each value has the type the row has, whether the
    # database wrote the row's JSON (SQLite stores booleans as 0/1) or Python did.
    kinds = {key[0] for key in got}
    assert {"customer", "consent"} <= kinds if which == "store" else "location" in kinds
    for key, (_version, data) in got.items():
        assert {k: type(v) for k, v in data.items()} == {
            k: type(v) for k, v in expected[key][1].items()
        }, key


def test_increments_and_tombstones_decode_like_before(engine: Engine) -> None:
    scope = _store_scope(engine)
    cursor = PullResponse.model_validate_json(_pull_all(engine, scope, None, 5000)[-1]).cursor
    with write_tx(engine) as conn:
        customer = conn.execute(
            sa.select(customers.c.id).where(customers.c.scope == scope).limit(1)
        ).scalar_one()
        version = versions.allocate(conn, scope, 2)
        conn.execute(
            sa.update(customers)
            .where(customers.c.id == customer)
            .values(
                phones=["+33612345678", "+84901234567"],
                preferences={"sizes": ["M"]},
                version=version,
            )
        )
        gone = uuid7()
        conn.execute(
            sa.insert(tombstones).values(
                entity="note", entity_id=gone, scope=scope, version=version + 1
            )
        )
    [body] = _pull_all(engine, scope, cursor, 5000)
    # Increments come as changes whatever the layout asked.
    assert _pull_all(engine, scope, cursor, 5000, layout="tables") == [body]
    page = PullResponse.model_validate_json(body)
    assert [(c.entity, c.op, c.id, c.version) for c in page.changes] == [
        ("customer", "upsert", customer, version),
        ("note", "delete", gone, version + 1),
    ]
    assert page.changes[0].data is not None
    assert page.changes[0].data["phones"] == ["+33612345678", "+84901234567"]
    assert page.changes[0].data["preferences"] == {"sizes": ["M"]}
    assert page.changes[1].data is None and "data" in json.loads(body)["changes"][1]
    assert not page.snapshot and not page.has_more
