"""per follow-up credited kept orders and revenue for the dashboard's follow-up effects
(hub.followup_revenue), backfilled in SQL; indexes for the period's feedback, tasks,
offers and cart touches of a store

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-03 18:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import followup_revenue

revision: str = '0034'
down_revision: str | None = '0033'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# The dashboard reads a store's period of these tables; without an index on (store,
# time) it scanned every row of the table (EXPLAIN ANALYZE: sequential scans).
_PERIOD_INDEXES = (
    (
        'ix_feedback_store_id_created_at',
        'feedback',
        ['store_id', 'created_at', 'id'],
        ['touchpoint', 'buyer', 'score', 'token'],
    ),
    (
        'ix_attribution_touches_store_id_kind_at',
        'attribution_touches',
        ['store_id', 'kind', 'at'],
        ['followup_id'],
    ),
    (
        'ix_offers_store_id_created_at',
        'offers',
        ['store_id', 'created_at'],
        ['kind', 'redeemed_channel'],
    ),
    (
        'ix_tasks_store_id_created_at',
        'tasks',
        ['store_id', 'created_at'],
        ['associate_id', 'done_by', 'status', 'done_at', 'due_at'],
    ),
)


def upgrade() -> None:
    time = sa.String(length=40).with_variant(sa.String(length=40, collation='C'), 'postgresql')
    op.create_table('followup_revenue',
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', time, nullable=False),
    sa.Column('template', sa.String(length=32), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('orders', sa.Integer(), nullable=False),
    sa.Column('revenue_minor', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('followup_id', name=op.f('pk_followup_revenue'))
    )
    op.create_index(
        'ix_followup_revenue_store_id_created_at',
        'followup_revenue',
        ['store_id', 'created_at'],
        unique=False,
        postgresql_include=['template', 'channel', 'revenue_minor'],
    )
    for name, table, columns, include in _PERIOD_INDEXES:
        op.create_index(name, table, columns, unique=False, postgresql_include=include)
    # The follow-ups credited before this revision: one INSERT ... SELECT of the credits
    # grouped per follow-up, joined with the follow-ups.
    followup_revenue.rebuild_all(op.get_bind())


def downgrade() -> None:
    for name, table, _columns, _include in reversed(_PERIOD_INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index('ix_followup_revenue_store_id_created_at', table_name='followup_revenue')
    op.drop_table('followup_revenue')
