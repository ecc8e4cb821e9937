"""recent_views: the products each customer viewed online lately (synced, store scope)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-03 06:30:00

One row per customer and product (the latest view, how many), kept by the ingest of
product views (`hub.recent_views`). Empty at first: the views ingested from now on fill
it (the `product_views` log is not replayed into it).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0026'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Times compare byte by byte on PostgreSQL (see 0020_time_collation).
_TIME = sa.String(length=40).with_variant(sa.String(length=40, collation='C'), 'postgresql')


def upgrade() -> None:
    op.create_table(
        'recent_views',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('product_id', sa.String(length=64), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('viewed_at', _TIME, nullable=False),
        sa.Column('view_count', sa.Integer(), nullable=False),
        sa.Column('scope', sa.String(length=80), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ['customer_id'], ['customers.id'], name=op.f('fk_recent_views_customer_id_customers')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_recent_views')),
    )
    op.create_index(
        'ix_recent_views_customer_id_product_id',
        'recent_views',
        ['customer_id', 'product_id'],
        unique=True,
    )
    op.create_index(
        'ix_recent_views_scope_version', 'recent_views', ['scope', 'version'], unique=False
    )
    op.create_index('ix_recent_views_scope_id', 'recent_views', ['scope', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_recent_views_scope_id', table_name='recent_views')
    op.drop_index('ix_recent_views_scope_version', table_name='recent_views')
    op.drop_index('ix_recent_views_customer_id_product_id', table_name='recent_views')
    op.drop_table('recent_views')
