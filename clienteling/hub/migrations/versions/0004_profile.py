"""profile changes, consent and merges: preferences, field history, consent audit, merges

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 21:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN (no batch table rebuild): rebuilding `customers` on SQLite would
    # drop a table that orders, carts and notes reference, which fails with data in it.
    op.add_column(
        'customers',
        sa.Column('preferences', sa.JSON(), server_default=sa.text("'{}'"), nullable=False),
    )

    op.create_table('customer_field_history',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('old_value', sa.JSON(), nullable=True),
    sa.Column('new_value', sa.JSON(), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('changed_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_field_history'))
    )
    with op.batch_alter_table('customer_field_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_field_history_customer_id'), ['customer_id'], unique=False)

    op.create_table('consent_audit',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('consent_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('granted', sa.Boolean(), nullable=False),
    sa.Column('based_on', sa.BigInteger(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_audit'))
    )
    with op.batch_alter_table('consent_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_audit_customer_id'), ['customer_id'], unique=False)

    op.create_table('customer_merges',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('survivor_id', sa.String(length=64), nullable=False),
    sa.Column('matched_on', sa.String(length=16), nullable=False),
    sa.Column('merged_at', sa.String(length=40), nullable=False),
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_merges'))
    )
    with op.batch_alter_table('customer_merges', schema=None) as batch_op:
        batch_op.create_index('ix_customer_merges_scope_version', ['scope', 'version'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_merges_survivor_id'), ['survivor_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('customer_merges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_merges_survivor_id'))
        batch_op.drop_index('ix_customer_merges_scope_version')

    op.drop_table('customer_merges')
    with op.batch_alter_table('consent_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_audit_customer_id'))

    op.drop_table('consent_audit')
    with op.batch_alter_table('customer_field_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_field_history_customer_id'))

    op.drop_table('customer_field_history')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('preferences')
