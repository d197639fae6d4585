"""RFM² components and the weighted 0..100 score."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.rfm2 import Rfm2Scale, rfm2_components, rfm2_score


def test_components_saturate_and_regularity_needs_a_rhythm():
    breadth, engagement, regularity, referrals = rfm2_components(
        categories=np.array([0, 1, 3, 5]),
        engagements=np.array([0, 6, 12, 30]),
        gap_cv=np.array([np.nan, 0.25, 0.0, 2.0]),
        referrals=np.array([0, 1, 5, 10]),
    )
    assert breadth.tolist() == pytest.approx([0, 1 / 3, 1, 1])
    assert engagement.tolist() == pytest.approx([0, 0.5, 1, 1])
    assert regularity.tolist() == pytest.approx([0, 0.75, 1, 0])
    assert referrals.tolist() == pytest.approx([0, 0.2, 1, 1])


def test_score_weights_30_30_30_10():
    score = rfm2_score(
        categories=np.array([3, 0, 0, 0, 3, 0]),
        engagements=np.array([0, 12, 0, 0, 12, 0]),
        gap_cv=np.array([np.nan, np.nan, 0.0, np.nan, 0.0, np.nan]),
        referrals=np.array([0, 0, 0, 5, 5, 0]),
    )
    assert score.tolist() == pytest.approx([30, 30, 30, 10, 100, 0])


def test_weights_are_normalised_and_checked():
    args = (np.array([3]), np.array([0]), np.array([np.nan]), np.array([0]))
    assert rfm2_score(*args, weights=(0.6, 0.6, 0.6, 0.2))[0] == pytest.approx(30)
    with pytest.raises(ValueError):
        rfm2_score(*args, weights=(1.0, -1.0, 0.5, 0.5))


def test_scale_is_configurable():
    score = rfm2_score(
        np.array([2]), np.array([0]), np.array([np.nan]), np.array([0]), scale=Rfm2Scale(full_categories=2)
    )
    assert score[0] == pytest.approx(30)
