"""Which alerts reach the inbox: recall hygiene masks, rank by value at stake, and the daily cap."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dermadesk.analytics.segmentation import SEGMENTS
from dermadesk.domain.segments import AT_RISK_SEGMENTS, Segment


@dataclass(frozen=True)
class RankingWeights:
    """How tier and segment lift the value at stake; DOMAIN wants "Can't lose them" first, so it lifts most."""

    tier_step: float = 0.25  # each tier above the entry tier adds a quarter of the value
    at_risk_boost: float = 2.0  # the other at-risk segments (segments.AT_RISK_SEGMENTS)
    cant_lose_boost: float = 4.0


def rank_scores(
    predicted_clv: np.ndarray,
    tier_index: np.ndarray,
    segment_codes: np.ndarray,
    historical_12m: np.ndarray | None = None,
    weights: RankingWeights | None = None,
) -> np.ndarray:
    """Rank score = value x (1 + tier_step x tier index) x segment boost; higher comes first.

    value = predicted 12-month CLV in minor units, floored at 0; with historical_12m given, the larger of
    the two, since a lapsing patient's forecast falls exactly when the call matters most.
    Tier index NO_TIER (-1) counts as the entry tier; segment code -1 (none) gets no boost.
    """
    w = weights or RankingWeights()
    value = np.clip(np.asarray(predicted_clv, dtype=np.float64), 0.0, None)
    if historical_12m is not None:
        value = np.maximum(value, np.asarray(historical_12m, dtype=np.float64))
    boost_by_code = np.ones(len(SEGMENTS) + 1)  # the extra last slot is code -1
    for code, segment in enumerate(SEGMENTS):
        if segment == Segment.CANT_LOSE:
            boost_by_code[code] = w.cant_lose_boost
        elif segment in AT_RISK_SEGMENTS:
            boost_by_code[code] = w.at_risk_boost
    tiers = np.clip(np.asarray(tier_index, dtype=np.float64), 0.0, None)
    return value * (1.0 + w.tier_step * tiers) * boost_by_code[np.asarray(segment_codes, dtype=np.int64)]


def recall_eligible(
    has_future_booking: np.ndarray, last_contact_day: np.ndarray, as_of_day: int, cool_down_days: int = 14
) -> np.ndarray:
    """Patients a recall alert may be suggested for today.

    Skipped: a future booking; a contact attempt fewer than cool_down_days ago (contacted on day c, the
    patient is back on day c + cool_down_days). last_contact_day < 0 means never contacted.
    """
    last = np.asarray(last_contact_day, dtype=np.int64)
    cooled = (last < 0) | (as_of_day - last >= cool_down_days)
    return ~np.asarray(has_future_booking, dtype=bool) & cooled


def select_daily(candidates: np.ndarray, score: np.ndarray, cap: int, already_today: int = 0) -> np.ndarray:
    """Indices of the candidates to raise today, best first: at most cap - already_today of them.

    Ties in score go to the lower patient index, so the same data always gives the same inbox.
    """
    room = max(cap - already_today, 0)
    idx = np.flatnonzero(np.asarray(candidates, dtype=bool))
    order = np.lexsort((idx, -np.asarray(score, dtype=np.float64)[idx]))
    return idx[order[:room]]
