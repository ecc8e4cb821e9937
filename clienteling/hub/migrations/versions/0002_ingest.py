"""ingest from the web shop: received events, id links, cart states, product views

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('ingest_events',
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.String(length=200), nullable=False),
    sa.Column('topic', sa.String(length=80), nullable=False),
    sa.Column('occurred_at', sa.String(length=40), nullable=True),
    sa.Column('received_at', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('source', 'event_id', name=op.f('pk_ingest_events'))
    )
    op.create_table('ingest_links',
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=False),
    sa.Column('internal_id', sa.String(length=64), nullable=False),
    sa.Column('occurred_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('source', 'kind', 'external_id', name=op.f('pk_ingest_links'))
    )
    with op.batch_alter_table('ingest_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ingest_links_internal_id'), ['internal_id'], unique=False)

    op.create_table('ingest_carts',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('checkout_step', sa.String(length=32), nullable=True),
    sa.Column('occurred_at', sa.String(length=40), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('lines', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_carts'))
    )
    op.create_table('product_views',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('product_id', sa.String(length=64), nullable=True),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('viewed_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_views'))
    )
    with op.batch_alter_table('product_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_views_customer_id'), ['customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('product_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_views_customer_id'))

    op.drop_table('product_views')
    op.drop_table('ingest_carts')
    with op.batch_alter_table('ingest_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ingest_links_internal_id'))

    op.drop_table('ingest_links')
    op.drop_table('ingest_events')
