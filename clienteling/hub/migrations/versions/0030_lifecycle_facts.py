"""the purchase facts carry the customer's home store and creation time, so the
dashboard's lifecycle counts read the facts alone (hub.stats.lifecycle); backfilled from
the customers in one UPDATE; the per-day sales rollup's (kind, day) index covers the
associate too (the dashboard reads the chain and the store's associates in one pass)

Revision ID: 0030
Revises: 0029
Create Date: 2026-12-03 15:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import purchase_facts

revision: str = '0030'
down_revision: str | None = '0029'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIME = sa.String(length=40).with_variant(sa.String(length=40, collation='C'), 'postgresql')


def upgrade() -> None:
    op.add_column(
        'customer_purchase_facts', sa.Column('home_store_id', sa.String(length=64), nullable=True)
    )
    op.add_column('customer_purchase_facts', sa.Column('joined_at', TIME, nullable=True))
    purchase_facts.fill_joined(op.get_bind())
    op.create_index(
        'ix_customer_purchase_facts_home_store_id_joined_at',
        'customer_purchase_facts',
        ['home_store_id', 'joined_at'],
        unique=False,
        postgresql_include=['first_at', 'second_at', 'last_at'],
    )
    _sales_index(['store_id', 'associate_id', 'prev_day', 'orders', 'revenue_minor', 'customers'])


def _sales_index(include: list[str]) -> None:
    op.drop_index('ix_store_sales_daily_kind_day', table_name='store_sales_daily')
    op.create_index(
        'ix_store_sales_daily_kind_day',
        'store_sales_daily',
        ['kind', 'day'],
        unique=False,
        postgresql_include=include,
    )


def downgrade() -> None:
    _sales_index(['store_id', 'prev_day', 'orders', 'revenue_minor', 'customers'])
    op.drop_index(
        'ix_customer_purchase_facts_home_store_id_joined_at',
        table_name='customer_purchase_facts',
    )
    op.drop_column('customer_purchase_facts', 'joined_at')
    op.drop_column('customer_purchase_facts', 'home_store_id')
