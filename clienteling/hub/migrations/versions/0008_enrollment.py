"""enrollment: one-time enrollment codes and enrolled devices' secrets

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 00:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('enrollment_codes',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=True),
    sa.Column('created_by', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.Column('used_at', sa.String(length=40), nullable=True),
    sa.Column('used_by_device', sa.String(length=64), nullable=True),
    sa.Column('revoked_at', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['store_id'], ['locations.id'], name=op.f('fk_enrollment_codes_store_id_locations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment_codes')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_enrollment_codes_code_hash'))
    )
    op.create_table('device_enrollments',
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('store_id', sa.String(length=64), nullable=False),
    sa.Column('code_id', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['code_id'], ['enrollment_codes.id'], name=op.f('fk_device_enrollments_code_id_enrollment_codes')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_device_enrollments_device_id_devices')),
    sa.ForeignKeyConstraint(['store_id'], ['locations.id'], name=op.f('fk_device_enrollments_store_id_locations')),
    sa.PrimaryKeyConstraint('device_id', name=op.f('pk_device_enrollments'))
    )


def downgrade() -> None:
    op.drop_table('device_enrollments')
    op.drop_table('enrollment_codes')
