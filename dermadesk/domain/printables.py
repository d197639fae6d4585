"""What each printable document needs, as plain values: builders take these and never query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dermadesk.domain.clinic import ClinicSettings


@dataclass(frozen=True)
class ClinicLetterhead:
    name: str
    address: str = ""
    phone: str = ""
    emergency_phone: str = ""
    email: str = ""
    website: str = ""
    opening_hours: str = ""

    @classmethod
    def from_settings(cls, settings: ClinicSettings) -> ClinicLetterhead:
        return cls(
            settings.name,
            settings.address,
            settings.phone,
            settings.emergency_phone,
            settings.email,
            settings.website,
            settings.opening_hours,
        )

    @property
    def urgent_phone(self) -> str:
        """The number a worried patient should ring: the emergency line, else the clinic's own."""
        return self.emergency_phone or self.phone


# ---------------------------------------------------------------- after-care


@dataclass(frozen=True)
class AftercareAdvice:
    """One treatment's after-care template; resolved when its placeholders have been filled."""

    title: str
    intro: str = ""
    first_24h_do: tuple[str, ...] = ()
    first_24h_avoid: tuple[str, ...] = ()
    first_48h: tuple[str, ...] = ()
    first_week: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    emergency: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    follow_up: str = ""


@dataclass(frozen=True)
class AftercareTreatment:
    treatment_name: str
    advice: AftercareAdvice
    area: str = ""
    product: str = ""
    lot: str = ""
    quantity: float | None = None  # units, ml or shots as recorded on the treatment
    quantity_unit: str = "units"
    practitioner: str = ""  # only when not the visit's practitioner
    follow_up_on: date | None = None
    recommended_products: tuple[str, ...] = ()  # the clinic's own picks, printed after the template's


@dataclass(frozen=True)
class AftercarePacket:
    """Every treatment of one visit: one combined packet under one letterhead."""

    clinic: ClinicLetterhead
    patient_name: str
    visit_date: date
    practitioner: str
    treatments: tuple[AftercareTreatment, ...]
    language: str = "en"

    def __post_init__(self) -> None:
        if not self.treatments:
            raise ValueError("an after-care packet needs at least one treatment")


# ---------------------------------------------------------------- onboarding


@dataclass(frozen=True)
class ReadingRow:
    """One metric of the baseline reading, with what makes it a concern."""

    metric: str
    unit: str
    value: float
    threshold: float
    concern: bool
    concern_when: str = ">"  # "<", ">", ">=" or "<=" (ConcernWhen values)
    healthy_low: float | None = None
    healthy_high: float | None = None
    history: tuple[tuple[date, float], ...] = ()  # earlier readings, oldest first, for a trend chart


@dataclass(frozen=True)
class BaselineReading:
    taken_on: date
    rows: tuple[ReadingRow, ...]
    device: str = ""


@dataclass(frozen=True)
class PlannedFollowUp:
    on: date
    label: str


@dataclass(frozen=True)
class ConsentLine:
    label: str
    granted: bool
    recorded_on: date | None = None


@dataclass(frozen=True)
class OnboardingPacket:
    clinic: ClinicLetterhead
    patient_name: str
    issued_on: date
    practitioner: str = ""
    language: str = "en"
    welcome_text: str = ""  # the clinic's own letter; empty prints the default one
    concerns: tuple[str, ...] = ()  # concern codes (acne, melasma, ...) or free text
    regimen: tuple[str, ...] = ()
    baseline: BaselineReading | None = None
    tier_name: str = ""
    tier_benefits: str = ""
    follow_ups: tuple[PlannedFollowUp, ...] = ()
    consents: tuple[ConsentLine, ...] = ()
    privacy_notice: str = ""


# ---------------------------------------------------------------- monthly tier report


@dataclass(frozen=True)
class TierLine:
    code: str
    name: str
    patients: int
    revenue_minor: int
    visits: int


@dataclass(frozen=True)
class MovementMatrix:
    """counts[i][j] patients went from codes[i] to codes[j] this month.

    Codes are in tier rank order with "none" (no tier: joined or left) first, so above the
    diagonal is a move up and below it a move down.
    """

    codes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        if len(self.counts) != len(self.codes) or any(len(row) != len(self.codes) for row in self.counts):
            raise ValueError("the movement matrix must be square, one row and column per code")


@dataclass(frozen=True)
class AlertCounts:
    raised: int
    resolved: int
    rebooked: int


@dataclass(frozen=True)
class NpsCounts:
    promoters: int
    passives: int
    detractors: int

    @property
    def responses(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> float | None:
        """% promoters minus % detractors, -100..100; None without answers."""
        if not self.responses:
            return None
        return 100 * (self.promoters - self.detractors) / self.responses


@dataclass(frozen=True)
class Mover:
    name: str
    from_tier: str  # tier code or "none"
    to_tier: str
    change_minor: int  # change of 12-month spend since the previous review


@dataclass(frozen=True)
class MonthlyTierReport:
    """The stored review of one month, as the owner's report prints it."""

    month: str  # "YYYY-MM"
    clinic: ClinicLetterhead
    currency: str
    tiers: tuple[TierLine, ...]
    movement: MovementMatrix
    segments: tuple[tuple[str, int], ...]  # segment code -> patients
    funnel: tuple[tuple[str, int], ...]  # lifecycle stage code -> patients, in stage order
    retention_rate: float  # 0..1
    churn_rate: float  # 0..1
    alerts: AlertCounts
    nps: NpsCounts
    movers_up: tuple[Mover, ...] = ()
    movers_down: tuple[Mover, ...] = ()
    revenue_at_risk_minor: int = 0
    at_risk_patients: int = 0
    language: str = "en"
    notes: tuple[str, ...] = field(default=())
