"""orders.net_minor (what the customer kept) and an index for store-period stats

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:00:00
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.domain.metrics import order_net_minor

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('orders', sa.Column('net_minor', sa.BigInteger(), nullable=True))
    conn = op.get_bind()
    orders = sa.table(
        'orders',
        sa.column('id', sa.String),
        sa.column('status', sa.String),
        sa.column('lines', sa.JSON),
        sa.column('net_minor', sa.BigInteger),
    )
    rows = conn.execute(sa.select(orders.c.id, orders.c.status, orders.c.lines)).all()
    for row in rows:
        lines = json.loads(row.lines) if isinstance(row.lines, str) else row.lines
        conn.execute(
            sa.update(orders)
            .where(orders.c.id == row.id)
            .values(net_minor=order_net_minor(lines, row.status))
        )
    with op.batch_alter_table('orders') as batch:
        batch.alter_column('net_minor', existing_type=sa.BigInteger(), nullable=False)
    op.create_index(
        'ix_orders_store_id_placed_at', 'orders', ['store_id', 'placed_at'], unique=False
    )


def downgrade() -> None:
    op.drop_index('ix_orders_store_id_placed_at', table_name='orders')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('net_minor')
