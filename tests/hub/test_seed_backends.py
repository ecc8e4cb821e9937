"""The same seed gives the same demo data on SQLite, on PostgreSQL and on a PostgreSQL
whose collation is a language's (ICU en-US): nothing the seed draws may depend on the
order a database happens to return rows in, or on how it sorts text."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.seed import seed_demo_data
from clienteling.hub.tables import customers, metadata
from tests.support.postgres import PostgresServer

NOW = datetime(2025, 6, 1, tzinfo=UTC)

# What is different in every hub by design, not by seed: its epoch and link secret (so
# the links' tokens), the sign-ins' argon2 salts, holds that last into the real future,
# and task ids (UUIDv7 of the moment generation ran; their order is what they are
# compared by, and `dedupe_key` names each task).
_PER_HUB: dict[str, set[str]] = {
    "associates": {"password_hash"},
    "followup_links": {"token"},
    "reservations": {"expires_at"},
    "tasks": {"id"},
}
_SKIPPED = {"hub_meta"}


def table_lines(engine: sa.Engine) -> dict[str, list[str]]:
    """Every table's rows as JSON lines, sorted here, not by the database."""
    result: dict[str, list[str]] = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name in _SKIPPED:
                continue
            drop = _PER_HUB.get(table.name, set())
            lines = sorted(
                json.dumps(
                    {k: v for k, v in row.items() if k not in drop}, sort_keys=True, default=str
                )
                for row in conn.execute(sa.select(table)).mappings()
            )
            result[table.name] = lines
    return result


def store_customers_with_email(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(customers.c.home_store_id, customers.c.emails)).all()
    counts: dict[str, int] = {}
    for row in rows:
        if row.emails:
            counts[row.home_store_id] = counts.get(row.home_store_id, 0) + 1
    return counts


def _seeded(url: str) -> tuple[dict[str, list[str]], dict[str, int]]:
    engine = make_engine(url)
    migrate(engine)
    seed_demo_data(engine, customers=120, seed=11, now=NOW)
    try:
        return table_lines(engine), store_customers_with_email(engine)
    finally:
        engine.dispose()


def _differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {
        name: (a.get(name), b.get(name))
        for name in a.keys() | b.keys()
        if a.get(name) != b.get(name)
    }


def _rows_apart(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, Any]:
    """Per table that differs: its row counts and the first rows only one side has (so a
    failure says which rows, not only that a digest differs)."""
    apart: dict[str, Any] = {}
    for name in sorted(a.keys() | b.keys()):
        left, right = a.get(name, []), b.get(name, [])
        if left != right:
            only_left = sorted(set(left) - set(right))[:3]
            only_right = sorted(set(right) - set(left))[:3]
            apart[name] = (len(left), len(right), only_left, only_right)
    return apart


def test_the_same_seed_gives_the_same_data_on_every_database(
    tmp_path: Path, postgres_server: PostgresServer
) -> None:
    sqlite_data, sqlite_emails = _seeded(str(tmp_path / "hub.sqlite3"))
    pg_data, pg_emails = _seeded(postgres_server.create_database())
    assert sum(sqlite_emails.values()) > 60 and len(sqlite_emails) == 3
    assert len(sqlite_data["customers"]) == 120 and len(sqlite_data["tasks"]) > 10
    assert _differences(sqlite_emails, pg_emails) == {}
    assert _rows_apart(sqlite_data, pg_data) == {}
    try:
        icu_url = postgres_server.create_database(icu_locale="en-US")
    except psycopg.Error as exc:  # a server built without ICU
        pytest.skip(f"PostgreSQL cannot make an ICU database here: {exc}")
    icu_data, icu_emails = _seeded(icu_url)
    assert _differences(sqlite_emails, icu_emails) == {}
    assert _rows_apart(sqlite_data, icu_data) == {}
