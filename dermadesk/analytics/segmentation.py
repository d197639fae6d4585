"""Segment maps: the R x F grid of DOMAIN §4 and the eight high/low groups of seed 001, as integer codes."""

from __future__ import annotations

import numpy as np

from dermadesk.analytics.rfm import RfmValues
from dermadesk.analytics.scores import RfmScores
from dermadesk.domain.rules import RfmRules
from dermadesk.domain.segments import Segment, SegmentMap

# Codes index SEGMENTS; NO_SEGMENT marks patients without a paid visit.
SEGMENTS: tuple[Segment, ...] = tuple(Segment)
NO_SEGMENT = -1
_S = Segment

# DOMAIN §4's table row by row: R score -> segments for F = 1, 2, 3, 4, 5.
GRID_TABLE: dict[int, tuple[Segment, ...]] = {
    5: (_S.NEW, _S.POTENTIAL_LOYALIST, _S.POTENTIAL_LOYALIST, _S.CHAMPIONS, _S.CHAMPIONS),
    4: (_S.PROMISING, _S.POTENTIAL_LOYALIST, _S.POTENTIAL_LOYALIST, _S.LOYAL, _S.LOYAL),
    3: (_S.ABOUT_TO_SLEEP, _S.ABOUT_TO_SLEEP, _S.NEED_ATTENTION, _S.LOYAL, _S.LOYAL),
    2: (_S.HIBERNATING, _S.HIBERNATING, _S.AT_RISK, _S.AT_RISK, _S.CANT_LOSE),
    1: (_S.LOST, _S.HIBERNATING, _S.AT_RISK, _S.AT_RISK, _S.CANT_LOSE),
}


def _grid_lookup() -> np.ndarray:
    """A 6 x 6 array indexed [r, f]; row and column 0 (no score) hold NO_SEGMENT."""
    grid = np.full((6, 6), NO_SEGMENT, dtype=np.int8)
    for r, row in GRID_TABLE.items():
        grid[r, 1:] = [SEGMENTS.index(s) for s in row]
    return grid


GRID_LOOKUP = _grid_lookup()

# Index = 4 * M high + 2 * R high + F high.
_EIGHT = (
    _S.GENERAL_RETAIN,
    _S.GENERAL_KEEP,
    _S.GENERAL_DEVELOP,
    _S.GENERAL_VALUE,
    _S.IMPORTANT_RETAIN,
    _S.IMPORTANT_KEEP,
    _S.IMPORTANT_DEVELOP,
    _S.IMPORTANT_VALUE,
)
EIGHT_LOOKUP = np.array([SEGMENTS.index(s) for s in _EIGHT], dtype=np.int8)


def grid_segments(r_score: np.ndarray, f_score: np.ndarray) -> np.ndarray:
    """Segment codes from R and F scores 0..5 (0 = not scored gives NO_SEGMENT)."""
    r = np.asarray(r_score, dtype=np.int64)
    f = np.asarray(f_score, dtype=np.int64)
    if r.size and (min(r.min(), f.min()) < 0 or max(r.max(), f.max()) > 5):
        raise ValueError("scores must lie in 0..5")
    return GRID_LOOKUP[r, f]


def eight_group_segments(
    recency: np.ndarray, frequency: np.ndarray, monetary: np.ndarray, active: np.ndarray
) -> np.ndarray:
    """Seed 001's groups: R, F, M each high or low against its mean over active patients.

    High means strictly better than the mean: recency days below it, frequency or spend above it, so a
    clinic where everyone has the same value puts everyone in "low".
    """
    act = np.asarray(active, dtype=bool)
    codes = np.full(act.shape, NO_SEGMENT, dtype=np.int8)
    if not act.any():
        return codes
    r, f, m = (np.asarray(v, dtype=np.float64)[act] for v in (recency, frequency, monetary))
    index = 4 * (m > m.mean()) + 2 * (r < r.mean()) + (f > f.mean())
    codes[act] = EIGHT_LOOKUP[index]
    return codes


def segment_codes(values: RfmValues, scores: RfmScores, rules: RfmRules) -> np.ndarray:
    """Segment codes with the clinic's chosen map."""
    if rules.segment_map == SegmentMap.EIGHT_GROUPS:
        return eight_group_segments(values.recency, values.frequency, values.monetary, values.active)
    return grid_segments(scores.r, scores.f)


def segment_labels(codes: np.ndarray) -> np.ndarray:
    """An object array of Segment members, None where the code is NO_SEGMENT."""
    names = np.array([*SEGMENTS, None], dtype=object)
    return names[np.asarray(codes, dtype=np.int64)]  # NO_SEGMENT = -1 picks the trailing None
