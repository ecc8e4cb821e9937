"""wishes: back in stock for a wished item

Revision ID: 0016
Revises: 0010
Create Date: 2026-12-02 04:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0016'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('wishes',
    sa.Column('id', sa.String(length=140), nullable=False),
    sa.Column('customer_id', sa.String(length=64), nullable=False),
    sa.Column('product_id', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('wished_at', sa.String(length=40), nullable=False),
    sa.Column('watch', sa.String(length=16), nullable=False),
    sa.Column('back_at', sa.String(length=40), nullable=True),
    sa.Column('checked_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wishes'))
    )
    op.create_index(op.f('ix_wishes_customer_id'), 'wishes', ['customer_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_wishes_customer_id'), table_name='wishes')
    op.drop_table('wishes')
