"""pinyin for Chinese names: a romanised name where none was typed, pinyin search terms, pinyin sort names

Revision ID: 0003_pinyin
Revises: 0002_pg
Create Date: 2026-11-23

Patients saved before DermaDesk knew pinyin are found by "wangfang" / "wang fang" after this, exactly as a
patient saved now is (services/patients.search_terms). Data only; the schema does not change.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dermadesk.domain.search_text import name_tokens
from dermadesk.system.pinyin_names import has_han, latin_name, search_forms, sort_key

revision: str = "0003_pinyin"
down_revision: str | Sequence[str] | None = "0002_pg"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, given_name, family_name, name_latin FROM patients "
            "WHERE merged_into_id IS NULL AND erased_at IS NULL"
        )
    ).all()
    for pid, given, family, latin in rows:
        if not has_han(given + family):
            continue
        if not (latin or "").strip():
            latin = latin_name(given, family)
            conn.execute(sa.text("UPDATE patients SET name_latin = :latin WHERE id = :id"), {"latin": latin, "id": pid})
        conn.execute(
            sa.text("UPDATE patients SET sort_name = :sort WHERE id = :id"),
            {"sort": sort_key(f"{family} {given}"), "id": pid},
        )
        held = set(
            conn.execute(sa.text("SELECT term FROM patient_search_terms WHERE patient_id = :id"), {"id": pid}).scalars()
        )
        new = [t for t in dict.fromkeys(name_tokens(latin) + search_forms(given, family)) if t not in held]
        if new:
            conn.execute(
                sa.text("INSERT INTO patient_search_terms (patient_id, term, kind) VALUES (:id, :term, 'name')"),
                [{"id": pid, "term": term} for term in new],
            )


def downgrade() -> None:
    """The added words and names are harmless to an older version: nothing to undo."""
