"""visits: store visits of buyers and non-buyers (anonymous visitors too)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 21:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('visits',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('associate_name', sa.String(length=200), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('reason_text', sa.String(length=500), nullable=False),
    sa.Column('products', sa.JSON(), nullable=False),
    sa.Column('survey_token', sa.String(length=64), nullable=False),
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_visits_customer_id_customers')),
    sa.ForeignKeyConstraint(['store_id'], ['locations.id'], name=op.f('fk_visits_store_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits')),
    sa.UniqueConstraint('survey_token', name=op.f('uq_visits_survey_token'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_visits_scope_version', ['scope', 'version'], unique=False)
        batch_op.create_index('ix_visits_store_id_at', ['store_id', 'at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_store_id_at')
        batch_op.drop_index('ix_visits_scope_version')
        batch_op.drop_index(batch_op.f('ix_visits_customer_id'))

    op.drop_table('visits')
