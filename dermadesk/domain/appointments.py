"""Appointments: a light booking list, not a full calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Appointment:
    patient_id: int
    starts_at: datetime
    status: AppointmentStatus = AppointmentStatus.BOOKED
    treatment_type_id: int | None = None
    practitioner_id: int | None = None
    note: str = ""
    id: int | None = None
    version: int = 1
