"""Skin-test readings: sessions with their metric values, trends, two-session comparison, and photos."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.readings import Metric, Photo, ReadingSession
from dermadesk.domain.staff import Permission
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import ServiceContext

MAX_PHOTO_BYTES = 25 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png", "image/webp")


@dataclass(frozen=True)
class MetricDelta:
    metric: Metric
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else round(self.after - self.before, 2)


class ReadingService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def metrics(self) -> list[Metric]:
        with self._ctx.store.read() as uow:
            return uow.catalogue.metrics(include_inactive=False)

    def sessions(self, patient_id: int) -> list[ReadingSession]:
        """Every session of a patient, oldest first: the trend charts draw straight from this."""
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            sessions = uow.readings.for_patient(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "readings", patient_id, patient_id)
        return sessions

    def add_session(self, session: ReadingSession) -> ReadingSession:
        """Store a reading session and its skin-test entry on the timeline, as one action."""
        actor = self._ctx.require(Permission.EDIT_CLINICAL, "record skin readings")
        with self._ctx.store.write() as uow:
            uow.patients.require(session.patient_id)
            known = {m.code for m in uow.catalogue.metrics()}
            problems = [FieldProblem(code, "unknown_choice") for code in session.values if code not in known]
            problems += [FieldProblem(code, "not_negative") for code, v in session.values.items() if v < 0]
            if not session.values:
                problems.append(FieldProblem("values", "required"))
            if session.taken_at > self._ctx.clock.now():
                problems.append(FieldProblem("taken_at", "in_future"))
            require_valid(problems)
            saved = uow.readings.add(dataclasses.replace(session, operator_id=session.operator_id or actor.id))
            uow.timeline.add(
                TimelineEvent(
                    session.patient_id,
                    EventKind.SKIN_TEST,
                    session.taken_at,
                    reading_session_id=saved.id,
                    practitioner_id=saved.operator_id,
                    recorded_by=actor.id,
                    summary=session.note or session.device,
                ),
                day_number(clinic_day(session.taken_at)),
                self._ctx.clock.now(),
            )
            self._ctx.audit(uow, AuditAction.CREATE, "reading_session", saved.id, session.patient_id)
        return saved

    def compare(self, first: ReadingSession, second: ReadingSession) -> list[MetricDelta]:
        """Every metric either session holds, with its values and the change from first to second."""
        return [
            MetricDelta(m, first.values.get(m.code), second.values.get(m.code))
            for m in self.metrics()
            if m.code in first.values or m.code in second.values
        ]

    def add_photo(self, photo: Photo) -> Photo:
        self._ctx.require(Permission.EDIT_CLINICAL, "attach photos")
        problems = []
        if photo.mime_type not in PHOTO_TYPES:
            problems.append(FieldProblem("photo", "unknown_choice"))
        if not photo.data or len(photo.data) > MAX_PHOTO_BYTES:
            problems.append(FieldProblem("photo", "out_of_range"))
        require_valid(problems)
        with self._ctx.store.write() as uow:
            uow.patients.require(photo.patient_id)
            saved = uow.readings.add_photo(photo)
            self._ctx.audit(uow, AuditAction.CREATE, "photo", saved.id, photo.patient_id)
        return saved

    def photos(self, patient_id: int) -> list[Photo]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            photos = uow.readings.photos(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "photos", patient_id, patient_id)
        return photos
