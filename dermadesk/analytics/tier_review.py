"""The monthly membership-tier review on arrays: floors, promotion at once, demotion after grace, overrides."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from dermadesk.domain.rules import TierRules
from dermadesk.domain.tiers import TierChangeReason, TierDefinition

NO_TIER = -1  # tier index of a patient with no tier (never paid, or below every floor)


class ReviewReason(IntEnum):
    """Why a review changed a patient's tier; the codes in TierReviewOutcome.reason."""

    NONE = 0
    INITIAL = 1
    PROMOTION = 2
    DEMOTION = 3
    OVERRIDE = 4


# ReviewReason code -> the domain's TierChangeReason to store in tier history (None: no change).
REASON_CHANGES: tuple[TierChangeReason | None, ...] = (
    None,
    TierChangeReason.INITIAL,
    TierChangeReason.PROMOTION,
    TierChangeReason.DEMOTION,
    TierChangeReason.OVERRIDE,
)


@dataclass(frozen=True)
class TierReviewOutcome:
    """Per patient: tier index after the review, consecutive below-floor reviews, ReviewReason code."""

    tier: np.ndarray
    below_floor: np.ndarray
    reason: np.ndarray


def ordered_tiers(rules: TierRules) -> tuple[TierDefinition, ...]:
    """The clinic's tiers by rank: a tier index everywhere in analytics is a position in this tuple."""
    return tuple(sorted(rules.tiers, key=lambda t: t.rank))


def qualified_tiers(
    spend_12m: np.ndarray, visits_12m: np.ndarray, active: np.ndarray, tiers: tuple[TierDefinition, ...]
) -> np.ndarray:
    """Highest tier index whose spend floor AND visit floor are both met; NO_TIER if none or never paid.

    Each tier is tested on its own, so a clinic whose floors are not monotone still gets the best tier met.
    """
    spend = np.asarray(spend_12m)
    visits = np.asarray(visits_12m)
    qualified = np.full(spend.shape, NO_TIER, dtype=np.int8)
    for index, tier in enumerate(tiers):  # a handful of tiers; each test is a whole-array expression
        reached = (spend >= tier.spend_floor_minor) & (visits >= tier.visit_floor)
        qualified[reached] = index
    qualified[~np.asarray(active, dtype=bool)] = NO_TIER
    return qualified


def review_tiers(
    qualified: np.ndarray,
    previous_tier: np.ndarray,
    previous_below_floor: np.ndarray,
    grace_reviews: int = 2,
    override_tier: np.ndarray | None = None,
) -> TierReviewOutcome:
    """One review. previous_tier NO_TIER = no tier so far; override_tier NO_TIER = no override in force.

    Qualified >= previous: take it at once, counter back to 0. Qualified < previous: counter + 1; when it
    reaches grace_reviews the patient drops to the qualified tier and the counter restarts at 0, otherwise
    the previous tier is kept. An override in force wins and holds the counter at 0, so grace counts from
    the first review after it ends.
    """
    q = np.asarray(qualified, dtype=np.int64)
    prev = np.asarray(previous_tier, dtype=np.int64)
    falling = (prev != NO_TIER) & (q < prev)
    counter = np.where(falling, np.asarray(previous_below_floor, dtype=np.int64) + 1, 0)
    demote = falling & (counter >= grace_reviews)
    tier = np.where(falling & ~demote, prev, q)
    counter[demote] = 0
    reason = np.select(
        [(prev == NO_TIER) & (q != NO_TIER), demote, (prev != NO_TIER) & (q > prev)],
        [ReviewReason.INITIAL, ReviewReason.DEMOTION, ReviewReason.PROMOTION],
        ReviewReason.NONE,
    )
    if override_tier is not None:
        o = np.asarray(override_tier, dtype=np.int64)
        forced = o != NO_TIER
        tier = np.where(forced, o, tier)
        counter[forced] = 0
        reason = np.where(forced, np.where(o != prev, ReviewReason.OVERRIDE, ReviewReason.NONE), reason)
    return TierReviewOutcome(tier=tier.astype(np.int8), below_floor=counter, reason=reason.astype(np.int8))


def clv_changed(previous_clv: np.ndarray, current_clv: np.ndarray, threshold: float = 0.20) -> np.ndarray:
    """True where predicted CLV moved by >= threshold (either way) against the previous review's figure.

    No previous figure (NaN) or a previous figure <= 0 gives no relative change, so no flag: otherwise
    every patient's first review would flag. A tiny tolerance keeps exactly 20 % on the flagged side.
    """
    prev = np.asarray(previous_clv, dtype=np.float64)
    cur = np.asarray(current_clv, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return (prev > 0) & (np.abs(cur - prev) >= threshold * prev * (1 - 1e-12))
