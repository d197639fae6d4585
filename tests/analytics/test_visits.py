"""Distinct visit days and per-patient gap statistics."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.visits import distinct_patient_days, gap_stats, group_starts


def test_distinct_days_sorts_and_drops_duplicates():
    p, d = distinct_patient_days(np.array([2, 0, 2, 0, 0]), np.array([7, 9, 7, 3, 9]))
    assert p.tolist() == [0, 0, 2] and d.tolist() == [3, 9, 7]


def test_distinct_days_accepts_already_grouped_rows_unchanged():
    p, d = distinct_patient_days(np.array([0, 0, 1]), np.array([1, 5, 2]))
    assert p.tolist() == [0, 0, 1] and d.tolist() == [1, 5, 2]


def test_group_starts():
    assert group_starts(np.array([0, 0, 3, 3, 3, 4])).tolist() == [0, 2, 5]
    assert group_starts(np.array([], dtype=np.int64)).tolist() == []


# patient 0: gaps 10, 20, 30; patient 1: gaps 10, 10, 30 (visit days given out of order, one twice);
# patient 2: gaps 10, 30, 10, 50 (even count); patient 3: one visit; patient 4: two visits; patient 5: none
ROWS = [
    (0, 0),
    (0, 10),
    (0, 30),
    (0, 60),
    (1, 50),
    (1, 20),
    (1, 0),
    (1, 10),
    (1, 10),
    (2, 0),
    (2, 10),
    (2, 40),
    (2, 50),
    (2, 100),
    (3, 5),
    (4, 1),
    (4, 8),
]


@pytest.fixture(scope="module")
def stats():
    p, d = (np.array(c) for c in zip(*ROWS, strict=True))
    return gap_stats(p, d, 6)


def test_gap_counts(stats):
    assert stats.count.tolist() == [3, 3, 4, 0, 1, 0]


def test_median_gap_odd_and_even_counts(stats):
    assert stats.median[:3].tolist() == [20.0, 10.0, 20.0]
    assert stats.median[4] == 7.0 and np.isnan(stats.median[[3, 5]]).all()


def test_mean_and_coefficient_of_variation(stats):
    assert stats.mean[0] == pytest.approx(20.0)
    assert stats.cv[0] == pytest.approx(np.std([10, 20, 30]) / 20.0)
    assert stats.cv[2] == pytest.approx(np.std([10, 30, 10, 50]) / 25.0)
    # one gap says nothing about regularity: no cv
    assert np.isnan(stats.cv[4]) and np.isnan(stats.cv[3])
