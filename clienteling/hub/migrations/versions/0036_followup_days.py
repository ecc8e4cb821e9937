"""per-store, per-local-day counts of follow-ups by template, channel and status with
their credited revenue (hub.followup_days), backfilled in SQL

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-03 19:00:00

The funnel's follow-up steps and the follow-up effects read these rows for periods of
whole local days instead of every follow-up of the period. One INSERT ... SELECT from
the follow-ups and `followup_revenue` written before this revision.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import followup_days

revision: str = '0036'
down_revision: str | None = '0035'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_followup_days',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column(
        'day',
        sa.String(length=10).with_variant(sa.String(length=10, collation='C'), 'postgresql'),
        nullable=False,
    ),
    sa.Column('template', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('followups', sa.Integer(), nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('revenue_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint(
        'store_id', 'day', 'template', 'channel', 'status', name=op.f('pk_store_followup_days')
    )
    )
    followup_days.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table('store_followup_days')
