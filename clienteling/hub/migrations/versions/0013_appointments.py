"""appointments, and tasks dismissed with a reason

Revision ID: 0013
Revises: 0014
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'appointments',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('store_id', sa.String(length=64), nullable=False),
        sa.Column('associate_id', sa.String(length=64), nullable=False),
        sa.Column('associate_name', sa.String(length=200), nullable=False),
        sa.Column('starts_at', sa.String(length=40), nullable=False),
        sa.Column('ends_at', sa.String(length=40), nullable=False),
        sa.Column('purpose', sa.String(length=200), nullable=False),
        sa.Column('note', sa.String(length=1000), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('booked_by', sa.String(length=64), nullable=False),
        sa.Column('booked_by_name', sa.String(length=200), nullable=False),
        sa.Column('created_at', sa.String(length=40), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.Column('scope', sa.String(length=80), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ['customer_id'], ['customers.id'], name=op.f('fk_appointments_customer_id_customers')
        ),
        sa.ForeignKeyConstraint(
            ['store_id'], ['locations.id'], name=op.f('fk_appointments_store_id_locations')
        ),
        sa.ForeignKeyConstraint(
            ['associate_id'],
            ['associates.id'],
            name=op.f('fk_appointments_associate_id_associates'),
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_appointments')),
    )
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_appointments_customer_id'), ['customer_id'], unique=False
        )
        batch_op.create_index('ix_appointments_scope_version', ['scope', 'version'], unique=False)
        batch_op.create_index(
            'ix_appointments_associate_id_status_starts_at',
            ['associate_id', 'status', 'starts_at'],
            unique=False,
        )
        batch_op.create_index(
            'ix_appointments_store_id_starts_at', ['store_id', 'starts_at'], unique=False
        )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dismiss_reason', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('dismiss_reason')
    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.drop_index('ix_appointments_store_id_starts_at')
        batch_op.drop_index('ix_appointments_associate_id_status_starts_at')
        batch_op.drop_index('ix_appointments_scope_version')
        batch_op.drop_index(batch_op.f('ix_appointments_customer_id'))
    op.drop_table('appointments')
