"""A history CSV row as a timeline event of one of the kinds another system exports."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dermadesk.domain.catalogue import TreatmentType
from dermadesk.domain.dates import local_instant
from dermadesk.domain.import_values import AmountProblem, parse_amount
from dermadesk.domain.money import Money
from dermadesk.domain.staff import StaffUser
from dermadesk.domain.timeline import MESSAGE_CHANNELS, EventKind, TimelineEvent, validate_event
from dermadesk.services.import_cells import RowCells

KINDS = {
    "treatment": EventKind.TREATMENT,
    "purchase": EventKind.PURCHASE,
    "sale": EventKind.PURCHASE,
    "payment": EventKind.PACKAGE,
    "package": EventKind.PACKAGE,
    "membership": EventKind.PACKAGE,
    "call": EventKind.CALL,
    "phone_call": EventKind.CALL,
    "message": EventKind.MESSAGE,
    "sms": EventKind.MESSAGE,
    "note": EventKind.NOTE,
    "survey": EventKind.SURVEY,
}
DIRECTIONS = {"in": "in", "inbound": "in", "incoming": "in", "out": "out", "outbound": "out", "outgoing": "out"}
CHANNELS = {**{c: c for c in MESSAGE_CHANNELS}, "text": "sms", "whatsapp": "messaging_app", "post": "letter"}
PAID = (EventKind.TREATMENT, EventKind.PURCHASE, EventKind.PACKAGE)


@dataclass(frozen=True)
class Lookups:
    """What rows name by text: treatments by code or name, staff by user name or display name."""

    treatments: Mapping[str, TreatmentType]
    staff: Mapping[str, StaffUser]
    currency: str

    @classmethod
    def of(cls, treatments: list[TreatmentType], staff: list[StaffUser], currency: str) -> Lookups:
        by_text = {t.code.casefold(): t for t in treatments} | {t.name.casefold(): t for t in treatments}
        people = {s.username.casefold(): s for s in staff} | {s.display_name.casefold(): s for s in staff}
        return cls(by_text, people, currency)


def event_from_row(row: RowCells, patient_id: int, lookups: Lookups, now: datetime) -> TimelineEvent | None:
    """The event a row describes (for a known patient), or None with the problems in `row.problems`."""
    if row.unfit():
        return None
    kind = KINDS.get(row.get("kind").casefold().replace(" ", "_"))
    if kind is None:
        row.problem("kind", "unknown_choice" if row.has("kind") else "required")
    day = row.date("date", required=True)
    amount = _amount(row, lookups.currency, required=kind in PAID)
    details, extra = _details(row, kind, lookups)
    if kind is None or day is None or row.problems:
        return None
    event = TimelineEvent(
        patient_id,
        kind,
        local_instant(day),
        summary=row.get("summary"),
        amount=amount,
        lot_number=row.get("lot_number"),
        details=details,
        **extra,
    )
    for problem in validate_event(event, now):
        # another system's treatments often name no practitioner: kept as imported, not refused
        if not (problem.field == "practitioner" and problem.problem == "required"):
            row.problem(problem.field, problem.problem)
    return None if row.problems else event


def _amount(row: RowCells, currency: str, *, required: bool) -> Money | None:
    text = row.get("amount")
    if not text:
        if required:
            row.problem("amount", "required")
        return None
    parsed = parse_amount(text, currency)
    if isinstance(parsed, AmountProblem):
        row.problem("amount", parsed.value)
        return None
    return parsed


def _details(row: RowCells, kind: EventKind | None, lookups: Lookups) -> tuple[dict[str, Any], dict[str, Any]]:
    """The kind's own fields (details) and the ids it links to (treatment, practitioner)."""
    details: dict[str, Any] = {"source": "import"}
    extra: dict[str, Any] = {}
    if row.has("practitioner"):
        person = lookups.staff.get(row.get("practitioner").casefold())
        if person is None:
            row.problem("practitioner", "unknown_choice")
        else:
            extra["practitioner_id"] = person.id
    if kind is EventKind.TREATMENT:
        treatment = lookups.treatments.get(row.get("treatment").casefold())
        if treatment is None:
            row.problem("treatment", "unknown_choice" if row.has("treatment") else "required")
        else:
            extra["treatment_type_id"] = treatment.id
        if row.has("units"):
            details["units"] = row.integer("units", 1, 10_000)
    elif kind is EventKind.PURCHASE:
        details["product"] = row.get("product") or row.get("summary")
        details["quantity"] = row.integer("quantity", 1, 10_000) or 1
    elif kind is EventKind.PACKAGE:
        details["item"] = row.get("product") or row.get("summary")
        details["sessions"] = row.integer("sessions", 0, 1000) or 0
    elif kind in (EventKind.CALL, EventKind.MESSAGE):
        details["direction"] = row.choice("direction", DIRECTIONS)
        if kind is EventKind.MESSAGE:
            details["channel"] = row.choice("channel", CHANNELS)
    elif kind is EventKind.SURVEY:
        for name, (low, high) in {"csat": (1, 5), "nps": (0, 10), "satisfaction": (0, 10)}.items():
            if (score := row.integer(name, low, high)) is not None:
                details[name] = score
    return {k: v for k, v in details.items() if v is not None}, extra


def dedup_key(row: RowCells, event: TimelineEvent) -> str:
    """What makes a history row the same row on a second import: its own id in the other system, or else
    a hash of patient, kind, day, amount, text and what it links to."""
    if row.has("external_id"):
        return "ext:" + row.get("external_id")
    parts = (
        event.patient_id,
        event.kind.value,
        event.occurred_at.date().isoformat(),
        event.amount.minor if event.amount else "",
        event.summary,
        event.treatment_type_id or "",
        sorted((k, str(v)) for k, v in event.details.items()),
    )
    return "sha:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
