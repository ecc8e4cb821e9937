"""tasks: hub-generated tasks of a store (lifecycle, cart available here, post-purchase)

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-02 00:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'tasks',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('store_id', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('dedupe_key', sa.String(length=200), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('priority', sa.Integer(), nullable=False),
        sa.Column('template', sa.String(length=32), nullable=False),
        sa.Column('subject_id', sa.String(length=64), nullable=True),
        sa.Column('product_ids', sa.JSON(), nullable=False),
        sa.Column('associate_id', sa.String(length=64), nullable=True),
        sa.Column('created_at', sa.String(length=40), nullable=False),
        sa.Column('starts_at', sa.String(length=40), nullable=False),
        sa.Column('due_at', sa.String(length=40), nullable=False),
        sa.Column('expires_at', sa.String(length=40), nullable=False),
        sa.Column('snoozed_until', sa.String(length=40), nullable=True),
        sa.Column('done_at', sa.String(length=40), nullable=True),
        sa.Column('done_by', sa.String(length=64), nullable=True),
        sa.Column('done_by_name', sa.String(length=200), nullable=True),
        sa.Column('outcome_note', sa.String(length=1000), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('scope', sa.String(length=80), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ['customer_id'], ['customers.id'], name=op.f('fk_tasks_customer_id_customers')
        ),
        sa.ForeignKeyConstraint(
            ['store_id'], ['locations.id'], name=op.f('fk_tasks_store_id_locations')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
        sa.UniqueConstraint('dedupe_key', name=op.f('uq_tasks_dedupe_key')),
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tasks_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_tasks_scope_version', ['scope', 'version'], unique=False)
        batch_op.create_index(
            'ix_tasks_store_id_status_due_at', ['store_id', 'status', 'due_at'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index('ix_tasks_store_id_status_due_at')
        batch_op.drop_index('ix_tasks_scope_version')
        batch_op.drop_index(batch_op.f('ix_tasks_customer_id'))
    op.drop_table('tasks')
