"""The migrations build exactly the schema that `hub.tables` describes, on both backends:
a column or index added to one and not the other fails here, not in production."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from clienteling.hub.db import make_engine, migrate
from clienteling.hub.tables import metadata


def _relevant(diff: Any) -> bool:
    # Type affinity differences SQLite reports (e.g. JSON read back as a plain type) are
    # not schema drift; everything structural is.
    kind = diff[0] if isinstance(diff, tuple) else diff[0][0]
    return kind not in {"modify_type", "modify_default"}


def test_migrated_schema_equals_the_table_definitions(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diffs = [d for d in compare_metadata(context, metadata) if _relevant(d)]
    engine.dispose()
    readable = [d if isinstance(d, tuple) else d[0] for d in diffs]
    assert readable == [], f"migrations and hub.tables disagree: {readable}"


def test_order_net_is_backfilled_by_the_migration(new_db: Any) -> None:
    """0007 computes `net_minor` for orders written before it existed."""
    from alembic import command

    from clienteling.hub.db import alembic_config

    url = new_db()
    engine = make_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            sa.text(
                "INSERT INTO locations (id, kind, name, city, timezone, currency, scope, version) "
                "VALUES ('s1', 'store', 'S', 'C', 'UTC', 'EUR', 'catalog', 1)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO customers (id, given_name, family_name, display_name, phones, emails,"
                " loyalty_points, home_store_id, preferred_channel, language, lifecycle_stage,"
                " clv_minor, currency, created_at, updated_at, scope, version) VALUES ('c1', 'A',"
                " 'B', 'A B', '[]', '[]', 0, 's1', 'email', 'fr', 'trial', 0, 'EUR', 't', 't',"
                " 'store:s1', 1)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO orders (id, customer_id, channel, placed_at, status, total_minor,"
                " currency, lines, scope, version) VALUES ('o1', 'c1', 'store', 't',"
                " 'partially_returned', 3000, 'EUR', :lines, 'store:s1', 2)"
            ),
            {
                "lines": '[{"product_id": "p", "sku": "s", "name": "n", "qty": 3,'
                ' "unit_price_minor": 1000, "returned_qty": 1}]'
            },
        )
    migrate(engine)
    with engine.connect() as conn:
        net = conn.execute(sa.text("SELECT net_minor FROM orders WHERE id = 'o1'")).scalar_one()
    engine.dispose()
    assert net == 2000
