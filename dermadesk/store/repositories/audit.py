"""The audit log: appended in the caller's transaction, each entry chained to the one before."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dermadesk.domain.audit import AuditAction, AuditEvent
from dermadesk.store.tables import AuditEventRow

GENESIS = "0" * 64


def entry_digest(key: bytes, previous: str, event: AuditEvent) -> str:
    """HMAC over the previous link and this entry's every field: edits, deletions, insertions and
    reorderings all break the chain somewhere after them."""
    fields = [
        previous,
        str(event.id),
        event.at.isoformat(),
        str(event.staff_id),
        event.workstation,
        str(event.patient_id),
        event.action.value,
        event.object_type,
        event.object_id,
        event.outcome,
        "1" if event.break_glass else "0",
    ]
    return hmac.new(key, "\x1f".join(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def _to_domain(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        row.at,
        AuditAction(row.action),
        row.object_type,
        row.object_id,
        row.staff_id,
        row.workstation,
        row.patient_id,
        row.outcome,
        row.break_glass,
        row.id,
    )


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def append(self, event: AuditEvent, key: bytes) -> AuditEvent:
        if self._s.get_bind().dialect.name == "postgresql":
            # workstations append at once on a server: one at a time, so each link follows the latest committed one
            self._s.execute(text("SELECT pg_advisory_xact_lock(hashtext('dermadesk-audit-chain'))"))
        last = self._s.execute(
            select(AuditEventRow.id, AuditEventRow.chain_hash).order_by(AuditEventRow.id.desc()).limit(1)
        ).first()
        previous, next_id = (last.chain_hash, last.id + 1) if last else (GENESIS, 1)
        stamped = AuditEvent(**{**event.__dict__, "id": next_id})
        row = AuditEventRow(
            id=next_id,
            at=event.at,
            staff_id=event.staff_id,
            workstation=event.workstation,
            patient_id=event.patient_id,
            action=event.action.value,
            object_type=event.object_type,
            object_id=event.object_id,
            outcome=event.outcome,
            break_glass=event.break_glass,
            chain_hash=entry_digest(key, previous, stamped),
        )
        self._s.add(row)
        self._s.flush()
        return stamped

    def chain(self) -> Iterator[tuple[AuditEvent, str]]:
        """Every entry with its stored link, in order, streamed."""
        rows = self._s.execute(select(AuditEventRow).order_by(AuditEventRow.id).execution_options(yield_per=2000))
        for (row,) in rows:
            yield _to_domain(row), row.chain_hash

    def between(self, first: object, last: object) -> list[AuditEvent]:
        rows = self._s.scalars(
            select(AuditEventRow).where(AuditEventRow.at >= first, AuditEventRow.at < last).order_by(AuditEventRow.id)
        )
        return [_to_domain(r) for r in rows]

    def for_patient(self, patient_id: int) -> list[AuditEvent]:
        rows = self._s.scalars(
            select(AuditEventRow).where(AuditEventRow.patient_id == patient_id).order_by(AuditEventRow.id)
        )
        return [_to_domain(r) for r in rows]
