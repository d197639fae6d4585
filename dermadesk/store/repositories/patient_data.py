"""Everything stored about one patient, table by table (an access request), and its erasure on request."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from dermadesk.store.tables import (
    AlertRow,
    AppointmentRow,
    Base,
    ConsentRow,
    PatientRow,
    PatientSearchTermRow,
    PhotoRow,
    ReadingSessionRow,
    ReadingValueRow,
    StaffUserRow,
    TierHistoryRow,
    TierOverrideRow,
    TierReviewResultRow,
    TimelineEventRow,
    TimelineRevisionRow,
)

# Pointers to other patients: an access request shows that there is a link, never who is at the other end.
OTHER_PATIENT_COLUMNS = frozenset({"referred_by_id", "related_patient_id"})
ERASED_NAME = "Erased"
# Paid events keep what the books need: when, what kind, how much, which treatment and practitioner.
_KEPT_FOR_BOOKS = {"details": {}, "summary": "", "lot_number": "", "related_patient_id": None}
_UNLINKED = {"appointment_id": None, "reading_session_id": None, "alert_id": None}
_ERASED_IDENTITY = {
    "given_name": "",
    "family_name": ERASED_NAME,
    "preferred_name": "",
    "name_latin": "",
    "sort_name": "",
    "date_of_birth": None,
    "sex": None,
    "phone": "",
    "email": "",
    "address": "",
    "skin_type": None,
    "concerns": [],
    "allergies": "",
    "contraindications": [],
    "medications": "",
    "referred_by_id": None,
    "external_id": None,
}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _row(row: Base, hidden: frozenset[str] = frozenset()) -> dict[str, Any]:
    values = {c.name: _plain(getattr(row, c.key)) for c in row.__table__.columns}  # type: ignore[attr-defined]
    for name in hidden & values.keys():
        values[name] = "another patient" if values[name] is not None else None
    return values


class PatientDataRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def record_ids(self, patient_id: int) -> list[int]:
        """The patient and every duplicate record merged into them: one person, several rows."""
        ids, frontier = [patient_id], [patient_id]
        while frontier:
            frontier = list(self._s.scalars(select(PatientRow.id).where(PatientRow.merged_into_id.in_(frontier))))
            ids += frontier
        return ids

    def collect(self, patient_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row linked to the patient, table by table, as JSON-ready values."""
        ids = self.record_ids(patient_id)
        events = list(self._s.scalars(select(TimelineEventRow).where(TimelineEventRow.patient_id.in_(ids))))
        event_ids = [e.id for e in events]
        sessions = list(self._s.scalars(select(ReadingSessionRow).where(ReadingSessionRow.patient_id.in_(ids))))

        def rows(table: type[Base], column: Any, keys: Sequence[int]) -> list[dict[str, Any]]:
            found = self._s.scalars(select(table).where(column.in_(list(keys))))
            return [_row(r, OTHER_PATIENT_COLUMNS) for r in found]

        timeline = [_row(e, OTHER_PATIENT_COLUMNS) for e in events]
        for event in timeline:
            if event["kind"] == "referral":  # "Referred Jane Doe" names someone else
                event["summary"] = "Referred another patient"
        return {
            "patient": rows(PatientRow, PatientRow.id, ids),
            "consents": rows(ConsentRow, ConsentRow.patient_id, ids),
            "timeline": timeline,
            "timeline_revisions": [
                _without_other_patients(r) for r in rows(TimelineRevisionRow, TimelineRevisionRow.event_id, event_ids)
            ],
            "appointments": rows(AppointmentRow, AppointmentRow.patient_id, ids),
            "reading_sessions": [_row(s) for s in sessions],
            "reading_values": rows(ReadingValueRow, ReadingValueRow.session_id, [s.id for s in sessions]),
            "photos": rows(PhotoRow, PhotoRow.patient_id, ids),
            "alerts": rows(AlertRow, AlertRow.patient_id, ids),
            "tier_results": rows(TierReviewResultRow, TierReviewResultRow.patient_id, ids),
            "tier_history": rows(TierHistoryRow, TierHistoryRow.patient_id, ids),
            "tier_overrides": rows(TierOverrideRow, TierOverrideRow.patient_id, ids),
        }

    def staff_names(self) -> dict[int, str]:
        return {row.id: row.display_name for row in self._s.execute(select(StaffUserRow.id, StaffUserRow.display_name))}

    def erase(self, patient_id: int, at: datetime) -> tuple[list[int], int]:
        """Erase the personal data of a patient (and of the duplicates merged into them): identity, contacts,
        clinical profile, notes, readings, photos, appointments, alerts, overrides, consent notes and every
        edit's old version. Paid events stay, stripped to date, kind, amount, treatment and practitioner,
        for the books. Returns the erased record ids and the number of paid events kept."""
        ids = self.record_ids(patient_id)
        events = select(TimelineEventRow.id).where(TimelineEventRow.patient_id.in_(ids))
        s = self._s
        s.execute(delete(PhotoRow).where(PhotoRow.patient_id.in_(ids)))
        s.execute(delete(TimelineRevisionRow).where(TimelineRevisionRow.event_id.in_(events)))
        s.execute(delete(TimelineEventRow).where(TimelineEventRow.patient_id.in_(ids), ~TimelineEventRow.paid))
        s.execute(
            update(TimelineEventRow).where(TimelineEventRow.patient_id.in_(ids)).values(**_KEPT_FOR_BOOKS, **_UNLINKED)
        )
        sessions = select(ReadingSessionRow.id).where(ReadingSessionRow.patient_id.in_(ids))
        s.execute(delete(ReadingValueRow).where(ReadingValueRow.session_id.in_(sessions)))
        s.execute(delete(ReadingSessionRow).where(ReadingSessionRow.patient_id.in_(ids)))
        s.execute(delete(AppointmentRow).where(AppointmentRow.patient_id.in_(ids)))
        s.execute(delete(AlertRow).where(AlertRow.patient_id.in_(ids)))
        s.execute(delete(TierOverrideRow).where(TierOverrideRow.patient_id.in_(ids)))
        s.execute(update(TierHistoryRow).where(TierHistoryRow.patient_id.in_(ids)).values(note=""))
        s.execute(update(ConsentRow).where(ConsentRow.patient_id.in_(ids)).values(note=""))
        s.execute(delete(PatientSearchTermRow).where(PatientSearchTermRow.patient_id.in_(ids)))
        # other patients' referral entries name this one ("Referred Jane Doe")
        s.execute(
            update(TimelineEventRow)
            .where(TimelineEventRow.related_patient_id.in_(ids))
            .values(summary="Referred a patient whose record was erased")
        )
        s.execute(
            update(TimelineRevisionRow)
            .where(
                TimelineRevisionRow.event_id.in_(
                    select(TimelineEventRow.id).where(TimelineEventRow.related_patient_id.in_(ids))
                )
            )
            .values(snapshot={})
        )
        for row in s.scalars(select(PatientRow).where(PatientRow.id.in_(ids))):
            for name, value in _ERASED_IDENTITY.items():
                setattr(row, name, value)
            row.erased_at, row.updated_at = at, at
        s.flush()
        kept = s.scalar(select(func.count()).where(TimelineEventRow.patient_id.in_(ids)))
        return ids, int(kept or 0)


def _without_other_patients(revision: dict[str, Any]) -> dict[str, Any]:
    """An edit's old version, with any pointer to (or name of) another patient taken out like the event's."""
    snapshot = dict(revision.get("snapshot") or {})
    if snapshot.get("related_patient_id") is not None:
        snapshot["related_patient_id"] = "another patient"
    if snapshot.get("kind") == "referral":
        snapshot["summary"] = "Referred another patient"
    return {**revision, "snapshot": snapshot}
