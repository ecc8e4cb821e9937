"""device wipe orders after revocation; customer erasures

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'device_wipes',
        sa.Column('device_id', sa.String(length=64), nullable=False),
        sa.Column('discard_unsent', sa.Boolean(), nullable=False),
        sa.Column('wiped_at', sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ['device_id'], ['devices.id'], name=op.f('fk_device_wipes_device_id_devices')
        ),
        sa.PrimaryKeyConstraint('device_id', name=op.f('pk_device_wipes')),
    )
    op.create_table(
        'customer_erasures',
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('erased_at', sa.String(length=40), nullable=False),
        sa.Column('erased_by', sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_erasures')),
    )


def downgrade() -> None:
    op.drop_table('customer_erasures')
    op.drop_table('device_wipes')
