"""Segment maps: every cell of DOMAIN §4's R x F grid, and seed 001's eight groups on known cases."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.rfm import rfm_values
from dermadesk.analytics.scores import rfm_scores
from dermadesk.analytics.segmentation import (
    NO_SEGMENT,
    SEGMENTS,
    eight_group_segments,
    grid_segments,
    segment_codes,
    segment_labels,
)
from dermadesk.domain.rules import RfmRules
from dermadesk.domain.segments import GRID_SEGMENTS, Segment, SegmentMap
from tests.analytics.histories import AS_OF, events

# DOMAIN.md §4's table, copied as text so a typo in the code's table cannot hide behind itself.
DOMAIN_TABLE = """
5 | New | Potential loyalist | Potential loyalist | Champions | Champions
4 | Promising | Potential loyalist | Potential loyalist | Loyal | Loyal
3 | About to sleep | About to sleep | Need attention | Loyal | Loyal
2 | Hibernating | Hibernating | At risk | At risk | Can't lose them
1 | Lost | Hibernating | At risk | At risk | Can't lose them
"""
NAMES = {
    "New": Segment.NEW,
    "Potential loyalist": Segment.POTENTIAL_LOYALIST,
    "Champions": Segment.CHAMPIONS,
    "Promising": Segment.PROMISING,
    "Loyal": Segment.LOYAL,
    "About to sleep": Segment.ABOUT_TO_SLEEP,
    "Need attention": Segment.NEED_ATTENTION,
    "Hibernating": Segment.HIBERNATING,
    "At risk": Segment.AT_RISK,
    "Can't lose them": Segment.CANT_LOSE,
    "Lost": Segment.LOST,
}


def _cells() -> list[tuple[int, int, Segment]]:
    cells = []
    for line in DOMAIN_TABLE.strip().splitlines():
        r, *row = (part.strip() for part in line.split("|"))
        cells += [(int(r), f, NAMES[name]) for f, name in enumerate(row, start=1)]
    return cells


@pytest.mark.parametrize(("r", "f", "segment"), _cells())
def test_each_grid_cell_maps_as_domain_table(r, f, segment):
    code = grid_segments(np.array([r]), np.array([f]))[0]
    assert SEGMENTS[code] == segment


def test_grid_covers_25_cells_and_reaches_all_eleven_segments():
    r, f = np.meshgrid(np.arange(1, 6), np.arange(1, 6))
    codes = grid_segments(r.ravel(), f.ravel())
    assert codes.size == 25 and (codes != NO_SEGMENT).all()
    assert {SEGMENTS[c] for c in codes} == set(GRID_SEGMENTS)


def test_unscored_patients_get_no_segment_and_bad_scores_are_refused():
    assert grid_segments(np.array([0, 3]), np.array([0, 3])).tolist()[0] == NO_SEGMENT
    with pytest.raises(ValueError):
        grid_segments(np.array([6]), np.array([1]))


# Eight active patients, one per group, plus one inactive with a refund that would drag the means if counted.
RECENCY = np.array([10, 10, 10, 10, 300, 300, 300, 300, -1])  # mean 155: the first four are recent
FREQUENCY = np.array([5, 5, 1, 1, 5, 5, 1, 1, 0])  # mean 3
MONETARY = np.array([900, 100, 900, 100, 900, 100, 900, 100, -100_000])  # mean 500; with the refund, < 0
ACTIVE = np.array([True] * 8 + [False])
EXPECTED = [
    Segment.IMPORTANT_VALUE,
    Segment.GENERAL_VALUE,
    Segment.IMPORTANT_DEVELOP,
    Segment.GENERAL_DEVELOP,
    Segment.IMPORTANT_KEEP,
    Segment.GENERAL_KEEP,
    Segment.IMPORTANT_RETAIN,
    Segment.GENERAL_RETAIN,
    None,
]


def test_eight_groups_on_known_cases():
    codes = eight_group_segments(RECENCY, FREQUENCY, MONETARY, ACTIVE)
    assert segment_labels(codes).tolist() == EXPECTED


def test_eight_groups_value_at_the_mean_is_low():
    codes = eight_group_segments(np.full(3, 30), np.full(3, 2), np.full(3, 500), np.ones(3, bool))
    assert set(segment_labels(codes)) == {Segment.GENERAL_RETAIN}


def test_eight_groups_with_nobody_active():
    assert eight_group_segments(RECENCY, FREQUENCY, MONETARY, np.zeros(9, bool)).tolist() == [NO_SEGMENT] * 9


def test_segment_codes_follow_the_rules_choice():
    values = rfm_values(*events((0, 5, 90_000), (0, 50, 90_000), (1, 400, 1_000)), n_patients=3, as_of_day=AS_OF)
    scores = rfm_scores(values, RfmRules())
    grid = segment_labels(segment_codes(values, scores, RfmRules()))
    eight = segment_labels(segment_codes(values, scores, RfmRules(segment_map=SegmentMap.EIGHT_GROUPS)))
    # N = 2: the better patient scores 1 + floor(5/2) = 3 on R and F, the other 1 and 1
    assert grid.tolist() == [Segment.NEED_ATTENTION, Segment.LOST, None]
    assert eight.tolist() == [Segment.IMPORTANT_VALUE, Segment.GENERAL_RETAIN, None]
