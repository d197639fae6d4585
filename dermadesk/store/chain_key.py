"""The audit chain's stored key (server databases and files copied back from one), and whether a clinic exists."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermadesk.store.tables import AuditChainKeyRow, ClinicSettingRow


def stored_chain_key(session: Session) -> bytes | None:
    return session.scalar(select(AuditChainKeyRow.key).where(AuditChainKeyRow.id == 1))


def store_chain_key(session: Session, key: bytes) -> None:
    """Written once (a trigger refuses any later change)."""
    session.add(AuditChainKeyRow(id=1, key=key))
    session.flush()


def has_clinic(session: Session) -> bool:
    return session.scalar(select(ClinicSettingRow.key).limit(1)) is not None
