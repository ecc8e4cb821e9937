"""per-customer purchase facts for the dashboard, backfilled from the orders; indexes for
the dashboard's store and online scans

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-02 04:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import purchase_facts

revision: str = '0012'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('customer_purchase_facts',
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('purchases', sa.Integer(), nullable=False),
    sa.Column('net_minor', sa.BigInteger(), nullable=False),
    sa.Column('first_at', sa.String(length=40), nullable=False),
    sa.Column('first_us', sa.BigInteger(), nullable=False),
    sa.Column('second_at', sa.String(length=40), nullable=True),
    sa.Column('second_us', sa.BigInteger(), nullable=True),
    sa.Column('last_at', sa.String(length=40), nullable=False),
    sa.Column('in_store', sa.Boolean(), nullable=False),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_purchase_facts'))
    )
    op.create_table('customer_purchase_gaps',
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('from_at', sa.String(length=40), nullable=False),
    sa.Column('to_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', 'from_at', name=op.f('pk_customer_purchase_gaps'))
    )
    # The dashboard's scans read indexes only on PostgreSQL (INCLUDE; SQLite ignores it):
    # a store's customers, a store's counter sales and the online sales of a period.
    op.create_index(
        'ix_customers_home_store_id_created_at',
        'customers',
        ['home_store_id', 'created_at'],
        unique=False,
        postgresql_include=['id'],
    )
    op.drop_index('ix_orders_store_id_placed_at', table_name='orders')
    op.create_index(
        'ix_orders_store_id_placed_at',
        'orders',
        ['store_id', 'placed_at'],
        unique=False,
        postgresql_include=['channel', 'status', 'customer_id', 'associate_id', 'net_minor'],
    )
    op.create_index(
        'ix_orders_channel_placed_at',
        'orders',
        ['channel', 'placed_at'],
        unique=False,
        postgresql_include=['status', 'customer_id', 'store_id', 'net_minor', 'id'],
    )
    # The facts of the orders written before this revision (the same code the order
    # writes call, so backfilled and kept rows cannot differ).
    purchase_facts.rebuild_all(op.get_bind(), with_joined=False)  # 0030 adds the rest


def downgrade() -> None:
    op.drop_index('ix_orders_channel_placed_at', table_name='orders')
    op.drop_index('ix_orders_store_id_placed_at', table_name='orders')
    op.create_index(
        'ix_orders_store_id_placed_at', 'orders', ['store_id', 'placed_at'], unique=False
    )
    op.drop_index('ix_customers_home_store_id_created_at', table_name='customers')
    op.drop_table('customer_purchase_gaps')
    op.drop_table('customer_purchase_facts')
