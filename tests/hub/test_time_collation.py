"""Times are text; on PostgreSQL they compare byte by byte (COLLATE "C", migration 0020),
so their order is time order whatever the database's own collation is."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.tables import TIME, ingest_events, metadata
from tests.support.postgres import PostgresServer

# In time order. An ICU (or glibc en_US) collation puts the fraction of a second before
# the whole second, because it ranks "." before "+"; byte order does not.
TIMES = [
    "2025-06-01T09:59:59+00:00",
    "2025-06-01T10:00:00+00:00",
    "2025-06-01T10:00:00.500000+00:00",
    "2025-06-01T10:00:01+00:00",
]


def _time_columns() -> set[tuple[str, str]]:
    return {(t.name, c.name) for t in metadata.sorted_tables for c in t.c if c.type is TIME}


def test_every_time_column_is_byte_ordered_on_postgresql(postgres_server: PostgresServer) -> None:
    engine = make_engine(postgres_server.create_database())
    migrate(engine)
    with engine.connect() as conn:
        collations = {
            (row.table_name, row.column_name): row.collation_name
            for row in conn.execute(
                sa.text(
                    "SELECT table_name, column_name, collation_name "
                    "FROM information_schema.columns WHERE table_schema = 'public'"
                )
            )
        }
    engine.dispose()
    wanted = _time_columns()
    assert len(wanted) > 40
    wrong = {column: collations.get(column) for column in wanted if collations.get(column) != "C"}
    assert wrong == {}, f'TIME columns without COLLATE "C" (add it in their migration): {wrong}'


@pytest.fixture
def icu_engine(postgres_server: PostgresServer) -> sa.Engine:
    try:
        url = postgres_server.create_database(icu_locale="en-US")
    except psycopg.Error as exc:  # a server built without ICU
        pytest.skip(f"PostgreSQL cannot make an ICU database here: {exc}")
    engine = make_engine(url)
    migrate(engine)
    return engine


def test_times_sort_in_time_order_in_a_database_with_a_linguistic_collation(
    icu_engine: sa.Engine,
) -> None:
    with icu_engine.begin() as conn:
        conn.execute(
            sa.insert(ingest_events),
            [
                {"source": "t", "event_id": f"e{i}", "topic": "x", "received_at": at, "status": ""}
                for i, at in enumerate(reversed(TIMES))
            ],
        )
    column = ingest_events.c.received_at
    with icu_engine.connect() as conn:
        by_time = list(conn.execute(sa.select(column).order_by(column)).scalars())
        by_locale = list(
            conn.execute(sa.select(column).order_by(column.collate("default"))).scalars()
        )
        later = list(
            conn.execute(sa.select(column).where(column > TIMES[1]).order_by(column)).scalars()
        )
    icu_engine.dispose()
    assert by_locale != TIMES  # the database's own collation misorders them...
    assert by_time == TIMES  # ...the time column does not
    assert later == TIMES[2:]
