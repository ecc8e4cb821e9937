"""hub API: refresh tokens, device revocations, sign-in failures, audit, search index, purge

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 21:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_TERM = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table('refresh_tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.Column('used_at', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['associate_id'], ['associates.id'], name=op.f('fk_refresh_tokens_associate_id_associates')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_refresh_tokens_device_id_devices')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_refresh_tokens'))
    )
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_refresh_tokens_device_id'), ['device_id'], unique=False)

    op.create_table('device_revocations',
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('revoked_at', sa.String(length=40), nullable=False),
    sa.Column('revoked_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_device_revocations_device_id_devices')),
    sa.PrimaryKeyConstraint('device_id', name=op.f('pk_device_revocations'))
    )
    op.create_table('sign_in_failures',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_failures'))
    )
    with op.batch_alter_table('sign_in_failures', schema=None) as batch_op:
        batch_op.create_index('ix_sign_in_failures_key_at', ['key', 'at'], unique=False)

    op.create_table('audit',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('associate_id', sa.String(length=64), nullable=True),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('customer_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_associate_id'), ['associate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_customer_id'), ['customer_id'], unique=False)

    op.create_table('customer_search',
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('sort_name', sa.String(length=400), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_customer_search'))
    )
    with op.batch_alter_table('customer_search', schema=None) as batch_op:
        batch_op.create_index('ix_customer_search_sort_name_customer_id', ['sort_name', 'customer_id'], unique=False)

    op.create_table('customer_search_terms',
    sa.Column('term', SEARCH_TERM, nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('term', 'customer_id', name=op.f('pk_customer_search_terms'))
    )
    with op.batch_alter_table('customer_search_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_search_terms_customer_id'), ['customer_id'], unique=False)

    op.create_table('search_index_state',
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('scope', name=op.f('pk_search_index_state'))
    )
    op.create_table('feed_marks',
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('scope', 'at', name=op.f('pk_feed_marks'))
    )
    op.create_table('feed_purges',
    sa.Column('scope', sa.String(length=80), nullable=False),
    sa.Column('purged_before', sa.BigInteger(), nullable=False),
    sa.Column('purged_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('scope', name=op.f('pk_feed_purges'))
    )


def downgrade() -> None:
    op.drop_table('feed_purges')
    op.drop_table('feed_marks')
    op.drop_table('search_index_state')
    with op.batch_alter_table('customer_search_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_search_terms_customer_id'))
    op.drop_table('customer_search_terms')
    with op.batch_alter_table('customer_search', schema=None) as batch_op:
        batch_op.drop_index('ix_customer_search_sort_name_customer_id')
    op.drop_table('customer_search')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_customer_id'))
        batch_op.drop_index(batch_op.f('ix_audit_associate_id'))
        batch_op.drop_index(batch_op.f('ix_audit_at'))
    op.drop_table('audit')
    with op.batch_alter_table('sign_in_failures', schema=None) as batch_op:
        batch_op.drop_index('ix_sign_in_failures_key_at')
    op.drop_table('sign_in_failures')
    op.drop_table('device_revocations')
    with op.batch_alter_table('refresh_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_refresh_tokens_device_id'))
    op.drop_table('refresh_tokens')
