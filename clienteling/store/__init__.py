"""The terminal's local SQLite cache (sqlite-utils): schema, migrations, search, outbox."""
