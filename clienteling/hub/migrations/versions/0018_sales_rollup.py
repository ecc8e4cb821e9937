"""per-day sales rollups for the dashboard (hub.sales_rollup), backfilled in SQL

Revision ID: 0018
Revises: 0020
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import sales_rollup

revision: str = '0018'
down_revision: str | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('customer_sales_days',
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('prev_day', sa.String(length=10), nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('revenue_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint(
        'customer_id', 'store_id', 'kind', 'associate_id', 'day',
        name=op.f('pk_customer_sales_days'),
    )
    )
    op.create_table('store_sales_daily',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('prev_day', sa.String(length=10), nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('revenue_minor', sa.BigInteger(), nullable=False),
    sa.Column('customers', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint(
        'store_id', 'kind', 'associate_id', 'day', 'prev_day',
        name=op.f('pk_store_sales_daily'),
    )
    )
    # The chain-wide sums read one kind over a range of days for every store.
    op.create_index(
        'ix_store_sales_daily_kind_day',
        'store_sales_daily',
        ['kind', 'day'],
        unique=False,
        postgresql_include=['store_id', 'prev_day', 'orders', 'revenue_minor', 'customers'],
    )
    # The rows of the orders written before this revision, in two INSERT ... SELECT.
    sales_rollup.rebuild_all(op.get_bind(), with_sums=False)  # 0033 adds the sums


def downgrade() -> None:
    op.drop_index('ix_store_sales_daily_kind_day', table_name='store_sales_daily')
    op.drop_table('store_sales_daily')
    op.drop_table('customer_sales_days')
