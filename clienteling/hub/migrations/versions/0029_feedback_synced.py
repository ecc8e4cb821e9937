"""feedback joins the change feed (scope, version): survey answers reach the terminals'
timelines; existing answers get the scope of their visit, else customer, else store, and
versions from their scope's counter (hub.surveys.feedback_scope)

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-03 08:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clienteling.hub import versions
from clienteling.hub.surveys import feedback_scope

revision: str = '0029'
down_revision: str | None = '0028'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FEEDBACK = sa.table(
    'feedback',
    sa.column('id', sa.String),
    sa.column('store_id', sa.String),
    sa.column('customer_id', sa.String),
    sa.column('visit_id', sa.String),
    sa.column('scope', sa.String),
    sa.column('version', sa.BigInteger),
)


def upgrade() -> None:
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('version', sa.BigInteger(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_FEEDBACK.c.id, _FEEDBACK.c.store_id, _FEEDBACK.c.customer_id,
                  _FEEDBACK.c.visit_id).order_by(_FEEDBACK.c.id)
    ).all()
    answers = [
        {
            'id': row.id,
            'scope': feedback_scope(
                conn, visit_id=row.visit_id, customer_id=row.customer_id, store_id=row.store_id
            ),
        }
        for row in rows
    ]
    versions.number(conn, answers)
    for answer in answers:
        conn.execute(
            sa.update(_FEEDBACK)
            .where(_FEEDBACK.c.id == answer['id'])
            .values(scope=answer['scope'], version=answer['version'])
        )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.alter_column('scope', existing_type=sa.String(length=80), nullable=False)
        batch_op.alter_column('version', existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index('ix_feedback_scope_version', ['scope', 'version'], unique=False)
        batch_op.create_index('ix_feedback_scope_id', ['scope', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_scope_id')
        batch_op.drop_index('ix_feedback_scope_version')
        batch_op.drop_column('version')
        batch_op.drop_column('scope')
