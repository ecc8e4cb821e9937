"""the omnichannel figures' per-store rollup of the purchase facts (hub.omni_rollup),
backfilled from the facts, and an index on the facts' last purchase

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import omni_rollup

revision: str = '0027'
down_revision: str | None = '0026'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_omni_days',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('omni', sa.Boolean(), nullable=False),
    sa.Column('again', sa.Boolean(), nullable=False),
    sa.Column('first_day', sa.BigInteger(), nullable=False),
    sa.Column('customers', sa.Integer(), nullable=False),
    sa.Column('net_minor', sa.BigInteger(), nullable=False),
    sa.Column('purchases', sa.BigInteger(), nullable=False),
    *(sa.Column(f'upto_{k:02d}', sa.Integer(), nullable=False) for k in range(24)),
    sa.PrimaryKeyConstraint(
        'store_id', 'omni', 'again', 'first_day', name=op.f('pk_store_omni_days')
    )
    )
    op.create_index(
        'ix_customer_purchase_facts_last_at', 'customer_purchase_facts', ['last_at'], unique=False
    )
    # The rollup of the facts written before this revision.
    omni_rollup.rebuild_all(op.get_bind())


def downgrade() -> None:
    op.drop_index('ix_customer_purchase_facts_last_at', table_name='customer_purchase_facts')
    op.drop_table('store_omni_days')
