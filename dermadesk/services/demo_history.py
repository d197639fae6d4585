"""One demo patient's believable history: visits at their treatment's interval, sales, contacts, surveys,
readings that drift, consents, appointments and no-shows, and for some an end (churn)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType

import numpy as np

from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.catalogue import TreatmentType
from dermadesk.domain.dates import day_number
from dermadesk.domain.money import Money
from dermadesk.domain.patients import Consent, ConsentKind
from dermadesk.domain.readings import Metric, ReadingSession
from dermadesk.domain.timeline import EventKind, TimelineEvent

RETAIL = (
    ("SPF 50 sunscreen", 2400),
    ("Hyaluronic serum", 4500),
    ("Gentle cleanser", 1800),
    ("Retinol night cream", 5200),
    ("Vitamin C serum", 4800),
    ("Barrier repair cream", 3600),
)
PACKAGES = (
    ("Course of 6 peels", 6, 60000),
    ("Laser hair removal, 8 sessions", 8, 96000),
    ("Skin membership, 12 months", 12, 48000),
)
CALL_TOPICS = ("Asked about prices", "Rescheduling request", "Question about after-care", "Booking enquiry")
MESSAGE_TOPICS = ("After-care check-in", "Appointment reminder", "How is your skin settling?")
COMPLAINTS = (
    "Waited 40 minutes past the appointment time",
    "Bruising lasted longer than expected",
    "Charged twice for a retail product",
)


@dataclass
class Ids:
    """The next free id per table, so a history can link its parts before anything is stored."""

    next: dict[str, int]

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass
class History:
    events: list[tuple[TimelineEvent, int]] = field(default_factory=list)
    sessions: list[ReadingSession] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)


@dataclass(frozen=True)
class Clinic:
    """What a history draws on: the catalogue, metrics, staff and the period covered."""

    treatments: tuple[TreatmentType, ...]
    treatment_weights: np.ndarray
    metrics: tuple[Metric, ...]
    practitioners: tuple[int, ...]
    receptionists: tuple[int, ...]
    start: date
    end: date


def at(day: date, rng: np.random.Generator) -> datetime:
    """A time within opening hours on a day (UTC, so a seed gives the same clinic on every machine)."""
    minutes = int(rng.integers(9 * 60, 18 * 60))
    return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=UTC)


class HistoryBuilder:
    def __init__(self, clinic: Clinic, rng: np.random.Generator, ids: Ids) -> None:
        self.c, self.rng, self.ids = clinic, rng, ids

    def event(self, h: History, patient_id: int, kind: EventKind, when: datetime, **fields: object) -> TimelineEvent:
        details = fields.pop("details", {})
        event = TimelineEvent(
            patient_id,
            kind,
            when,
            id=self.ids.take("timeline_events"),
            details=MappingProxyType(dict(details)),  # type: ignore[call-overload]
            recorded_by=self._staff(kind),
            recorded_at=when,
            **fields,
        )  # type: ignore[arg-type]
        h.events.append((event, day_number(when.date())))
        return event

    def _staff(self, kind: EventKind) -> int:
        pool = self.c.practitioners if kind in (EventKind.TREATMENT, EventKind.CONSULTATION) else self.c.receptionists
        return pool[int(self.rng.integers(len(pool)))]

    def build(self, patient_id: int, joined: date, prospect: bool) -> History:
        h = History()
        rng = self.rng
        first = at(joined, rng)
        h.consents.append(Consent(patient_id, ConsentKind.DATA_PROCESSING, True, first, self.c.receptionists[0]))
        for kind, chance in (
            (ConsentKind.MARKETING_SMS, 0.6),
            (ConsentKind.MARKETING_EMAIL, 0.5),
            (ConsentKind.PHOTO_USE, 0.4),
        ):
            if rng.random() < chance:
                h.consents.append(Consent(patient_id, kind, True, first, self.c.receptionists[0]))
                if rng.random() < 0.06:
                    later = min(first + timedelta(days=int(rng.integers(30, 400))), at(self.c.end, rng))
                    h.consents.append(
                        Consent(patient_id, kind, False, later, self.c.receptionists[0], note="Asked to stop")
                    )
        practitioner = self.c.practitioners[int(rng.integers(len(self.c.practitioners)))]
        self.event(
            h,
            patient_id,
            EventKind.CONSULTATION,
            first,
            practitioner_id=practitioner,
            summary="First consultation",
            details={
                "outcome": "thinking" if prospect else "booked",
                "concerns": ["ageing"] if rng.random() < 0.5 else ["acne"],
            },
        )
        if rng.random() < 0.5:
            self.reading(h, patient_id, first + timedelta(minutes=20), practitioner, baseline=None)
        if not prospect:
            self.visits(h, patient_id, joined + timedelta(days=int(rng.integers(0, 15))), practitioner)
        return h

    def visits(self, h: History, patient_id: int, day: date, practitioner: int) -> None:
        rng, c = self.rng, self.c
        favourite = c.treatments[int(rng.choice(len(c.treatments), p=c.treatment_weights))]
        pace = float(rng.lognormal(0.0, 0.25))
        leave_chance = float(rng.beta(1.5, 7.0))
        baseline: dict[str, float] | None = None
        visit = 0
        while day <= c.end:
            treatment = favourite if rng.random() < 0.8 else c.treatments[int(rng.integers(len(c.treatments)))]
            when = at(day, rng)
            if rng.random() < 0.5:  # booked ahead: an appointment, sometimes missed first
                if rng.random() < 0.06:
                    missed = self.appointment(
                        h, patient_id, when - timedelta(days=7), treatment, practitioner, AppointmentStatus.NO_SHOW
                    )
                    self.event(
                        h,
                        patient_id,
                        EventKind.NO_SHOW,
                        missed.starts_at,
                        appointment_id=missed.id,
                        details={"appointment_date": missed.starts_at.date().isoformat()},
                    )
                self.appointment(h, patient_id, when, treatment, practitioner, AppointmentStatus.ATTENDED)
            self.treatment(h, patient_id, when, treatment, practitioner, first_time=visit == 0)
            if rng.random() < 0.1:
                other = c.treatments[int(rng.integers(len(c.treatments)))]
                if other.code != treatment.code:
                    self.treatment(h, patient_id, when + timedelta(minutes=30), other, practitioner, False)
            self.extras(h, patient_id, when)
            if visit == 0 or rng.random() < 0.2:
                baseline = self.reading(h, patient_id, when + timedelta(minutes=5), practitioner, baseline)
            visit += 1
            if rng.random() < (0.3 if visit == 1 else leave_chance):
                return  # this patient does not come back
            interval = treatment.follow_up_min_days or 60
            day += timedelta(days=max(7, int(interval * pace * rng.lognormal(0.05, 0.2))))
        if day <= c.end + timedelta(days=60) and rng.random() < 0.6:
            self.appointment(h, patient_id, at(day, rng), favourite, practitioner, AppointmentStatus.BOOKED)

    def treatment(
        self, h: History, pid: int, when: datetime, t: TreatmentType, practitioner: int, first_time: bool
    ) -> None:
        rng = self.rng
        price = int(round(t.default_price_minor * rng.uniform(0.9, 1.15) / 500) * 500)
        details: dict[str, object] = {"area": "face"}
        lot = ""
        if t.category.value == "injectables":
            details["units"] = int(rng.integers(20, 61)) if t.code == "botox" else 1
            details["product"] = "Botulinum toxin type A" if t.code == "botox" else "Hyaluronic acid filler"
            lot = f"{t.code[:3].upper()}-{when.year}-{int(rng.integers(1, 40)):03d}"
        if first_time:
            h.consents.append(Consent(pid, ConsentKind.TREATMENT, True, when, practitioner, procedure=t.code))
        self.event(
            h,
            pid,
            EventKind.TREATMENT,
            when,
            amount=Money(price, "GBP"),
            treatment_type_id=t.id,
            practitioner_id=practitioner,
            lot_number=lot,
            details=details,
            summary=t.name,
        )

    def extras(self, h: History, pid: int, when: datetime) -> None:
        rng = self.rng
        if rng.random() < 0.25:
            product, price = RETAIL[int(rng.integers(len(RETAIL)))]
            quantity = int(rng.integers(1, 3))
            self.event(
                h,
                pid,
                EventKind.PURCHASE,
                when + timedelta(minutes=50),
                amount=Money(price * quantity, "GBP"),
                details={"product": product, "quantity": quantity},
                summary=product,
            )
        if rng.random() < 0.03:
            item, sessions, price = PACKAGES[int(rng.integers(len(PACKAGES)))]
            self.event(
                h,
                pid,
                EventKind.PACKAGE,
                when + timedelta(minutes=55),
                amount=Money(price, "GBP"),
                details={"item": item, "sessions": sessions},
                summary=item,
            )
        if rng.random() < 0.005:
            self.event(
                h,
                pid,
                EventKind.REFUND,
                when + timedelta(days=3),
                amount=Money(-2400, "GBP"),
                details={"reason": "Unopened product returned"},
                summary="Refund",
            )
        later = when + timedelta(days=2)
        if later.date() <= self.c.end and rng.random() < 0.4:
            self.event(
                h,
                pid,
                EventKind.MESSAGE,
                later,
                summary=MESSAGE_TOPICS[int(rng.integers(3))],
                details={"direction": "out", "channel": "sms"},
            )
        if later.date() <= self.c.end and rng.random() < 0.3:
            self.survey(h, pid, later + timedelta(hours=3))
        if rng.random() < 0.08:
            self.event(
                h,
                pid,
                EventKind.CALL,
                when - timedelta(days=int(rng.integers(2, 10))),
                summary=CALL_TOPICS[int(rng.integers(len(CALL_TOPICS)))],
                details={"direction": "in"},
            )
        if rng.random() < 0.01:
            self.event(
                h,
                pid,
                EventKind.COMPLAINT,
                when + timedelta(hours=2),
                summary=COMPLAINTS[int(rng.integers(len(COMPLAINTS)))],
                details={"severity": "medium", "resolution": "Apologised; offered a free follow-up"},
            )

    def survey(self, h: History, pid: int, when: datetime) -> None:
        rng = self.rng
        detractor = rng.random() < 0.12
        nps = int(rng.integers(0, 7)) if detractor else int(rng.choice([7, 8, 9, 10], p=[0.15, 0.25, 0.3, 0.3]))
        satisfaction = max(0, min(10, nps + int(rng.integers(-1, 2))))
        csat = 1 + min(4, satisfaction // 2)
        comment = "Not happy with the result" if detractor else ("Lovely staff" if nps >= 9 else "")
        self.event(
            h,
            pid,
            EventKind.SURVEY,
            when,
            details={"nps": nps, "satisfaction": satisfaction, "csat": csat, "comment": comment},
            summary=comment,
        )

    def reading(
        self, h: History, pid: int, when: datetime, operator: int, baseline: dict[str, float] | None
    ) -> dict[str, float]:
        rng = self.rng
        values: dict[str, float] = {}
        for metric in self.c.metrics:
            low = metric.healthy_low if metric.healthy_low is not None else 0.0
            high = metric.healthy_high if metric.healthy_high is not None else metric.threshold
            if baseline is None:  # start somewhere between healthy and past the concern threshold
                value = float(rng.uniform(min(low, metric.threshold), max(high, metric.threshold) * 1.15))
            else:  # drift slowly towards the healthy range, with noise
                target = (low + high) / 2
                value = (
                    baseline[metric.code]
                    + 0.15 * (target - baseline[metric.code])
                    + float(rng.normal(0, 0.04)) * (high - low + 1)
                )
            values[metric.code] = round(max(0.0, value), 1)
        session = ReadingSession(
            pid, when, values, "Skin analyser", operator, ("forehead", "cheeks"), id=self.ids.take("reading_sessions")
        )
        h.sessions.append(session)
        self.event(
            h,
            pid,
            EventKind.SKIN_TEST,
            when,
            reading_session_id=session.id,
            practitioner_id=operator,
            summary="Skin analysis",
        )
        return values

    def appointment(
        self, h: History, pid: int, when: datetime, t: TreatmentType, practitioner: int, status: AppointmentStatus
    ) -> Appointment:
        appointment = Appointment(pid, when, status, t.id, practitioner, id=self.ids.take("appointments"))
        h.appointments.append(appointment)
        return appointment
