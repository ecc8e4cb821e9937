"""replies from customers (inbound webhooks), email opens, the offer code of an order

Revision ID: 0014
Revises: 0016
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'replies',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('customer_id', sa.String(length=64), nullable=False),
        sa.Column('followup_id', sa.String(length=64), nullable=True),
        sa.Column('store_id', sa.String(length=64), nullable=True),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('received_at', sa.String(length=40), nullable=False),
        sa.Column('matched_on', sa.String(length=16), nullable=False),
        sa.Column('opt_out', sa.Boolean(), nullable=False),
        sa.Column('scope', sa.String(length=80), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ['customer_id'], ['customers.id'], name=op.f('fk_replies_customer_id_customers')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_replies')),
    )
    op.create_index(op.f('ix_replies_customer_id'), 'replies', ['customer_id'], unique=False)
    op.create_index(op.f('ix_replies_followup_id'), 'replies', ['followup_id'], unique=False)
    op.create_index('ix_replies_scope_version', 'replies', ['scope', 'version'], unique=False)
    op.create_table(
        'inbound_messages',
        sa.Column('provider', sa.String(length=32), nullable=False),
        sa.Column('message_id', sa.String(length=200), nullable=False),
        sa.Column('channel', sa.String(length=16), nullable=False),
        sa.Column('sender', sa.String(length=320), nullable=False),
        sa.Column('recipient', sa.String(length=320), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('received_at', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('reply_id', sa.String(length=64), nullable=True),
        sa.Column('customer_id', sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint('provider', 'message_id', name=op.f('pk_inbound_messages')),
    )
    op.create_index(
        op.f('ix_inbound_messages_customer_id'), 'inbound_messages', ['customer_id'], unique=False
    )
    op.create_index(
        'ix_inbound_messages_status_received_at',
        'inbound_messages',
        ['status', 'received_at'],
        unique=False,
    )
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('opened_at', sa.String(length=40), nullable=True))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offer_code', sa.String(length=16), nullable=True))
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('order_id', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('offers', schema=None) as batch_op:
        batch_op.drop_column('order_id')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('offer_code')
    with op.batch_alter_table('followups', schema=None) as batch_op:
        batch_op.drop_column('opened_at')
    op.drop_index('ix_inbound_messages_status_received_at', table_name='inbound_messages')
    op.drop_index(op.f('ix_inbound_messages_customer_id'), table_name='inbound_messages')
    op.drop_table('inbound_messages')
    op.drop_index('ix_replies_scope_version', table_name='replies')
    op.drop_index(op.f('ix_replies_followup_id'), table_name='replies')
    op.drop_index(op.f('ix_replies_customer_id'), table_name='replies')
    op.drop_table('replies')
