"""Skin-reading sessions with their values, and photos."""

from __future__ import annotations

import dataclasses
import hashlib

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from dermadesk.domain.readings import Photo, ReadingSession
from dermadesk.store.tables import MetricRow, PhotoRow, ReadingSessionRow, ReadingValueRow


class ReadingRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def _metric_ids(self) -> dict[str, int]:
        return {code: mid for mid, code in self._s.execute(select(MetricRow.id, MetricRow.code))}

    def add(self, session_: ReadingSession) -> ReadingSession:
        row = ReadingSessionRow(
            patient_id=session_.patient_id,
            taken_at=session_.taken_at,
            device=session_.device,
            operator_id=session_.operator_id,
            zones=list(session_.zones),
            note=session_.note,
        )
        self._s.add(row)
        self._s.flush()
        ids = self._metric_ids()
        values = [
            {"session_id": row.id, "metric_id": ids[code], "value": float(v)} for code, v in session_.values.items()
        ]
        if values:
            self._s.execute(insert(ReadingValueRow), values)
        return dataclasses.replace(session_, id=row.id)

    def for_patient(self, patient_id: int) -> list[ReadingSession]:
        """Every session of a patient, oldest first, values included (one query for all values)."""
        sessions = list(
            self._s.scalars(
                select(ReadingSessionRow)
                .where(ReadingSessionRow.patient_id == patient_id)
                .order_by(ReadingSessionRow.taken_at, ReadingSessionRow.id)
            )
        )
        values: dict[int, dict[str, float]] = {s.id: {} for s in sessions}
        rows = self._s.execute(
            select(ReadingValueRow.session_id, MetricRow.code, ReadingValueRow.value)
            .join(MetricRow, MetricRow.id == ReadingValueRow.metric_id)
            .where(ReadingValueRow.session_id.in_(list(values)))
        )
        for session_id, code, value in rows:
            values[session_id][code] = value
        return [
            ReadingSession(
                s.patient_id, s.taken_at, values[s.id], s.device, s.operator_id, tuple(s.zones or ()), s.note, s.id
            )
            for s in sessions
        ]

    def get(self, session_id: int) -> ReadingSession | None:
        row = self._s.get(ReadingSessionRow, session_id)
        if row is None:
            return None
        return next(s for s in self.for_patient(row.patient_id) if s.id == session_id)

    def move(self, from_patient: int, to_patient: int) -> None:
        for model in (ReadingSessionRow, PhotoRow):
            for row in self._s.scalars(select(model).where(model.patient_id == from_patient)):
                row.patient_id = to_patient

    # -- photos --------------------------------------------------------------
    def add_photo(self, photo: Photo) -> Photo:
        row = PhotoRow(
            patient_id=photo.patient_id,
            event_id=photo.event_id,
            reading_session_id=photo.reading_session_id,
            taken_at=photo.taken_at,
            mime_type=photo.mime_type,
            caption=photo.caption,
            data=photo.data,
            sha256=hashlib.sha256(photo.data).hexdigest(),
        )
        self._s.add(row)
        self._s.flush()
        return dataclasses.replace(photo, id=row.id)

    def photos(self, patient_id: int) -> list[Photo]:
        rows = self._s.scalars(select(PhotoRow).where(PhotoRow.patient_id == patient_id).order_by(PhotoRow.taken_at))
        return [
            Photo(r.patient_id, r.taken_at, r.mime_type, r.data, r.event_id, r.reading_session_id, r.caption, r.id)
            for r in rows
        ]
