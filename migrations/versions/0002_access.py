"""access: emergency ("break the glass") sessions, kept until an owner acknowledges them

Revision ID: 0002_access
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import dermadesk.store.column_types

revision: str = "0002_access"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "break_glass_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("workstation", sa.String(length=200), nullable=False),
        sa.Column("started_at", dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", dermadesk.store.column_types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_users.id"], name=op.f("fk_break_glass_sessions_staff_id_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"], ["staff_users.id"], name=op.f("fk_break_glass_sessions_acknowledged_by_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_break_glass_sessions")),
    )
    with op.batch_alter_table("break_glass_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_break_glass_sessions_acknowledged_at"), ["acknowledged_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("break_glass_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_break_glass_sessions_acknowledged_at"))
    op.drop_table("break_glass_sessions")
