"""Appointments: today's and tomorrow's list, booking, and marking attended, no-show or cancelled."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number, local_instant
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.patients import Patient
from dermadesk.domain.staff import Permission
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import ServiceContext

STATUS_EVENTS = {AppointmentStatus.NO_SHOW: EventKind.NO_SHOW, AppointmentStatus.CANCELLED: EventKind.CANCELLATION}


@dataclass(frozen=True)
class AppointmentView:
    appointment: Appointment
    patient: Patient
    treatment: str
    practitioner: str


class AppointmentService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def day_list(self, day: date) -> list[AppointmentView]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view appointments")
        with self._ctx.store.write() as uow:
            booked = uow.appointments.between(
                local_instant(day, time(0)), local_instant(day + timedelta(days=1), time(0))
            )
            patients = uow.patients.get_many([a.patient_id for a in booked])
            treatments = {t.id: t.name for t in uow.catalogue.treatments()}
            staff = {u.id: u.display_name for u in uow.staff.all()}
            self._ctx.audit(uow, AuditAction.VIEW, "day_list", day.isoformat())
        return [
            AppointmentView(
                a,
                patients[a.patient_id],
                treatments.get(a.treatment_type_id, ""),  # type: ignore[arg-type]
                staff.get(a.practitioner_id, ""),
            )
            for a in booked
            if a.patient_id in patients
        ]  # type: ignore[arg-type]

    def for_patient(self, patient_id: int) -> list[Appointment]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view appointments")
        with self._ctx.store.write() as uow:
            found = uow.appointments.for_patient(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "appointments", patient_id, patient_id)
        return found

    def book(self, appointment: Appointment) -> Appointment:
        self._ctx.require(Permission.LOG_INTERACTIONS, "book appointments")
        if appointment.starts_at.tzinfo is None or appointment.starts_at < self._ctx.clock.now() - timedelta(hours=1):
            require_valid([FieldProblem("starts_at", "out_of_range")])
        with self._ctx.store.write() as uow:
            uow.patients.require(appointment.patient_id)
            saved = uow.appointments.add(
                dataclasses.replace(appointment, status=AppointmentStatus.BOOKED), self._ctx.clock.now()
            )
            self._ctx.audit(uow, AuditAction.CREATE, "appointment", saved.id, saved.patient_id)
        return saved

    def mark(self, appointment: Appointment, status: AppointmentStatus) -> Appointment:
        """Attended, no-show or cancelled; a no-show or cancellation also lands on the timeline."""
        actor = self._ctx.require(Permission.LOG_INTERACTIONS, "update appointments")
        with self._ctx.store.write() as uow:
            current = uow.appointments.get(appointment.id)  # type: ignore[arg-type]
            if current is None:
                raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "appointment", "id": appointment.id})
            saved = uow.appointments.set_status(appointment, status)
            if status in STATUS_EVENTS:
                self._log(uow, saved, STATUS_EVENTS[status], actor.id)
            self._ctx.audit(uow, AuditAction.UPDATE, f"appointment:{status.value}", saved.id, saved.patient_id)
        return saved

    def _log(self, uow, appointment: Appointment, kind: EventKind, by: int | None) -> None:  # type: ignore[no-untyped-def]
        now = self._ctx.clock.now()
        when: datetime = min(appointment.starts_at, now)
        event = TimelineEvent(
            appointment.patient_id,
            kind,
            when,
            appointment_id=appointment.id,
            recorded_by=by,
            details={"appointment_date": appointment.starts_at.date().isoformat()},
        )
        uow.timeline.add(event, day_number(clinic_day(when)), now)
