"""The audit log for its owner: verify the chain, page through it with filters, export it as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dermadesk.domain.audit import AuditAction, AuditEvent, AuditFilter, ChainBreak
from dermadesk.domain.csv_safety import safe_row
from dermadesk.domain.staff import Permission
from dermadesk.services.context import ServiceContext

EXPORT_HEADER = (
    "id",
    "at_utc",
    "staff_id",
    "staff",
    "workstation",
    "patient_id",
    "action",
    "object_type",
    "object_id",
    "outcome",
    "break_glass",
)


@dataclass(frozen=True)
class AuditSlice:
    events: list[AuditEvent]
    total: int
    staff_names: dict[int, str]  # staff id -> display name, for the entries of this page


class AuditService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def verify(self) -> ChainBreak | None:
        """The first bad entry of the log, or None. Reads only: it runs on a read-only (damaged) database too."""
        self._ctx.require(Permission.VIEW_AUDIT, "verify the audit log")
        with self._ctx.store.read() as uow:
            return uow.audit.verify(self._ctx.audit_key)

    def count(self) -> int:
        self._ctx.require(Permission.VIEW_AUDIT, "verify the audit log")
        with self._ctx.store.read() as uow:
            return uow.audit.count()

    def page(self, wanted: AuditFilter, offset: int = 0, limit: int = 200) -> AuditSlice:
        """One page for the owner's viewer, newest first. Looking is itself logged (once per page)."""
        self._ctx.require(Permission.VIEW_AUDIT, "view the audit log")
        with self._ctx.store.write() as uow:
            events, total = uow.audit.search(wanted, offset, limit)
            names = {u.id: u.display_name for u in uow.staff.all() if u.id is not None}
            self._ctx.audit(uow, AuditAction.VIEW, "audit_log", f"{offset}+{len(events)}", wanted.patient_id)
        return AuditSlice(events, total, {e.staff_id: names.get(e.staff_id, "") for e in events if e.staff_id})

    def export_csv(self, first: date, last: date) -> tuple[str, int]:
        """Every entry from the start of `first` to the end of `last` (UTC days) as CSV text, each cell safe to
        open in a spreadsheet, and how many entries it holds. The export is logged."""
        self._ctx.require(Permission.VIEW_AUDIT, "export the audit log")
        start = datetime.combine(first, time(), tzinfo=UTC)
        end = datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC)
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(EXPORT_HEADER)
        with self._ctx.store.write() as uow:
            usernames = {u.id: u.username for u in uow.staff.all()}
            events = uow.audit.between(start, end)
            for e in events:
                writer.writerow(
                    safe_row(
                        [
                            e.id,
                            e.at.isoformat(),
                            "" if e.staff_id is None else e.staff_id,
                            usernames.get(e.staff_id, "") if e.staff_id is not None else "",
                            e.workstation,
                            "" if e.patient_id is None else e.patient_id,
                            e.action.value,
                            e.object_type,
                            e.object_id,
                            e.outcome,
                            "1" if e.break_glass else "0",
                        ]
                    )
                )
            self._ctx.audit(uow, AuditAction.EXPORT, "audit_log", f"{first.isoformat()}..{last.isoformat()}")
        return text.getvalue(), len(events)
