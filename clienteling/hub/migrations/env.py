"""Alembic environment: runs on the connection `hub.db.migrate` hands over (no alembic.ini)."""

from __future__ import annotations

from alembic import context

from clienteling.hub.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through clienteling.hub.db.migrate(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    # `migrate` runs inside one transaction (BEGIN IMMEDIATE on SQLite): all or nothing.
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
