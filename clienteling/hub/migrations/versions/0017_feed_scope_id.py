"""feed: (scope, id) indexes, the order snapshot pages walk a scope in

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-02 04:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0017'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every table the change feed snapshots (all synced tables but the tombstones).
TABLES = (
    'locations',
    'products',
    'inventory',
    'customers',
    'consents',
    'orders',
    'carts',
    'notes',
    'customer_merges',
    'visits',
    'followups',
    'reservations',
    'offers',
    'tasks',
    'replies',
    'appointments',
)


def upgrade() -> None:
    for table in TABLES:
        op.create_index(f'ix_{table}_scope_id', table, ['scope', 'id'], unique=False)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f'ix_{table}_scope_id', table_name=table)
