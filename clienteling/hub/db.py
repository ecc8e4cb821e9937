"""Engines and transactions.

On SQLite every write transaction starts with `BEGIN IMMEDIATE`, so writers serialise at
BEGIN and the per-scope version counter is handed out in commit order; reads start a
plain deferred transaction, which in WAL mode is a consistent snapshot that never blocks
writers. On PostgreSQL (psycopg 3) writes run at READ COMMITTED and the row locks on the
counter and device rows do the same job; reads run at REPEATABLE READ, READ ONLY, so every
query of one pull sees the same snapshot.
"""

from __future__ import annotations

import functools
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from clienteling.hub.tables import hub_meta

_BEGIN_OPTION = "sqlite_begin"
_SQLITE_TIMEOUT_S = 30.0
# Serialises `migrate` across hub processes sharing one PostgreSQL (any constant will do).
_MIGRATE_LOCK = 0x636C69656E74


def to_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (which means SQLite).

    `postgresql://` and `postgres://` (libpq style) mean psycopg 3, the driver we ship.
    """
    if "://" not in url_or_path:
        return f"sqlite:///{Path(url_or_path).expanduser()}"
    for plain in ("postgresql://", "postgres://"):
        if url_or_path.startswith(plain):
            return "postgresql+psycopg://" + url_or_path[len(plain) :]
    return url_or_path


def make_engine(url_or_path: str) -> Engine:
    """An engine with our transaction rules applied (see the module docstring)."""
    url = to_url(url_or_path)
    if not url.startswith("sqlite"):
        # Explicit, whatever the server's default_transaction_isolation says: the counter
        # row's first creation (see `versions.allocate`) relies on READ COMMITTED.
        # Pool as large as the request thread pool (40): a pull waiting for a pooled
        # connection is the worst kind of latency (SQLAlchemy's default is 5 + 10).
        return sa.create_engine(
            url,
            pool_pre_ping=True,
            isolation_level="READ COMMITTED",
            pool_size=10,
            max_overflow=30,
        )
    database = sa.engine.make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(
        url, connect_args={"check_same_thread": False, "timeout": _SQLITE_TIMEOUT_S}
    )
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself instead of pysqlite's implicit one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    """Turning a new file to WAL needs an exclusive lock and SQLite does not wait for it
    (no busy handler there): when several connections open a new file at once, retry."""
    deadline = time.monotonic() + _SQLITE_TIMEOUT_S
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _on_sqlite_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
    conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE on SQLite); commits on success."""
    with engine.begin() as conn:
        yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction: one consistent snapshot, never blocks writers."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn = conn.execution_options(**{_BEGIN_OPTION: "DEFERRED"})
        else:
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with conn.begin():
            yield conn


@contextmanager
def read_now(engine: Engine) -> Iterator[Connection]:
    """Reads that need no snapshot shared between statements (the session lookup every
    request makes). On PostgreSQL they run in autocommit, saving the BEGIN and COMMIT
    round trips; on SQLite this is `read_tx` (local, no round trips to save)."""
    if engine.dialect.name == "sqlite":
        with read_tx(engine) as conn:
            yield conn
        return
    with engine.connect() as conn:
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


def insert_ignoring_conflicts(conn: Connection, table: sa.Table, values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING (append-only rows); True when a row was added.

    On PostgreSQL a concurrent insert of the same key waits for the other transaction and
    then does nothing, instead of failing with a unique violation.
    """
    # The values go as parameters of one statement built once per table: building it
    # with `.values(...)` each time cost more than running it (a push makes several).
    return conn.execute(_insert_ignoring(conn.dialect.name, table), values).first() is not None


@functools.cache
def _insert_ignoring(dialect_name: str, table: sa.Table) -> sa.Insert:
    dialect = sqlite if dialect_name == "sqlite" else postgresql
    # RETURNING, not rowcount: psycopg's rowcount for this INSERT reads -1 through
    # SQLAlchemy 2.1, so "added" must come from the returned row.
    statement: sa.Insert = (
        dialect.insert(table).on_conflict_do_nothing().returning(sa.literal_column("1"))
    )
    return statement


def alembic_config() -> Config:
    """Alembic configuration built in code: no alembic.ini needed at runtime."""
    cfg = Config()
    cfg.set_main_option("script_location", "clienteling.hub:migrations")
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Hub processes starting together migrate one after the other.
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATE_LOCK)))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if (
            conn.execute(sa.select(hub_meta.c.value).where(hub_meta.c.key == "epoch")).first()
            is None
        ):
            conn.execute(sa.insert(hub_meta).values(key="epoch", value=new_epoch()))


def new_epoch() -> str:
    """A fresh epoch: give a restored or rebuilt database a new one so terminals resync."""
    return secrets.token_hex(8)


def read_epoch(conn: Connection) -> str:
    return str(
        conn.execute(sa.select(hub_meta.c.value).where(hub_meta.c.key == "epoch")).scalar_one()
    )
