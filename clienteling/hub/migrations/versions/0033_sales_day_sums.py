"""per-(bucket, day) sales sums and per-(bucket, newest day) customers (hub.sales_rollup),
backfilled from the existing sales rollups

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-03 18:00:00

The dashboard's sales read `store_sales_daily`, a row per (bucket, day, previous day):
about 300,000 rows for a year of a store with 2,000,000 orders. Orders and revenue add up
over days, so `store_sales_day_sums` keeps a row per (bucket, day); the distinct customers
of a period that nothing in the bucket follows (the current period) are those whose newest
day in the bucket is in it, counted per (bucket, newest day) in `store_sales_last_days`.
Both are filled in SQL from the two tables of 0018 (no order is read).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import sales_rollup

revision: str = '0033'
down_revision: str | None = '0032'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_sales_day_sums',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('revenue_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint(
        'store_id', 'kind', 'associate_id', 'day', name=op.f('pk_store_sales_day_sums')
    )
    )
    op.create_index(
        'ix_store_sales_day_sums_kind_day',
        'store_sales_day_sums',
        ['kind', 'day'],
        unique=False,
        postgresql_include=['store_id', 'associate_id', 'orders', 'revenue_minor'],
    )
    op.create_table('store_sales_last_days',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('last_day', sa.String(length=10), nullable=False),
    sa.Column('customers', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint(
        'store_id', 'kind', 'associate_id', 'last_day', name=op.f('pk_store_sales_last_days')
    )
    )
    op.create_index(
        'ix_store_sales_last_days_kind_last_day',
        'store_sales_last_days',
        ['kind', 'last_day'],
        unique=False,
        postgresql_include=['store_id', 'associate_id', 'customers'],
    )
    # The rows of the sales written before this revision, in two INSERT ... SELECT.
    sales_rollup.rebuild_sums(op.get_bind())


def downgrade() -> None:
    op.drop_index('ix_store_sales_last_days_kind_last_day', table_name='store_sales_last_days')
    op.drop_table('store_sales_last_days')
    op.drop_index('ix_store_sales_day_sums_kind_day', table_name='store_sales_day_sums')
    op.drop_table('store_sales_day_sums')
