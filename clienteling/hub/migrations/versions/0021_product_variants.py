"""products: the variant's size and colour

Revision ID: 0021
Revises: 0017
Create Date: 2026-12-02 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: the rows already there keep working (their size is read from the name).
    op.add_column('products', sa.Column('size', sa.String(length=32), nullable=True))
    op.add_column('products', sa.Column('colour', sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite >= 3.35 has it): a batch rebuild of `products` would drop
    # the table under the foreign keys of inventory, prices and order lines.
    op.execute('ALTER TABLE products DROP COLUMN colour')
    op.execute('ALTER TABLE products DROP COLUMN size')
