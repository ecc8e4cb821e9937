"""the purchase facts and long pauses carry their times as integers (microseconds since
1970) for the lifecycle counts and drill-down (hub.stats.lifecycle), backfilled set-based
from the ISO text (purchase_facts.fill_integer_times); the store index of the facts
covers the integer times instead of the text ones

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-03 18:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import purchase_facts

revision: str = '0035'
down_revision: str | None = '0034'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The text index goes first: the backfill's UPDATE then has one index fewer to write.
    op.drop_index(
        'ix_customer_purchase_facts_home_store_id_joined_at',
        table_name='customer_purchase_facts',
    )
    for column in ('last_us', 'joined_us'):
        op.add_column('customer_purchase_facts', sa.Column(column, sa.BigInteger(), nullable=True))
    for column in ('from_us', 'to_us'):
        op.add_column('customer_purchase_gaps', sa.Column(column, sa.BigInteger(), nullable=True))
    purchase_facts.fill_integer_times(op.get_bind())
    op.create_index(
        'ix_customer_purchase_facts_home_store_id_joined_us',
        'customer_purchase_facts',
        ['home_store_id', 'joined_us'],
        unique=False,
        postgresql_include=['first_us', 'second_us', 'last_us'],
    )


def downgrade() -> None:
    op.drop_index(
        'ix_customer_purchase_facts_home_store_id_joined_us',
        table_name='customer_purchase_facts',
    )
    for column in ('from_us', 'to_us'):
        op.drop_column('customer_purchase_gaps', column)
    for column in ('last_us', 'joined_us'):
        op.drop_column('customer_purchase_facts', column)
    op.create_index(
        'ix_customer_purchase_facts_home_store_id_joined_at',
        'customer_purchase_facts',
        ['home_store_id', 'joined_at'],
        unique=False,
        postgresql_include=['first_at', 'second_at', 'last_at'],
    )
