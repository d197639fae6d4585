"""Which alerts reach the inbox: value at stake, segment and tier boosts, hygiene masks, the daily cap."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.alert_ranking import RankingWeights, rank_scores, recall_eligible, select_daily
from dermadesk.analytics.segmentation import NO_SEGMENT, SEGMENTS
from dermadesk.domain.segments import Segment

CODE = {s: SEGMENTS.index(s) for s in SEGMENTS}


def test_cant_lose_outranks_at_risk_outranks_others_at_equal_value():
    segments = np.array([CODE[Segment.CHAMPIONS], CODE[Segment.AT_RISK], CODE[Segment.CANT_LOSE], NO_SEGMENT])
    score = rank_scores(np.full(4, 10_000), np.zeros(4, int), segments)
    assert score.tolist() == [10_000, 20_000, 40_000, 10_000]


def test_tier_lifts_value_and_no_tier_counts_as_entry():
    score = rank_scores(np.full(3, 10_000), np.array([-1, 0, 4]), np.full(3, NO_SEGMENT))
    assert score.tolist() == [10_000, 10_000, 20_000]


def test_historical_value_floors_a_lapsing_forecast():
    score = rank_scores(
        np.array([1_000, -50]), np.zeros(2, int), np.full(2, NO_SEGMENT), historical_12m=np.array([90_000, 0])
    )
    assert score.tolist() == [90_000, 0]


def test_weights_are_configurable():
    score = rank_scores(
        np.array([100]),
        np.array([2]),
        np.array([CODE[Segment.CANT_LOSE]]),
        weights=RankingWeights(tier_step=0.5, cant_lose_boost=10.0),
    )
    assert score[0] == pytest.approx(100 * 2.0 * 10.0)


def test_ranking_order_and_daily_cap():
    score = np.array([5.0, 9.0, 9.0, 1.0, 7.0, 100.0])
    candidates = np.array([True, True, True, True, True, False])  # the top score has no alert
    assert select_daily(candidates, score, cap=3).tolist() == [1, 2, 4]  # the tie goes to the lower index
    assert select_daily(candidates, score, cap=40).tolist() == [1, 2, 4, 0, 3]
    assert select_daily(candidates, score, cap=3, already_today=2).tolist() == [1]
    assert select_daily(candidates, score, cap=3, already_today=5).tolist() == []


def test_recall_hygiene():
    future = np.array([True, False, False, False])
    last_contact = np.array([-1, 100 - 13, 100 - 14, -1])
    assert recall_eligible(future, last_contact, 100, cool_down_days=14).tolist() == [False, False, True, True]
