"""locations: latitude/longitude; inventory: incoming units and their expected day

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-03 06:40:00

All nullable: the rows already there mean "position not known" and "nothing known to be
on its way". No version bump: there is nothing new to send until a value is set.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028'
down_revision: str | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('locations', sa.Column('latitude', sa.Float(), nullable=True))
    op.add_column('locations', sa.Column('longitude', sa.Float(), nullable=True))
    op.add_column('inventory', sa.Column('incoming', sa.Integer(), nullable=True))
    op.add_column('inventory', sa.Column('incoming_on', sa.String(length=10), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35): a batch rebuild would drop the tables under the
    # foreign keys that point at them (see 0021).
    op.execute('ALTER TABLE inventory DROP COLUMN incoming_on')
    op.execute('ALTER TABLE inventory DROP COLUMN incoming')
    op.execute('ALTER TABLE locations DROP COLUMN longitude')
    op.execute('ALTER TABLE locations DROP COLUMN latitude')
