"""holds (reservations) and single-use offers

Revision ID: 0011
Revises: 0007
Create Date: 2026-12-02 00:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0011'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('offers',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('followup_id', sa.String(length=64), nullable=True),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('valid_in', sa.String(length=8), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('redeemed_at', sa.String(length=40), nullable=True),
    sa.Column('redeemed_channel', sa.String(length=8), nullable=True),
    sa.Column('redeemed_store_id', sa.String(length=64), nullable=True),
    sa.Column('redeemed_by', sa.String(length=64), nullable=True),
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_offers_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_offers')),
    sa.UniqueConstraint('code', name=op.f('uq_offers_code'))
    )
    op.create_index(op.f('ix_offers_customer_id'), 'offers', ['customer_id'], unique=False)
    op.create_index(op.f('ix_offers_followup_id'), 'offers', ['followup_id'], unique=False)
    op.create_index('ix_offers_scope_version', 'offers', ['scope', 'version'], unique=False)
    op.create_table('reservations',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('product_id', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=True),
    sa.Column('followup_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_reservations_customer_id_customers')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_reservations_product_id_products')),
    sa.ForeignKeyConstraint(['store_id'], ['locations.id'], name=op.f('fk_reservations_store_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reservations'))
    )
    op.create_index(op.f('ix_reservations_customer_id'), 'reservations', ['customer_id'], unique=False)
    op.create_index(op.f('ix_reservations_followup_id'), 'reservations', ['followup_id'], unique=False)
    op.create_index('ix_reservations_scope_version', 'reservations', ['scope', 'version'], unique=False)
    op.create_index('ix_reservations_status_expires_at', 'reservations', ['status', 'expires_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_reservations_status_expires_at', table_name='reservations')
    op.drop_index('ix_reservations_scope_version', table_name='reservations')
    op.drop_index(op.f('ix_reservations_followup_id'), table_name='reservations')
    op.drop_index(op.f('ix_reservations_customer_id'), table_name='reservations')
    op.drop_table('reservations')
    op.drop_index('ix_offers_scope_version', table_name='offers')
    op.drop_index(op.f('ix_offers_followup_id'), table_name='offers')
    op.drop_index(op.f('ix_offers_customer_id'), table_name='offers')
    op.drop_table('offers')
