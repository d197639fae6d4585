"""The patient timeline: log any kind of event (validated), page through it, edit keeping the old version."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from datetime import datetime

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.staff import Permission
from dermadesk.domain.timeline import CLINICAL_KINDS, EventKind, EventRevision, TimelineEvent, validate_event
from dermadesk.services.context import ServiceContext
from dermadesk.store.unit_of_work import UnitOfWork

PAGE = 200


def permission_for(kind: EventKind) -> Permission:
    """Clinical entries are for practitioners and owners; the front desk logs the rest."""
    return Permission.EDIT_CLINICAL if kind in CLINICAL_KINDS else Permission.LOG_INTERACTIONS


class TimelineService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def add(self, event: TimelineEvent) -> TimelineEvent:
        """Store one event after checking every field; nothing is stored if anything is wrong."""
        actor = self._ctx.require(permission_for(event.kind), f"log a {event.kind.value.replace('_', ' ')}")
        event = dataclasses.replace(event, recorded_by=actor.id)
        require_valid(validate_event(event, self._ctx.clock.now()))
        with self._ctx.store.write() as uow:
            self._check_links(uow, event)
            saved = uow.timeline.add(event, day_number(clinic_day(event.occurred_at)), self._ctx.clock.now())
            self._ctx.audit(uow, AuditAction.CREATE, f"event:{event.kind.value}", saved.id, event.patient_id)
        return saved

    def edit(self, event: TimelineEvent) -> TimelineEvent:
        """Save a changed event; the version it replaces is kept whole. Refused if it changed meanwhile."""
        actor = self._ctx.require(permission_for(event.kind), f"edit a {event.kind.value.replace('_', ' ')}")
        assert event.id is not None
        require_valid(validate_event(event, self._ctx.clock.now()))
        with self._ctx.store.write() as uow:
            current = uow.timeline.get(event.id)
            if current is None:
                raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "event", "id": event.id})
            # the stored entry decides who may change it, and an edit never changes its kind or its patient
            self._ctx.require(permission_for(current.kind), f"edit a {current.kind.value.replace('_', ' ')}")
            require_valid(
                [
                    FieldProblem(name, "unknown_choice")
                    for name, same in (
                        ("kind", event.kind is current.kind),
                        ("patient", event.patient_id == current.patient_id),
                    )
                    if not same
                ]
            )
            if current.version != event.version:
                raise DermaDeskError(
                    ErrorCode.CONFLICT, {"what": "This entry", "by": current.recorded_by, "at": current.recorded_at}
                )
            self._check_links(uow, event)
            saved = uow.timeline.update(
                event, day_number(clinic_day(event.occurred_at)), self._ctx.clock.now(), actor.id
            )
            self._ctx.audit(uow, AuditAction.UPDATE, f"event:{event.kind.value}", event.id, event.patient_id)
        return saved

    def void(self, event: TimelineEvent) -> TimelineEvent:
        """Take an entry off the timeline (kept, with its history): the undo for a mistaken entry."""
        return self.edit(dataclasses.replace(event, voided=True))

    def page(
        self,
        patient_id: int,
        *,
        kinds: Collection[EventKind] = (),
        text: str = "",
        before: tuple[datetime, int] | None = None,
        limit: int = PAGE,
    ) -> list[TimelineEvent]:
        """Newest first, a page at a time, so a 2,000-event history shows at once and scrolls on demand."""
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            events = uow.timeline.page(patient_id, kinds=kinds, text=text, before=before, limit=limit)
            self._ctx.audit(
                uow, AuditAction.VIEW, "timeline" if before is None else "timeline:more", patient_id, patient_id
            )
        return events

    def kinds_count(self, patient_id: int) -> dict[EventKind, int]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            counts = uow.timeline.kinds_count(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "timeline_counts", patient_id, patient_id)
        return counts

    def revisions(self, event_id: int) -> list[EventRevision]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            event = uow.timeline.get(event_id)
            if event is None:
                raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "event", "id": event_id})
            revisions = uow.timeline.revisions(event_id)
            self._ctx.audit(uow, AuditAction.VIEW, "event_revisions", event_id, event.patient_id)
        return revisions

    def _check_links(self, uow: UnitOfWork, event: TimelineEvent) -> None:
        """Ids an event points at must exist: a clear field error instead of a foreign-key failure."""
        uow.patients.require(event.patient_id)
        problems = []
        if event.treatment_type_id is not None and uow.catalogue.treatment(event.treatment_type_id) is None:
            problems.append(FieldProblem("treatment", "unknown_choice"))
        if event.practitioner_id is not None and uow.staff.get(event.practitioner_id) is None:
            problems.append(FieldProblem("practitioner", "unknown_choice"))
        if event.related_patient_id is not None and uow.patients.get(event.related_patient_id) is None:
            problems.append(FieldProblem("referred_patient", "unknown_choice"))
        if event.reading_session_id is not None and uow.readings.get(event.reading_session_id) is None:
            problems.append(FieldProblem("reading_session", "unknown_choice"))
        require_valid(problems)
