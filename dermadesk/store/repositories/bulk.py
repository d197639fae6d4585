"""Bulk loading of whole histories (demo clinics, imports, benchmarks) through the repositories' own mappings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from dermadesk.domain.appointments import Appointment
from dermadesk.domain.patients import Consent, Patient
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.timeline import TimelineEvent
from dermadesk.store.repositories.patients import patient_columns
from dermadesk.store.repositories.timeline import event_columns
from dermadesk.store.tables import (
    AppointmentRow,
    Base,
    ConsentRow,
    MetricRow,
    PatientRow,
    PatientSearchTermRow,
    ReadingSessionRow,
    ReadingValueRow,
    TimelineEventRow,
)


class BulkLoader:
    """Inserts many domain values at once with ids chosen by the caller (so they can refer to each
    other before they are stored). Callers take ids from `next_ids()`."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def next_ids(self) -> dict[str, int]:
        models: Sequence[type[Base]] = (PatientRow, TimelineEventRow, ReadingSessionRow, AppointmentRow, ConsentRow)
        return {m.__tablename__: (self._s.scalar(select(func.max(m.id))) or 0) + 1 for m in models}  # type: ignore[attr-defined]

    def _insert(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """Core executemany on the table: the ORM's bulk path issues one statement per row here."""
        if rows:
            self._s.connection().execute(insert(model.__table__), rows)  # type: ignore[arg-type]

    def patients(self, patients: Sequence[Patient], terms: Iterable[tuple[int, str, str]], at: datetime) -> None:
        self._insert(
            PatientRow,
            [
                {
                    "id": p.id,
                    **patient_columns(p),
                    "created_at": p.created_at or at,
                    "updated_at": p.updated_at or at,
                    "updated_by": p.updated_by,
                }
                for p in patients
            ],
        )
        unique = dict.fromkeys((pid, term) for pid, kind, term in terms)
        kinds = {(pid, term): kind for pid, kind, term in terms}
        self._insert(
            PatientSearchTermRow,
            [{"patient_id": pid, "term": term, "kind": kinds[(pid, term)]} for pid, term in unique],
        )

    def events(self, events: Sequence[tuple[TimelineEvent, int]]) -> None:
        """(event, clinic day number) pairs; recorded_at defaults to when the event happened."""
        self._insert(
            TimelineEventRow,
            [
                {
                    "id": e.id,
                    **event_columns(e, day),
                    "recorded_by": e.recorded_by,
                    "recorded_at": e.recorded_at or e.occurred_at,
                }
                for e, day in events
            ],
        )

    def reading_sessions(self, sessions: Sequence[ReadingSession]) -> None:
        metric_ids = {code: mid for mid, code in self._s.execute(select(MetricRow.id, MetricRow.code))}
        self._insert(
            ReadingSessionRow,
            [
                {
                    "id": s.id,
                    "patient_id": s.patient_id,
                    "taken_at": s.taken_at,
                    "device": s.device,
                    "operator_id": s.operator_id,
                    "zones": list(s.zones),
                    "note": s.note,
                }
                for s in sessions
            ],
        )
        self._insert(
            ReadingValueRow,
            [
                {"session_id": s.id, "metric_id": metric_ids[code], "value": float(v)}
                for s in sessions
                for code, v in s.values.items()
            ],
        )

    def appointments(self, appointments: Sequence[Appointment], at: datetime) -> None:
        self._insert(
            AppointmentRow,
            [
                {
                    "id": a.id,
                    "patient_id": a.patient_id,
                    "starts_at": a.starts_at,
                    "status": a.status.value,
                    "treatment_type_id": a.treatment_type_id,
                    "practitioner_id": a.practitioner_id,
                    "note": a.note,
                    "created_at": at,
                }
                for a in appointments
            ],
        )

    def consents(self, consents: Sequence[Consent]) -> None:
        self._insert(
            ConsentRow,
            [
                {
                    "patient_id": c.patient_id,
                    "kind": c.kind.value,
                    "procedure": c.procedure,
                    "granted": c.granted,
                    "recorded_at": c.recorded_at,
                    "recorded_by": c.recorded_by,
                    "note": c.note,
                }
                for c in consents
            ],
        )
