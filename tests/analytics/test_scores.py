"""Scores 1-5: the strictly-worse formula, ties, a one-visit majority, inactive patients, fixed bands."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.rfm import rfm_values
from dermadesk.analytics.scores import NO_SCORE, rfm_scores, score_fixed_bands, score_strictly_worse
from dermadesk.domain.rules import RfmRules, Scoring
from tests.analytics.histories import AS_OF, events

ALL = np.ones(5, dtype=bool)


def test_formula_on_distinct_values():
    # W = 0, 1, 1, 3, 4 patients strictly worse, N = 5: 1 + floor(5 W / 5)
    scores = score_strictly_worse(np.array([10, 20, 20, 30, 40]), "higher", ALL)
    assert scores.tolist() == [1, 2, 2, 4, 5]


def test_lower_is_better_counts_larger_values_as_worse():
    # recency 0 has 3 of 4 worse: 1 + floor(15 / 4) = 4; the formula never gives 5 to a lone best of 4
    scores = score_strictly_worse(np.array([0, 10, 10, 400]), "lower", np.ones(4, bool))
    assert scores.tolist() == [4, 2, 2, 1]


def test_equal_values_share_one_score():
    assert score_strictly_worse(np.full(7, 3), "higher", np.ones(7, bool)).tolist() == [1] * 7


def test_one_visit_majority_gives_uneven_bands():
    frequency = np.array([1] * 8 + [2, 5])
    scores = score_strictly_worse(frequency, "higher", np.ones(10, bool))
    # the eight one-visit patients all get 1; the two repeaters jump to 5 (W = 8 and 9 of 10)
    assert scores.tolist() == [1] * 8 + [5, 5]


def test_inactive_patients_get_no_score_and_do_not_count_in_n():
    values = np.array([5, 1, 2, 3, 0, 0])
    active = np.array([True, True, True, True, False, False])
    scores = score_strictly_worse(values, "higher", active)
    # N = 4: W = 3, 0, 1, 2 -> 1 + floor(5W/4) = 4, 1, 2, 3
    assert scores.tolist() == [4, 1, 2, 3, NO_SCORE, NO_SCORE]


def test_float_and_wide_range_values_take_the_sorting_path_with_the_same_answer():
    wide = np.array([10**12, 5, 5, -(10**12), 7])
    expected = [5, 2, 2, 1, 4]
    assert score_strictly_worse(wide, "higher", ALL).tolist() == expected
    assert score_strictly_worse(wide.astype(float), "higher", ALL).tolist() == expected


def test_no_active_patient_scores_nobody():
    assert score_strictly_worse(np.array([1, 2]), "higher", np.zeros(2, bool)).tolist() == [0, 0]


def test_unknown_direction_is_refused():
    with pytest.raises(ValueError, match="better"):
        score_strictly_worse(np.array([1]), "sideways", np.ones(1, bool))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "score"), [(0, 5), (90, 5), (91, 4), (180, 4), (181, 3), (270, 3), (271, 2), (365, 2), (366, 1), (4000, 1)]
)
def test_recency_bands(days, score):
    bands = RfmRules().recency_bands
    assert score_fixed_bands(np.array([days]), bands, "lower", np.ones(1, bool))[0] == score


@pytest.mark.parametrize(("visits", "score"), [(0, 1), (1, 1), (2, 2), (3, 3), (4, 4), (5, 4), (6, 5), (40, 5)])
def test_frequency_bands(visits, score):
    bands = RfmRules().frequency_bands
    assert score_fixed_bands(np.array([visits]), bands, "higher", np.ones(1, bool))[0] == score


@pytest.mark.parametrize(
    ("spend", "score"),
    [(-500, 1), (19_999, 1), (20_000, 2), (59_999, 2), (60_000, 3), (150_000, 4), (299_999, 4), (300_000, 5)],
)
def test_monetary_bands(spend, score):
    bands = RfmRules().monetary_bands
    assert score_fixed_bands(np.array([spend]), bands, "higher", np.ones(1, bool))[0] == score


def test_bands_leave_inactive_unscored_and_refuse_bad_edges():
    assert score_fixed_bands(np.array([1, 1]), (2, 3), "higher", np.array([True, False])).tolist() == [1, 0]
    with pytest.raises(ValueError):
        score_fixed_bands(np.array([1]), (3, 2), "higher", np.ones(1, bool))
    with pytest.raises(ValueError):
        score_fixed_bands(np.array([1]), (1, 2, 3, 4, 5), "higher", np.ones(1, bool))


def test_rfm_scores_follow_the_rules_choice():
    # patient 0: 10 days ago, 4 visit days, 400.00; patient 1: 200 days ago, one visit, 100.00; 2: nothing
    values = rfm_values(
        *events((0, 10, 10_000), (0, 40, 10_000), (0, 70, 10_000), (0, 100, 10_000), (1, 200, 10_000)),
        n_patients=3,
        as_of_day=AS_OF,
    )
    quintiles = rfm_scores(values, RfmRules())
    assert (quintiles.r.tolist(), quintiles.f.tolist(), quintiles.m.tolist()) == ([3, 1, 0], [3, 1, 0], [3, 1, 0])
    bands = rfm_scores(values, RfmRules(scoring=Scoring.FIXED_BANDS))
    assert (bands.r.tolist(), bands.f.tolist(), bands.m.tolist()) == ([5, 3, 0], [4, 1, 0], [2, 1, 0])
