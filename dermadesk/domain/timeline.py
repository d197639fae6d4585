"""The patient timeline: every kind of interaction, what each carries, and its validation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from dermadesk.domain.errors import FieldProblem
from dermadesk.domain.money import Money


class EventKind(StrEnum):
    CONSULTATION = "consultation"
    TREATMENT = "treatment"
    PURCHASE = "purchase"
    PACKAGE = "package"  # package or membership payment
    REFUND = "refund"  # a negative paid event: reduces spend, is not a visit
    CALL = "call"
    MESSAGE = "message"
    EMAIL = "email"
    SURVEY = "survey"
    COMPLAINT = "complaint"
    REFERRAL = "referral"
    SKIN_TEST = "skin_test"
    PACKET_PRINTED = "packet_printed"
    ALERT_HANDLED = "alert_handled"
    NOTE = "note"
    NO_SHOW = "no_show"
    CANCELLATION = "cancellation"


PAID_KINDS = frozenset({EventKind.TREATMENT, EventKind.PURCHASE, EventKind.PACKAGE, EventKind.REFUND})
CONTACT_KINDS = frozenset({EventKind.CALL, EventKind.MESSAGE, EventKind.EMAIL})
# Kinds only practitioners and owners may write (DOMAIN §7: clinical notes and readings).
CLINICAL_KINDS = frozenset({EventKind.CONSULTATION, EventKind.TREATMENT, EventKind.SKIN_TEST})


class Direction(StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class ConsultationOutcome(StrEnum):
    BOOKED = "booked"
    THINKING = "thinking"
    DECLINED = "declined"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


FUTURE_TOLERANCE_S = 3600  # clocks of workstations drift; an hour ahead is not a typing error
MESSAGE_CHANNELS = ("sms", "messaging_app", "letter", "social")


@dataclass(frozen=True)
class TimelineEvent:
    """One entry of a patient's history. `details` holds the kind's own fields (see validate)."""

    patient_id: int
    kind: EventKind
    occurred_at: datetime  # timezone-aware
    id: int | None = None
    summary: str = ""
    amount: Money | None = None
    treatment_type_id: int | None = None
    practitioner_id: int | None = None
    related_patient_id: int | None = None
    reading_session_id: int | None = None
    appointment_id: int | None = None
    alert_id: int | None = None
    lot_number: str = ""
    details: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    recorded_by: int | None = None
    recorded_at: datetime | None = None
    version: int = 1
    voided: bool = False

    @property
    def is_paid(self) -> bool:
        return self.kind in PAID_KINDS


@dataclass(frozen=True)
class EventRevision:
    """A previous version of an edited event, kept whole."""

    event_id: int
    version: int
    snapshot: Mapping[str, Any]
    edited_by: int | None
    edited_at: datetime


def validate_event(event: TimelineEvent, now: datetime) -> list[FieldProblem]:
    """Everything wrong with an event before it is stored, one problem per field."""
    problems: list[FieldProblem] = []
    if event.occurred_at.tzinfo is None:
        problems.append(FieldProblem("occurred_at", "not_a_date"))
    elif (event.occurred_at - now).total_seconds() > FUTURE_TOLERANCE_S:
        # history cannot be in the future (a typing error); appointments are booked separately
        problems.append(FieldProblem("occurred_at", "in_future"))
    problems.extend(_KIND_CHECKS.get(event.kind, _no_check)(event))
    return problems


def _no_check(event: TimelineEvent) -> list[FieldProblem]:
    return []


def _need(condition: bool, name: str, problem: str = "required") -> list[FieldProblem]:
    return [] if condition else [FieldProblem(name, problem)]


def _int_in(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _amount(event: TimelineEvent, *, negative: bool = False) -> list[FieldProblem]:
    if event.amount is None:
        return [FieldProblem("amount", "required")]
    if negative and event.amount.minor >= 0:
        return [FieldProblem("amount", "must_be_positive")]  # entered as a positive refund
    if not negative and event.amount.minor < 0:
        return [FieldProblem("amount", "not_negative")]
    return []


def _check_consultation(e: TimelineEvent) -> list[FieldProblem]:
    outcome = e.details.get("outcome")
    return _need(e.practitioner_id is not None, "practitioner") + _need(
        outcome in set(ConsultationOutcome), "outcome", "unknown_choice" if outcome else "required"
    )


def _check_treatment(e: TimelineEvent) -> list[FieldProblem]:
    units = e.details.get("units")
    return (
        _need(e.treatment_type_id is not None, "treatment")
        + _need(e.practitioner_id is not None, "practitioner")
        + _amount(e)
        + _need(units is None or (isinstance(units, (int, float)) and units > 0), "units", "must_be_positive")
        + _need(len(e.lot_number) <= 64, "lot_number", "too_long")
    )


def _check_purchase(e: TimelineEvent) -> list[FieldProblem]:
    quantity = e.details.get("quantity", 1)
    return (
        _need(bool(str(e.details.get("product", "")).strip()), "product")
        + _need(_int_in(quantity, 1, 10_000), "quantity", "out_of_range")
        + _amount(e)
    )


def _check_package(e: TimelineEvent) -> list[FieldProblem]:
    sessions = e.details.get("sessions", 0)
    return (
        _need(bool(str(e.details.get("item", "")).strip()), "item")
        + _need(_int_in(sessions, 0, 1000), "sessions", "out_of_range")
        + _amount(e)
    )


def _check_refund(e: TimelineEvent) -> list[FieldProblem]:
    return _amount(e, negative=True)


def _check_contact(e: TimelineEvent) -> list[FieldProblem]:
    direction = e.details.get("direction")
    problems = _need(direction in set(Direction), "direction", "unknown_choice" if direction else "required")
    problems += _need(bool(e.summary.strip()), "summary")
    if e.kind is EventKind.MESSAGE:
        problems += _need(e.details.get("channel") in MESSAGE_CHANNELS, "channel", "unknown_choice")
    return problems


def _check_survey(e: TimelineEvent) -> list[FieldProblem]:
    d = e.details
    scales = {"csat": (1, 5), "nps": (0, 10), "satisfaction": (0, 10)}
    problems = [
        FieldProblem(k, "out_of_range") for k, (lo, hi) in scales.items() if k in d and not _int_in(d[k], lo, hi)
    ]
    if not any(k in d for k in scales):
        problems.append(FieldProblem("nps", "required"))
    return problems


def _check_complaint(e: TimelineEvent) -> list[FieldProblem]:
    severity = e.details.get("severity")
    return _need(bool(e.summary.strip()), "summary") + _need(
        severity in set(Severity), "severity", "unknown_choice" if severity else "required"
    )


def _check_referral(e: TimelineEvent) -> list[FieldProblem]:
    problems = _need(e.related_patient_id is not None, "referred_patient")
    if e.related_patient_id is not None and e.related_patient_id == e.patient_id:
        problems.append(FieldProblem("referred_patient", "same_patient"))
    return problems


def _check_note(e: TimelineEvent) -> list[FieldProblem]:
    return _need(bool(e.summary.strip()), "summary")


def _check_appointment_event(e: TimelineEvent) -> list[FieldProblem]:
    return _need(e.appointment_id is not None or bool(e.details.get("appointment_date")), "appointment_date")


_KIND_CHECKS = {
    EventKind.CONSULTATION: _check_consultation,
    EventKind.TREATMENT: _check_treatment,
    EventKind.PURCHASE: _check_purchase,
    EventKind.PACKAGE: _check_package,
    EventKind.REFUND: _check_refund,
    EventKind.CALL: _check_contact,
    EventKind.MESSAGE: _check_contact,
    EventKind.EMAIL: _check_contact,
    EventKind.SURVEY: _check_survey,
    EventKind.COMPLAINT: _check_complaint,
    EventKind.REFERRAL: _check_referral,
    EventKind.SKIN_TEST: lambda e: _need(e.reading_session_id is not None, "reading_session"),
    EventKind.PACKET_PRINTED: lambda e: _need(bool(e.details.get("packet")), "packet"),
    EventKind.ALERT_HANDLED: lambda e: _need(e.alert_id is not None, "alert"),
    EventKind.NOTE: _check_note,
    EventKind.NO_SHOW: _check_appointment_event,
    EventKind.CANCELLATION: _check_appointment_event,
}
