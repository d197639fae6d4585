"""RFM² (seed 001): category breadth, non-visit engagement, regular repeat intervals and referrals, 0..100."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Rfm2Scale:
    """Where each component saturates at 1; the seed gives the first and last, the middle one is ours."""

    full_categories: int = 3  # seed 001: ">= 3 categories" is full breadth
    full_engagements: int = 12  # about one call, message or survey a month counts as fully engaged
    full_referrals: int = 5  # seed 001's super customer refers 5 people a year


def rfm2_components(
    categories: np.ndarray,
    engagements: np.ndarray,
    gap_cv: np.ndarray,
    referrals: np.ndarray,
    scale: Rfm2Scale | None = None,
) -> np.ndarray:
    """A (4, n) array of components in 0..1: breadth, engagement, regularity, referrals.

    Regularity = 1 - coefficient of variation of the repeat gaps, floored at 0; NaN cv (fewer than two
    gaps, see visits.gap_stats) scores 0 because there is no rhythm to judge yet.
    """
    scale = scale or Rfm2Scale()

    def saturate(count: np.ndarray, full: int) -> np.ndarray:
        return np.clip(np.asarray(count, dtype=np.float64) / full, 0.0, 1.0)

    cv = np.asarray(gap_cv, dtype=np.float64)
    regularity = np.where(np.isfinite(cv), np.clip(1.0 - cv, 0.0, 1.0), 0.0)
    return np.stack(
        [
            saturate(categories, scale.full_categories),
            saturate(engagements, scale.full_engagements),
            regularity,
            saturate(referrals, scale.full_referrals),
        ]
    )


def rfm2_score(
    categories: np.ndarray,
    engagements: np.ndarray,
    gap_cv: np.ndarray,
    referrals: np.ndarray,
    weights: tuple[float, float, float, float] = (0.3, 0.3, 0.3, 0.1),
    scale: Rfm2Scale | None = None,
) -> np.ndarray:
    """Weighted sum of the components scaled to 0..100 (weights are normalised, RfmRules.rfm2_weights)."""
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != (4,) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError("rfm2 weights must be four non-negative numbers with a positive sum")
    components = rfm2_components(categories, engagements, gap_cv, referrals, scale)
    return 100.0 * (w / w.sum()) @ components
