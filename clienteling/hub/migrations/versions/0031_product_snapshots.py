"""reservations, recent_views: the product as it was held or viewed (name, SKU, variant);
recent_views.viewed_at indexed for the periodic prune

Revision ID: 0031
Revises: 0030
Create Date: 2026-12-03 15:10:00

A product the shop stops offering leaves the terminals' catalog (`hub.listing`), so a
hold or a recently viewed line could only show its id there. Like order lines, cart
lines and visits, these rows now keep what they name. Filled from the products table
for the rows already there; no version bump: a terminal's cache migration fills its own
rows from its catalog, and the next change of a row brings the hub's values.

The index on recent_views.viewed_at serves the periodic prune of rows older than the
window (`hub.recent_views.prune_stale`, oldest first, in batches).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0031'
down_revision: str | None = '0030'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('reservations', sa.Column('sku', sa.String(length=64), nullable=True))
    for table in ('reservations', 'recent_views'):
        op.add_column(table, sa.Column('product_name', sa.String(length=300), nullable=True))
        op.add_column(table, sa.Column('size', sa.String(length=32), nullable=True))
        op.add_column(table, sa.Column('colour', sa.String(length=64), nullable=True))
    for table, columns in (
        ('reservations', ('sku', 'product_name', 'size', 'colour')),
        ('recent_views', ('product_name', 'size', 'colour')),
    ):
        for column in columns:
            source = 'name' if column == 'product_name' else column
            op.execute(
                f'UPDATE {table} SET {column} = (SELECT p.{source} FROM products AS p '
                f'WHERE p.id = {table}.product_id)'
            )
    op.create_index('ix_recent_views_viewed_at', 'recent_views', ['viewed_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_recent_views_viewed_at', table_name='recent_views')
    # Plain DROP COLUMN (SQLite >= 3.35), as 0028.
    for table in ('recent_views', 'reservations'):
        op.execute(f'ALTER TABLE {table} DROP COLUMN colour')
        op.execute(f'ALTER TABLE {table} DROP COLUMN size')
        op.execute(f'ALTER TABLE {table} DROP COLUMN product_name')
    op.execute('ALTER TABLE reservations DROP COLUMN sku')
