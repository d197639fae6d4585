"""RFM scores 1-5: the strictly-worse quintile formula of DOMAIN §4, or the fixed bands of seed 001."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from dermadesk.analytics.rfm import RfmValues
from dermadesk.domain.rules import RfmRules, Scoring

Better = Literal["higher", "lower"]
NO_SCORE = 0  # patients without a paid visit are not scored


@dataclass(frozen=True)
class RfmScores:
    """Scores 1..5 per patient (5 = best; for R the most recent), NO_SCORE when not active; int8 arrays."""

    r: np.ndarray
    f: np.ndarray
    m: np.ndarray


def score_strictly_worse(values: np.ndarray, better: Better, active_mask: np.ndarray) -> np.ndarray:
    """score = min(5, 1 + floor(5 W / N)), N active patients, W of them with a strictly worse value.

    Equal values get equal scores and row order cannot matter: W comes from a binary search in the
    sorted active values. For R pass better="lower" (more days is worse).
    """
    v = np.asarray(values)
    active = np.asarray(active_mask, dtype=bool)
    scores = np.full(v.shape, NO_SCORE, dtype=np.int8)
    if better not in ("higher", "lower"):
        raise ValueError(f"better must be 'higher' or 'lower', not {better!r}")
    mine = v[active]
    n = mine.size
    if n == 0:
        return scores
    # "strictly worse" for lower-is-better is "strictly below" after negation
    worse = _count_strictly_below(mine if better == "higher" else -mine)
    scores[active] = np.minimum(5, 1 + (5 * worse) // n)
    return scores


def _count_strictly_below(v: np.ndarray) -> np.ndarray:
    """For each element, how many elements of v are strictly smaller (int64).

    Integers in a compact range (days, visit counts, most spend) are counted with a histogram in O(n);
    anything else goes through a sort and a binary search.
    """
    if v.dtype.kind in "iu" and v.size:
        low = int(v.min())
        if int(v.max()) - low <= 4 * v.size + 1024:
            counts = np.bincount((v - low).astype(np.int64))
            return (np.cumsum(counts) - counts)[v - low]
    return np.searchsorted(np.sort(v), v, side="left").astype(np.int64)


def score_fixed_bands(
    values: np.ndarray, edges: tuple[int, ...], better: Better, active_mask: np.ndarray
) -> np.ndarray:
    """Scores 1..len(edges)+1 from ascending band edges, NO_SCORE when not active.

    better="higher" (F, M): edges are lower bounds of scores 2.. ; value >= edges[i] earns at least i+2.
    better="lower" (R): edges are upper bounds of scores 5, 4, ... ; value <= edges[0] earns the top score,
    value > edges[-1] earns 1. With the defaults: R <= 90 days 5, <= 180 4, <= 270 3, <= 365 2, older 1;
    F >= 6 5, >= 4 4 (seed 001's "fan"), >= 3 3, >= 2 2 ("repeat"), else 1.
    """
    v = np.asarray(values)
    e = np.asarray(edges)
    if e.size > 4 or (e.size and np.any(np.diff(e) <= 0)):
        raise ValueError("band edges must be at most 4 (scores stop at 5) and strictly ascending")
    if better == "higher":
        raw = 1 + np.searchsorted(e, v, side="right")
    elif better == "lower":
        raw = e.size + 1 - np.searchsorted(e, v, side="left")
    else:
        raise ValueError(f"better must be 'higher' or 'lower', not {better!r}")
    return np.where(np.asarray(active_mask, dtype=bool), raw, NO_SCORE).astype(np.int8)


def rfm_scores(values: RfmValues, rules: RfmRules) -> RfmScores:
    """R, F and M scores with the clinic's scoring choice."""
    active = values.active
    if rules.scoring == Scoring.FIXED_BANDS:
        return RfmScores(
            r=score_fixed_bands(values.recency, rules.recency_bands, "lower", active),
            f=score_fixed_bands(values.frequency, rules.frequency_bands, "higher", active),
            m=score_fixed_bands(values.monetary, rules.monetary_bands, "higher", active),
        )
    return RfmScores(
        r=score_strictly_worse(values.recency, "lower", active),
        f=score_strictly_worse(values.frequency, "higher", active),
        m=score_strictly_worse(values.monetary, "higher", active),
    )
