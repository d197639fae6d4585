"""clinic server: the audit chain key table; on PostgreSQL, no UPDATE/DELETE/TRUNCATE on the audit log for PUBLIC

Revision ID: 0002_pg
Revises: 0002_access
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_pg"
down_revision: str | Sequence[str] | None = "0002_access"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The triggers of 0001 refuse changes to the audit log for everyone, the owner included; the grants say the same
# thing to roles that get their rights through PUBLIC. `dermadesk db grant` gives the application role its rights.
_POSTGRES_UP = [
    "CREATE TRIGGER audit_chain_key_no_change BEFORE UPDATE OR DELETE ON audit_chain_key "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    "REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_chain_key FROM PUBLIC",
]
_SQLITE_UP = [
    "CREATE TRIGGER audit_chain_key_no_update BEFORE UPDATE ON audit_chain_key "
    "BEGIN SELECT RAISE(ABORT, 'audit chain key is written once'); END",
    "CREATE TRIGGER audit_chain_key_no_delete BEFORE DELETE ON audit_chain_key "
    "BEGIN SELECT RAISE(ABORT, 'audit chain key is written once'); END",
]


def upgrade() -> None:
    op.create_table(
        "audit_chain_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_key")),
    )
    for statement in _SQLITE_UP if op.get_bind().dialect.name == "sqlite" else _POSTGRES_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_chain_key_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_chain_key_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_chain_key_no_change ON audit_chain_key")
    op.drop_table("audit_chain_key")
