"""lookups: stores that pulled in another store's customer (hub.lookups)

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-02 04:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0015'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'customer_lookups',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('store_id', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('associate_id', sa.String(length=64), nullable=True),
        sa.Column('device_id', sa.String(length=64), nullable=True),
        sa.Column('matched_on', sa.String(length=16), nullable=False),
        sa.Column('looked_up_at', sa.String(length=40), nullable=False),
        sa.Column('expires_at', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ['store_id'], ['locations.id'], name=op.f('fk_customer_lookups_store_id_locations')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_lookups')),
    )
    op.create_index(
        op.f('ix_customer_lookups_customer_id'), 'customer_lookups', ['customer_id'], unique=False
    )
    op.create_index(
        op.f('ix_customer_lookups_store_id_customer_id'),
        'customer_lookups',
        ['store_id', 'customer_id'],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_customer_lookups_store_id_customer_id'), table_name='customer_lookups')
    op.drop_index(op.f('ix_customer_lookups_customer_id'), table_name='customer_lookups')
    op.drop_table('customer_lookups')
