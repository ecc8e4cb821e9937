"""credited kept orders under their follow-up, for the dashboard's follow-up effects
(hub.followup_credits), backfilled in SQL

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 20:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import followup_credits

revision: str = '0024'
down_revision: str | None = '0023'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('followup_credits',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('revenue_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_followup_credits'))
    )
    op.create_index(
        op.f('ix_followup_credits_customer_id'), 'followup_credits', ['customer_id'], unique=False
    )
    op.create_index(
        'ix_followup_credits_followup_id',
        'followup_credits',
        ['followup_id'],
        unique=False,
        postgresql_include=['revenue_minor'],
    )
    # The rows of the orders credited before this revision: one INSERT ... SELECT.
    followup_credits.rebuild_all(op.get_bind(), with_revenue=False)  # 0034 adds the rest


def downgrade() -> None:
    op.drop_index('ix_followup_credits_followup_id', table_name='followup_credits')
    op.drop_index(op.f('ix_followup_credits_customer_id'), table_name='followup_credits')
    op.drop_table('followup_credits')
