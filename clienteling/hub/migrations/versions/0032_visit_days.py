"""per-store, per-local-day counts of visits by outcome and reason (hub.visit_rollup),
backfilled in SQL

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-03 18:00:00

The funnel, the no-purchase reasons and the visits drill-down's total read these rows
for periods of whole local days instead of every visit of the period. One INSERT ...
SELECT from the visits written before this revision.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import visit_rollup

revision: str = '0032'
down_revision: str | None = '0031'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('store_visit_days',
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column(
        'day',
        sa.String(length=10).with_variant(sa.String(length=10, collation='C'), 'postgresql'),
        nullable=False,
    ),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('visits', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint(
        'store_id', 'day', 'outcome', 'reason', name=op.f('pk_store_visit_days')
    )
    )
    visit_rollup.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_table('store_visit_days')
