"""Small hand-built clinics for service tests: patients and paid visits on chosen days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from dermadesk.domain.dates import day_number
from dermadesk.domain.money import Money
from dermadesk.domain.patients import Patient
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.store.unit_of_work import UnitOfWork

RECORDED = datetime(2020, 1, 1, tzinfo=UTC)


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def patient(uow: UnitOfWork, name: str, **fields: object) -> int:
    saved = uow.patients.add(Patient("Test", name, **fields), [("name", name.lower())], RECORDED, None)  # type: ignore[arg-type]
    return saved.id  # type: ignore[return-value]


def treatment_type(uow: UnitOfWork, code: str) -> int:
    return next(t.id for t in uow.catalogue.treatments() if t.code == code)  # type: ignore[return-value]


def visit(
    uow: UnitOfWork, patient_id: int, day: date, amount: int, code: str = "botox", kind: EventKind = EventKind.TREATMENT
) -> TimelineEvent:
    """A paid event on a day (a treatment of the given catalogue code unless another kind is asked for)."""
    event = TimelineEvent(
        patient_id,
        kind,
        at_noon(day),
        amount=Money(amount, "GBP"),
        treatment_type_id=treatment_type(uow, code) if kind is EventKind.TREATMENT else None,
        details={"product": "x", "quantity": 1, "item": "x"},
    )
    return uow.timeline.add(event, day_number(day), RECORDED)


def event(uow: UnitOfWork, patient_id: int, kind: EventKind, day: date, **fields: object) -> TimelineEvent:
    return uow.timeline.add(TimelineEvent(patient_id, kind, at_noon(day), **fields), day_number(day), RECORDED)  # type: ignore[arg-type]


def days_before(day: date, *offsets: int) -> list[date]:
    return [day - timedelta(days=offset) for offset in offsets]
