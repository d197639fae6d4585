"""The audit log: appended in the caller's transaction, each entry chained to the one before."""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from dermadesk.domain.audit import AuditAction, AuditEvent, AuditFilter, ChainBreak
from dermadesk.store.tables import AuditEventRow, ClinicSettingRow

GENESIS = "0" * 64
# The chain's head (last id and digest), sealed with the same key, lives outside the audit table: cutting
# entries off the end leaves a valid chain, so only a head the attacker must also forge reveals it.
HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class ChainHead:
    last_id: int
    digest: str
    seal: str


def head_seal(key: bytes, last_id: int, digest: str) -> str:
    return hmac.new(key, f"head\x1f{last_id}\x1f{digest}".encode(), hashlib.sha256).hexdigest()


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


RESCUE_LOG = logging.getLogger("dermadesk.audit.rescue")


class AuditRepository:
    def __init__(self, session: Session, *, rescue: bool = False) -> None:
        self._s = session
        self._rescue = rescue

    def append(self, event: AuditEvent, key: bytes) -> AuditEvent:
        if self._rescue:
            # a damaged database cannot take the entry: the log keeps it (numbers only, never a name)
            RESCUE_LOG.warning(
                "read-only audit: %s %s %s:%s patient=%s staff=%s workstation=%s outcome=%s",
                event.at.isoformat(),
                event.action.value,
                event.object_type,
                event.object_id,
                event.patient_id,
                event.staff_id,
                event.workstation,
                event.outcome,
            )
            return event
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
        self._write_head(ChainHead(next_id, row.chain_hash, head_seal(key, next_id, row.chain_hash)), event.at)
        self._s.flush()
        return stamped

    def head(self) -> ChainHead | None:
        row = self._s.get(ClinicSettingRow, HEAD_KEY)
        if row is None:
            return None
        value = row.value
        try:
            return ChainHead(int(value["last_id"]), str(value["digest"]), str(value["seal"]))
        except (KeyError, TypeError, ValueError):
            return ChainHead(-1, "", "")  # a mangled head: its seal cannot match

    def _write_head(self, head: ChainHead, at: datetime) -> None:
        value = {"last_id": head.last_id, "digest": head.digest, "seal": head.seal}
        row = self._s.get(ClinicSettingRow, HEAD_KEY)
        if row is None:
            self._s.add(ClinicSettingRow(key=HEAD_KEY, value=value, updated_at=at))
        else:
            row.value, row.updated_at = value, at

    def verify(self, key: bytes) -> ChainBreak | None:
        """The first bad entry of the whole log, or None when every link and the sealed head hold."""
        return find_break(key, self.chain(), self.head())

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

    def search(self, wanted: AuditFilter, offset: int = 0, limit: int = 200) -> tuple[list[AuditEvent], int]:
        """One page of matching entries, newest first, and how many match in all."""
        conditions = []
        if wanted.start is not None:
            conditions.append(AuditEventRow.at >= wanted.start)
        if wanted.end is not None:
            conditions.append(AuditEventRow.at < wanted.end)
        if wanted.staff_id is not None:
            conditions.append(AuditEventRow.staff_id == wanted.staff_id)
        if wanted.patient_id is not None:
            conditions.append(AuditEventRow.patient_id == wanted.patient_id)
        if wanted.action is not None:
            conditions.append(AuditEventRow.action == wanted.action.value)
        if wanted.up_to_id is not None:
            conditions.append(AuditEventRow.id <= wanted.up_to_id)
        if wanted.break_glass_only:
            conditions.append(AuditEventRow.break_glass.is_(True))
        total = self._s.scalar(select(func.count()).select_from(AuditEventRow).where(*conditions)) or 0
        rows = self._s.scalars(
            select(AuditEventRow).where(*conditions).order_by(AuditEventRow.id.desc()).offset(offset).limit(limit)
        )
        return [_to_domain(r) for r in rows], total

    def count(self) -> int:
        return self._s.scalar(select(func.count()).select_from(AuditEventRow)) or 0

    def for_patient(self, patient_id: int) -> list[AuditEvent]:
        rows = self._s.scalars(
            select(AuditEventRow).where(AuditEventRow.patient_id == patient_id).order_by(AuditEventRow.id)
        )
        return [_to_domain(r) for r in rows]


def find_break(key: bytes, entries: Iterable[tuple[AuditEvent, str]], head: ChainHead | None) -> ChainBreak | None:
    """Walk the chain in id order: ids must run 1, 2, 3 … without a gap, each digest must match its entry and the
    link before it, and the last entry must be the one the sealed head names."""
    previous, expected_id, last_at = GENESIS, 1, None
    for event, stored in entries:
        assert event.id is not None
        if event.id != expected_id:
            return ChainBreak(expected_id, None, f"entry {expected_id} is missing (the next entry is {event.id})")
        if not hmac.compare_digest(entry_digest(key, previous, event), stored):
            return ChainBreak(event.id, event.at, "its digest does not match: the entry was changed, added or moved")
        previous, expected_id, last_at = stored, expected_id + 1, event.at
    last_id = expected_id - 1
    if head is None:
        if last_id == 0:
            return None
        return ChainBreak(last_id, last_at, "the sealed chain head is missing, so entries cut off the end go unseen")
    if not hmac.compare_digest(head_seal(key, head.last_id, head.digest), head.seal):
        return ChainBreak(max(head.last_id, 0), None, "the sealed chain head was altered")
    if head.last_id > last_id:
        return ChainBreak(last_id + 1, None, f"entries {last_id + 1} to {head.last_id} were cut off the end")
    if head.last_id < last_id:
        return ChainBreak(head.last_id + 1, None, f"entries after {head.last_id} were added outside DermaDesk")
    if not hmac.compare_digest(head.digest, previous):
        return ChainBreak(last_id, last_at, "the last entry is not the one the sealed head names")
    return None
