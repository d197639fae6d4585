"""Membership tiers, the monthly tier review and tier history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True)
class TierDefinition:
    """A tier is reached with 12-month spend >= spend floor AND paid visits >= visit floor."""

    code: str
    name: str
    rank: int  # 0 is the entry tier
    spend_floor_minor: int
    visit_floor: int
    benefits: str = ""
    id: int | None = None


DEFAULT_TIERS: tuple[TierDefinition, ...] = (
    TierDefinition("bronze", "Bronze", 0, 0, 0, "Member prices on retail skincare; birthday skin check."),
    TierDefinition("silver", "Silver", 1, 50_000, 2, "5% off treatments; priority booking at quiet hours."),
    TierDefinition(
        "gold", "Gold", 2, 150_000, 4, "8% off treatments; a free skin analysis each quarter; priority booking."
    ),
    TierDefinition(
        "platinum",
        "Platinum",
        3,
        300_000,
        6,
        "10% off treatments; an annual personal treatment plan; evening appointments.",
    ),
    TierDefinition(
        "diamond",
        "Diamond",
        4,
        600_000,
        10,
        "12% off treatments; a named practitioner; first choice of new treatments.",
    ),
)


class TierChangeReason(StrEnum):
    INITIAL = "initial"
    PROMOTION = "promotion"
    DEMOTION = "demotion"
    OVERRIDE = "override"
    OVERRIDE_ENDED = "override_ended"
    MERGED = "merged"


@dataclass(frozen=True)
class TierChange:
    patient_id: int
    from_tier: str | None
    to_tier: str | None
    reason: TierChangeReason
    changed_at: datetime
    review_id: int | None = None
    changed_by: int | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class TierOverride:
    patient_id: int
    tier_code: str
    reason: str
    ends_on: date
    created_by: int | None = None
    created_at: datetime | None = None
    cancelled_at: datetime | None = None
    id: int | None = None

    def in_force(self, day: date) -> bool:
        return self.cancelled_at is None and day <= self.ends_on


@dataclass(frozen=True)
class TierReview:
    """A stored monthly review run: its date, the rules it used, its model fit."""

    month: str  # "YYYY-MM"
    as_of: date
    rules: dict[str, object]
    model: dict[str, float]
    created_at: datetime
    created_by: int | None = None
    patient_count: int = 0
    id: int | None = None


@dataclass(frozen=True)
class TierReviewResult:
    """One patient's figures in one review."""

    patient_id: int
    recency_days: int | None
    frequency: int
    monetary_minor: int
    r: int | None
    f: int | None
    m: int | None
    segment: str | None
    stage: str
    ladder: str
    tier: str | None
    qualified_tier: str | None  # what the floors alone would give, before grace and overrides
    below_floor_reviews: int
    clv_12m_minor: int  # historical: spend in the last 12 months
    clv_lifetime_minor: int
    clv_predicted_minor: int
    p_alive: float | None
    expected_visits_90: float | None
    expected_visits_365: float | None
    rfm2: float
    review_id: int | None = None


NO_TIER_CODE = "none"  # how figures name "no tier" (never paid, or joined/left between reviews)


@dataclass(frozen=True)
class ReviewFigures:
    """A stored review's figures, grouped where the data is: the dashboard and the monthly report show
    these, so the two can never disagree."""

    review: TierReview
    previous: TierReview | None
    per_tier: dict[str, int]
    revenue_12m: dict[str, int]  # minor units: 12-month spend of each tier's members at the review
    visits_12m: dict[str, int]
    per_segment: dict[str, int]
    per_stage: dict[str, int]
    moves: dict[tuple[str, str], int]  # (tier at the previous review, tier now) -> patients, all pairs
    at_risk_value: int  # predicted 12-month value of patients going quiet or in an at-risk segment
    at_risk_patients: int
    retained: int  # active at the previous review and still active
    were_active: int
