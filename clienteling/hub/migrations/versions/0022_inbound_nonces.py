"""inbound_nonces: providers' one-time webhook tokens, so a replayed signature is refused

Revision ID: 0022
Revises: 0017
Create Date: 2026-12-02 08:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'inbound_nonces',
        sa.Column('provider', sa.String(length=32), nullable=False),
        sa.Column('nonce', sa.String(length=200), nullable=False),
        sa.Column('message_id', sa.String(length=200), nullable=False),
        sa.Column('seen_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('provider', 'nonce', name=op.f('pk_inbound_nonces')),
    )
    op.create_index(
        op.f('ix_inbound_nonces_seen_at'), 'inbound_nonces', ['seen_at'], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f('ix_inbound_nonces_seen_at'), table_name='inbound_nonces')
    op.drop_table('inbound_nonces')
