"""Timeline events, their previous versions, and the paid-event aggregate RFM runs on."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dermadesk.domain.money import Money
from dermadesk.domain.timeline import EventKind, EventRevision, TimelineEvent
from dermadesk.store.tables import TimelineEventRow, TimelineRevisionRow

_IDS = (
    "treatment_type_id",
    "practitioner_id",
    "related_patient_id",
    "reading_session_id",
    "appointment_id",
    "alert_id",
)


def _to_domain(row: TimelineEventRow, currency: str) -> TimelineEvent:
    return TimelineEvent(
        patient_id=row.patient_id,
        kind=EventKind(row.kind),
        occurred_at=row.occurred_at,
        id=row.id,
        summary=row.summary,
        amount=Money(row.amount_minor, currency) if row.amount_minor is not None else None,
        lot_number=row.lot_number,
        details=MappingProxyType(dict(row.details or {})),
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
        version=row.version,
        voided=row.voided,
        **{name: getattr(row, name) for name in _IDS},
    )


def event_columns(event: TimelineEvent, day: int) -> dict[str, Any]:
    return {
        "patient_id": event.patient_id,
        "kind": event.kind.value,
        "occurred_at": event.occurred_at,
        "day": day,
        "paid": event.is_paid,
        "amount_minor": event.amount.minor if event.amount else None,
        "summary": event.summary,
        "lot_number": event.lot_number,
        "details": dict(event.details),
        **{name: getattr(event, name) for name in _IDS},
    }


def snapshot(event: TimelineEvent) -> dict[str, Any]:
    """An event as JSON, to keep as the previous version when it is edited."""
    data = dataclasses.asdict(dataclasses.replace(event, details=dict(event.details)))
    data["occurred_at"] = event.occurred_at.isoformat()
    data["recorded_at"] = event.recorded_at.isoformat() if event.recorded_at else None
    data["amount"] = {"minor": event.amount.minor, "currency": event.amount.currency} if event.amount else None
    return data


class TimelineRepository:
    def __init__(self, session: Session, currency: str = "GBP") -> None:
        self._s = session
        self.currency = currency

    def add(self, event: TimelineEvent, day: int, at: datetime) -> TimelineEvent:
        row = TimelineEventRow(**event_columns(event, day), recorded_by=event.recorded_by, recorded_at=at)
        self._s.add(row)
        self._s.flush()
        return _to_domain(row, self.currency)

    def get(self, event_id: int) -> TimelineEvent | None:
        row = self._s.get(TimelineEventRow, event_id)
        return _to_domain(row, self.currency) if row else None

    def update(self, event: TimelineEvent, day: int, at: datetime, by: int | None) -> TimelineEvent:
        """Save an edit, keeping the version it replaces whole."""
        assert event.id is not None
        row = self._s.get_one(TimelineEventRow, event.id)
        previous = _to_domain(row, self.currency)
        self._s.add(
            TimelineRevisionRow(
                event_id=row.id, version=row.version, snapshot=snapshot(previous), edited_by=by, edited_at=at
            )
        )
        for name, value in event_columns(event, day).items():
            setattr(row, name, value)
        row.voided = event.voided
        self._s.flush()
        return _to_domain(row, self.currency)

    def revisions(self, event_id: int) -> list[EventRevision]:
        rows = self._s.scalars(
            select(TimelineRevisionRow)
            .where(TimelineRevisionRow.event_id == event_id)
            .order_by(TimelineRevisionRow.version)
        )
        return [EventRevision(r.event_id, r.version, r.snapshot, r.edited_by, r.edited_at) for r in rows]

    def page(
        self,
        patient_id: int,
        *,
        kinds: Collection[EventKind] = (),
        text: str = "",
        before: tuple[datetime, int] | None = None,
        limit: int = 200,
    ) -> list[TimelineEvent]:
        """Newest first, `limit` at a time; `before` is the (time, id) of the last row already shown."""
        query = select(TimelineEventRow).where(TimelineEventRow.patient_id == patient_id, ~TimelineEventRow.voided)
        if kinds:
            query = query.where(TimelineEventRow.kind.in_([k.value for k in kinds]))
        if text:
            query = query.where(TimelineEventRow.summary.contains(text, autoescape=True))
        if before is not None:
            at, event_id = before
            query = query.where(
                or_(
                    TimelineEventRow.occurred_at < at,
                    (TimelineEventRow.occurred_at == at) & (TimelineEventRow.id < event_id),
                )
            )
        query = query.order_by(TimelineEventRow.occurred_at.desc(), TimelineEventRow.id.desc()).limit(limit)
        return [_to_domain(r, self.currency) for r in self._s.scalars(query)]

    def count(self, patient_id: int | None = None) -> int:
        query = select(func.count()).select_from(TimelineEventRow).where(~TimelineEventRow.voided)
        if patient_id is not None:
            query = query.where(TimelineEventRow.patient_id == patient_id)
        return self._s.scalar(query) or 0

    def kinds_count(self, patient_id: int) -> dict[EventKind, int]:
        rows = self._s.execute(
            select(TimelineEventRow.kind, func.count())
            .where(TimelineEventRow.patient_id == patient_id, ~TimelineEventRow.voided)
            .group_by(TimelineEventRow.kind)
        )
        return {EventKind(kind): n for kind, n in rows}

    def move(self, from_patient: int, to_patient: int) -> int:
        rows = list(self._s.scalars(select(TimelineEventRow).where(TimelineEventRow.patient_id == from_patient)))
        for row in rows:
            row.patient_id = to_patient
        return len(rows)

    def import_keys(self, patient_ids: Collection[int]) -> set[str]:
        """The de-duplication keys of these patients' imported events, so a file imported twice adds nothing."""
        keys: set[str] = set()
        ids = list(patient_ids)
        for start in range(0, len(ids), 500):
            rows = self._s.scalars(
                select(TimelineEventRow.details).where(TimelineEventRow.patient_id.in_(ids[start : start + 500]))
            )
            keys.update(d["import_key"] for d in rows if d and "import_key" in d)
        return keys

    def last_visit_days(self, patient_ids: Sequence[int]) -> dict[int, int]:
        """The day number of each patient's last visit (paid, not a refund), over the covering paid index."""
        if not patient_ids:
            return {}
        rows = self._s.execute(
            select(TimelineEventRow.patient_id, func.max(TimelineEventRow.day))
            .where(
                TimelineEventRow.paid,
                ~TimelineEventRow.voided,
                TimelineEventRow.amount_minor >= 0,
                TimelineEventRow.patient_id.in_(list(patient_ids)),
            )
            .group_by(TimelineEventRow.patient_id)
        )
        return {row[0]: row[1] for row in rows}

    def by_lot(self, lot_number: str) -> list[TimelineEvent]:
        rows = self._s.scalars(
            select(TimelineEventRow)
            .where(TimelineEventRow.lot_number == lot_number)
            .order_by(TimelineEventRow.occurred_at)
        )
        return [_to_domain(r, self.currency) for r in rows]

    def of_kinds_between(self, kinds: Sequence[EventKind], first_day: int, last_day: int) -> list[TimelineEvent]:
        rows = self._s.scalars(
            select(TimelineEventRow)
            .where(
                TimelineEventRow.kind.in_([k.value for k in kinds]),
                TimelineEventRow.day.between(first_day, last_day),
                ~TimelineEventRow.voided,
            )
            .order_by(TimelineEventRow.occurred_at)
        )
        return [_to_domain(r, self.currency) for r in rows]
