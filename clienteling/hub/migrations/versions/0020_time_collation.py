"""times: PostgreSQL time columns compare byte by byte (COLLATE "C")

Revision ID: 0020
Revises: 0021
Create Date: 2026-12-02 08:30:00

Times are ISO 8601 text (`hub.clock.iso`); the hub filters, orders and pages by them as
text. Under a database's linguistic collation (en_US.UTF-8, an ICU locale) PostgreSQL
compares them by the locale's rules: slower than a byte compare, and for text that
differs in punctuation (a fraction of a second, "Z" for "+00:00") in an order that is
not time order. COLLATE "C" is byte order, which for these strings is time order and
what SQLite's BINARY does. PostgreSQL rebuilds the columns' indexes with the type
change. SQLite: nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0020'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every column `hub.tables` declares as TIME when this revision was written.
TIME_COLUMNS: dict[str, tuple[str, ...]] = {
    'applied_mutations': ('applied_at',),
    'appointments': ('starts_at', 'ends_at', 'created_at', 'updated_at'),
    'attribution_touches': ('at',),
    'audit': ('at',),
    'carts': ('updated_at',),
    'consent_audit': ('at',),
    'consents': ('at',),
    'customer_erasures': ('erased_at',),
    'customer_field_history': ('changed_at',),
    'customer_lookups': ('looked_up_at', 'expires_at'),
    'customer_merges': ('merged_at',),
    'customer_purchase_facts': ('first_at', 'second_at', 'last_at'),
    'customer_purchase_gaps': ('from_at', 'to_at'),
    'customers': ('created_at', 'updated_at'),
    'delivery_attempts': ('prepared_at', 'completed_at'),
    'delivery_jobs': ('not_before', 'lease_until'),
    'device_enrollments': ('enrolled_at',),
    'device_revocations': ('revoked_at',),
    'device_wipes': ('wiped_at',),
    'devices': ('last_seen_at',),
    'enrollment_codes': ('created_at', 'expires_at', 'used_at', 'revoked_at'),
    'feed_marks': ('at',),
    'feed_purges': ('purged_at',),
    'feedback': ('created_at',),
    'followups': ('created_at', 'updated_at', 'opened_at'),
    'inbound_messages': ('received_at',),
    'inbound_nonces': ('seen_at',),
    'ingest_carts': ('occurred_at',),
    'ingest_events': ('occurred_at', 'received_at'),
    'ingest_links': ('occurred_at',),
    'notes': ('created_at',),
    'offers': ('expires_at', 'created_at', 'redeemed_at'),
    'order_attributions': ('touched_at', 'attributed_at'),
    'orders': ('placed_at',),
    'product_views': ('viewed_at',),
    'refresh_tokens': ('created_at', 'expires_at', 'used_at'),
    'replies': ('received_at',),
    'reservations': ('expires_at', 'created_at', 'updated_at'),
    'sessions': ('created_at', 'expires_at'),
    'sign_in_failures': ('at',),
    'survey_links': ('created_at',),
    'tasks': ('created_at', 'starts_at', 'due_at', 'expires_at', 'snoozed_until', 'done_at', 'updated_at'),
    'visits': ('at',),
    'wishes': ('wished_at', 'back_at', 'checked_at'),
}


def _set_collation(collation: str) -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table, columns in TIME_COLUMNS.items():
        changes = ', '.join(
            f'ALTER COLUMN {column} TYPE VARCHAR(40) COLLATE "{collation}"' for column in columns
        )
        op.execute(f'ALTER TABLE {table} {changes}')


def upgrade() -> None:
    _set_collation('C')


def downgrade() -> None:
    _set_collation('default')
