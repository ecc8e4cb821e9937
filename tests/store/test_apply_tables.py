"""A snapshot page as tables (`PullRequest.layout` "tables") leaves the cache exactly as
the same rows sent as changes do: every column, the search index and its order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlite_utils import Database

from clienteling.protocol.models import Change
from clienteling.protocol.pull_page import PulledTable
from clienteling.store.apply import apply_page
from clienteling.store.cache import open_cache
from clienteling.store.search import search_customers
from clienteling.store.state import scope_state
from clienteling.store.tables import ENTITY_TABLES
from tests.store.conftest import SCOPE, STORE_ID, change, customer


def as_table(changes: list[Change], *, columns: tuple[str, ...] | None = None) -> PulledTable:
    """The upserts of one kind as the hub sends them in a table: JSON columns as text."""
    spec = ENTITY_TABLES[changes[0].entity]
    names = columns or (*spec.columns, "version")
    rows = []
    for c in changes:
        values = {**(c.data or {}), "version": c.version}
        row = []
        for name in names:
            value = values.get(name)
            if name in spec.json_columns and value is not None:
                value = orjson.dumps(value).decode()
            row.append(value)
        rows.append(row)
    json_columns = frozenset(n for n in names if n in spec.json_columns)
    return PulledTable(spec.entity, tuple(names), json_columns, rows)


def page_rows() -> list[list[Change]]:
    """Rows of several kinds, each kind's list one table."""
    return [
        [
            customer("c1", given="Đặng", family="Thị Lan", phones=["+84901234567"], card="4006"),
            customer("c2", given="François", family="Lefèvre", emails=["F.Lefevre@Example.fr"]),
            customer("c3", given="Жанна", family="Жукова", phones=["+33612345678", "+7 912"]),
            customer(
                "c4",
                given="Ana",
                family="Lopez",
                version=7,
                preferences={"size": "M"},
                loyalty_tier="gold",
            ),
        ],
        [
            change(
                "consent",
                {
                    "id": "k1",
                    "customer_id": "c1",
                    "channel": "sms",
                    "granted": True,
                    "source": "store",
                    "at": "2026-01-01T00:00:00+00:00",
                },
            ),
            change(
                "consent",
                {
                    "id": "k2",
                    "customer_id": "c2",
                    "channel": "email",
                    "granted": False,
                    "source": "web",
                    "at": "2026-01-02T00:00:00+00:00",
                },
            ),
        ],
        [
            change(
                "note",
                {
                    "id": "n1",
                    "customer_id": "c1",
                    "associate_id": "a1",
                    "author_name": "Mai",
                    "store_id": STORE_ID,
                    "text": "Prefers linen",
                    "created_at": "2026-01-03T09:00:00+00:00",
                },
            ),
        ],
    ]


def contents(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    return {
        spec.table: db.conn.execute(f"SELECT * FROM {spec.table} ORDER BY id").fetchall()
        for spec in ENTITY_TABLES.values()
    }


def fresh(tmp_path: Path, name: str) -> Database:
    return open_cache(tmp_path / f"{name}.sqlite3")


def apply(
    db: Database,
    *,
    changes: list[Change] | None = None,
    tables: list[PulledTable] | None = None,
    cursor: str = "c",
) -> None:
    apply_page(
        db,
        scope=SCOPE,
        changes=changes or [],
        tables=tables or [],
        cursor=cursor,
        last_mutation_id=0,
        snapshot_done=True,
    )


def test_tables_write_what_changes_write(tmp_path: Path) -> None:
    kinds = page_rows()
    by_changes, by_tables = fresh(tmp_path, "changes"), fresh(tmp_path, "tables")
    apply(by_changes, changes=[c for kind in kinds for c in kind])
    apply(by_tables, tables=[as_table(kind) for kind in kinds])
    assert contents(by_tables) == contents(by_changes)
    assert contents(by_tables)["customers"], "the test wrote nothing"
    for query in ("dang", "lefevre f", "ЖАННА", "0901 234 567", "4006", "f.lefevre@"):
        found = [hit.id for hit in search_customers(by_tables, query)]
        assert found == [hit.id for hit in search_customers(by_changes, query)], query
        assert found, query


def test_a_second_snapshot_page_updates_rows_in_place(tmp_path: Path) -> None:
    """A resumed or restarted snapshot sends rows the cache has: upserts, search kept."""
    db = fresh(tmp_path, "cache")
    apply(db, tables=[as_table(page_rows()[0])])
    renamed = customer("c2", given="Françoise", family="Martin", version=9)
    apply(db, tables=[as_table([renamed])])
    assert [hit.id for hit in search_customers(db, "martin")] == ["c2"]
    assert search_customers(db, "lefevre") == []
    assert db.conn.execute("SELECT version FROM customers WHERE id = 'c2'").fetchone() == (9,)


def test_hub_columns_in_another_order_extra_or_missing(tmp_path: Path) -> None:
    """A hub of another release: a column unknown here is left out, one the hub did not
    send is NULL, as for a change without that field."""
    people = page_rows()[0]
    spec = ENTITY_TABLES["customer"]
    columns = ("version", "hub_only", *reversed([c for c in spec.columns if c != "loyalty_tier"]))
    table = as_table(people, columns=columns)
    table.rows[0][1] = "something this cache has no column for"
    by_tables, by_changes = fresh(tmp_path, "tables"), fresh(tmp_path, "changes")
    apply(
        by_tables,
        tables=[
            PulledTable(
                table.entity,
                (*columns[1:], "version"),
                table.json_columns,
                [[*row[1:], row[0]] for row in table.rows],
            )
        ],
    )
    without = [
        c.model_copy(
            update={"data": {k: v for k, v in (c.data or {}).items() if k != "loyalty_tier"}}
        )
        for c in people
    ]
    apply(by_changes, changes=without)
    assert contents(by_tables) == contents(by_changes)
    assert by_tables.conn.execute(
        "SELECT count(*) FROM customers WHERE loyalty_tier IS NULL"
    ).fetchone() == (4,)


@pytest.mark.parametrize(
    ("kind", "column", "value"),
    [(0, "phones", "[not json"), (0, "display_name", ["nested"]), (2, "text", {"a": 1})],
)
def test_a_row_sqlite_cannot_store_refuses_the_whole_page(
    tmp_path: Path, kind: int, column: str, value: Any
) -> None:
    db = fresh(tmp_path, "cache")
    apply(db, tables=[as_table(page_rows()[1])], cursor="first")
    tables = [as_table(rows) for rows in page_rows()]
    bad = tables[kind]
    bad.rows[-1][bad.columns.index(column)] = value
    with pytest.raises(ValueError):
        apply(db, tables=tables, cursor="second")
    assert db.conn.execute("SELECT count(*) FROM customers").fetchone() == (0,)
    assert db.conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    assert scope_state(db, SCOPE).cursor == "first"
