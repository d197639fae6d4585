"""Appointments: bookings, today's list, and who has a future booking."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.store.tables import AppointmentRow


def _to_domain(row: AppointmentRow) -> Appointment:
    return Appointment(
        row.patient_id,
        row.starts_at,
        AppointmentStatus(row.status),
        row.treatment_type_id,
        row.practitioner_id,
        row.note,
        row.id,
        row.version,
    )


class AppointmentRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, appointment: Appointment, at: datetime) -> Appointment:
        row = AppointmentRow(
            patient_id=appointment.patient_id,
            starts_at=appointment.starts_at,
            status=appointment.status.value,
            treatment_type_id=appointment.treatment_type_id,
            practitioner_id=appointment.practitioner_id,
            note=appointment.note,
            created_at=at,
        )
        self._s.add(row)
        self._s.flush()
        return _to_domain(row)

    def get(self, appointment_id: int) -> Appointment | None:
        row = self._s.get(AppointmentRow, appointment_id)
        return _to_domain(row) if row else None

    def set_status(self, appointment: Appointment, status: AppointmentStatus) -> Appointment:
        assert appointment.id is not None
        row = self._s.get_one(AppointmentRow, appointment.id)
        if row.version != appointment.version:
            raise DermaDeskError(ErrorCode.CONFLICT, {"what": "This appointment", "by": "another user", "at": "—"})
        row.status = status.value
        self._s.flush()
        return dataclasses.replace(_to_domain(row))

    def between(self, start: datetime, end: datetime) -> list[Appointment]:
        rows = self._s.scalars(
            select(AppointmentRow)
            .where(AppointmentRow.starts_at >= start, AppointmentRow.starts_at < end)
            .order_by(AppointmentRow.starts_at, AppointmentRow.id)
        )
        return [_to_domain(r) for r in rows]

    def for_patient(self, patient_id: int) -> list[Appointment]:
        rows = self._s.scalars(
            select(AppointmentRow).where(AppointmentRow.patient_id == patient_id).order_by(AppointmentRow.starts_at)
        )
        return [_to_domain(r) for r in rows]

    def next_booking(self, patient_ids: list[int], after: datetime) -> dict[int, datetime]:
        rows = self._s.execute(
            select(AppointmentRow.patient_id, func.min(AppointmentRow.starts_at))
            .where(
                AppointmentRow.patient_id.in_(patient_ids),
                AppointmentRow.starts_at >= after,
                AppointmentRow.status == AppointmentStatus.BOOKED.value,
            )
            .group_by(AppointmentRow.patient_id)
        )
        # min() loses the column type on SQLite: parse through the column's own type
        result_type = AppointmentRow.__table__.c.starts_at.type
        processor = result_type.result_processor(self._s.get_bind().dialect, None)
        return {pid: processor(value) if processor else value for pid, value in rows}

    def patients_booked_after(self, after: datetime) -> set[int]:
        rows = self._s.scalars(
            select(AppointmentRow.patient_id)
            .where(AppointmentRow.starts_at >= after, AppointmentRow.status == AppointmentStatus.BOOKED.value)
            .distinct()
        )
        return set(rows)

    def move(self, from_patient: int, to_patient: int) -> None:
        for row in self._s.scalars(select(AppointmentRow).where(AppointmentRow.patient_id == from_patient)):
            row.patient_id = to_patient
