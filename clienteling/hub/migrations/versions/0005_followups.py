"""follow-ups: queue, delivery attempts, links, surveys, feedback, attribution

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 21:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('attribution_touches',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attribution_touches'))
    )
    with op.batch_alter_table('attribution_touches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attribution_touches_customer_id'), ['customer_id'], unique=False)

    op.create_table('feedback',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('visit_id', sa.String(length=64), nullable=True),
    sa.Column('buyer', sa.Boolean(), nullable=True),
    sa.Column('touchpoint', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_token'), ['token'], unique=False)

    op.create_table('order_attributions',
    sa.Column('order_id', sa.String(length=64), nullable=False),
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('touched_at', sa.String(length=40), nullable=False),
    sa.Column('attributed_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('order_id', name=op.f('pk_order_attributions'))
    )
    op.create_table('survey_links',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('visit_id', sa.String(length=64), nullable=True),
    sa.Column('buyer', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_survey_links'))
    )
    op.create_table('followups',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('associate_name', sa.String(length=200), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('template', sa.String(length=32), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('product_ids', sa.JSON(), nullable=False),
    sa.Column('personal_line', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('status_reason', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_followups_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followups'))
    )
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followups_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_followups_scope_version', ['scope', 'version'], unique=False)

    op.create_table('delivery_attempts',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('worker', sa.String(length=64), nullable=False),
    sa.Column('prepared_at', sa.String(length=40), nullable=False),
    sa.Column('completed_at', sa.String(length=40), nullable=True),
    sa.Column('provider_id', sa.String(length=200), nullable=True),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.Column('receipt', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], name=op.f('fk_delivery_attempts_followup_id_followups')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_delivery_attempts')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_delivery_attempts_idempotency_key'))
    )
    with op.batch_alter_table('delivery_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_delivery_attempts_followup_id'), ['followup_id'], unique=False)

    op.create_table('delivery_jobs',
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('not_before', sa.String(length=40), nullable=False),
    sa.Column('lease_owner', sa.String(length=64), nullable=True),
    sa.Column('lease_until', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], name=op.f('fk_delivery_jobs_followup_id_followups')),
    sa.PrimaryKeyConstraint('followup_id', name=op.f('pk_delivery_jobs'))
    )
    with op.batch_alter_table('delivery_jobs', schema=None) as batch_op:
        batch_op.create_index('ix_delivery_jobs_state_not_before', ['state', 'not_before'], unique=False)

    op.create_table('followup_links',
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('followup_id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], name=op.f('fk_followup_links_followup_id_followups')),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_followup_links'))
    )
    with op.batch_alter_table('followup_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_followup_links_followup_id'), ['followup_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('followup_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_followup_links_followup_id'))

    op.drop_table('followup_links')
    with op.batch_alter_table('delivery_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_delivery_jobs_state_not_before')

    op.drop_table('delivery_jobs')
    with op.batch_alter_table('delivery_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delivery_attempts_followup_id'))

    op.drop_table('delivery_attempts')
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_index('ix_followups_scope_version')
        batch_op.drop_index(batch_op.f('ix_followups_customer_id'))

    op.drop_table('followups')
    op.drop_table('survey_links')
    op.drop_table('order_attributions')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_token'))

    op.drop_table('feedback')
    with op.batch_alter_table('attribution_touches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attribution_touches_customer_id'))

    op.drop_table('attribution_touches')
