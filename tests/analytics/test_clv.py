"""CLV: model inputs from visit days, predictions with and without fitted models, the seed formula."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from dermadesk.analytics.bgnbd import BgNbdFit, expected_visits
from dermadesk.analytics.clv import (
    DAYS,
    bgnbd_inputs,
    expected_spend_per_visit,
    expected_visits_next,
    predicted_clv,
    predicted_clv_12m,
    seed_formula_clv,
    spend_inputs,
)
from dermadesk.analytics.gamma_gamma import GammaGammaFit, expected_spend
from dermadesk.analytics.rfm import rfm_values
from tests.analytics.histories import AS_OF, events


def test_bgnbd_inputs_for_cdnow_customer_one():
    first, last, end = (date(1997, 1, 1).toordinal(), date(1997, 8, 2).toordinal(), date(1997, 9, 30).toordinal())
    x, t_x, age = bgnbd_inputs(np.array([first, -1]), np.array([last, -1]), np.array([2, -1]), end)
    assert x[0] == 2 and t_x[0] == pytest.approx(30.43, abs=0.005) and age[0] == pytest.approx(38.86, abs=0.005)
    assert np.isnan([x[1], t_x[1], age[1]]).all()  # no visit, no model input
    _, t_days, age_days = bgnbd_inputs(np.array([first]), np.array([last]), np.array([2]), end, unit_days=DAYS)
    assert (t_days[0], age_days[0]) == (213, 272)


def test_without_models_the_naive_forecasts_are_used():
    fallback = np.array([3.0, 0.0])
    visits = expected_visits_next(None, 365, np.zeros(2), np.zeros(2), np.ones(2), fallback)
    assert visits.tolist() == [3.0, 0.0] and visits is not fallback
    spend = expected_spend_per_visit(None, np.array([2.0, 0.0]), np.array([12_500.0, 0.0]))
    assert spend[0] == 12_500.0 and np.isnan(spend[1])


def test_predicted_clv_is_whole_minor_units_never_negative_or_nan():
    clv = predicted_clv(np.array([2.5, np.nan, 1.0, 3.0]), np.array([10_001.0, 500.0, -700.0, np.nan]))
    assert clv.tolist() == [25_002, 0, 0, 0] and clv.dtype == np.int64


def test_seed_formula():
    assert seed_formula_clv(np.array([50_000, 12_345]), np.array([4, 2]), 3).tolist() == [600_000, 74_070]


def test_predicted_clv_12m_without_fits_uses_last_year_and_own_mean():
    values = rfm_values(*events((0, 10, 30_000), (0, 200, 10_000), (0, 500, 20_000), (1, 3, 9_000)), 3, AS_OF)
    visits, spend, clv = predicted_clv_12m(None, None, values)
    assert visits.tolist() == [2.0, 1.0, 0.0]
    assert spend[:2].tolist() == [20_000.0, 9_000.0] and np.isnan(spend[2])
    assert clv.tolist() == [40_000, 9_000, 0]


def test_predicted_clv_12m_with_fits_composes_the_models():
    values = rfm_values(*events((0, 10, 30_000), (0, 200, 10_000), (0, 500, 20_000), (1, 3, 9_000)), 3, AS_OF)
    bgnbd = BgNbdFit(r=0.5, alpha=10.0, a=0.7, b=2.5, log_likelihood=0.0, n_customers=0)
    spend_model = GammaGammaFit(p=5.0, q=3.0, gamma=30_000.0, log_likelihood=0.0, n_customers=0)
    visits, spend, clv = predicted_clv_12m(bgnbd, spend_model, values)
    x = np.array([2.0, 0.0])
    t_x = np.array([490.0, 0.0]) / 7
    age = np.array([500.0, 3.0]) / 7
    assert visits[:2] == pytest.approx(expected_visits(bgnbd, 365 / 7, x, t_x, age))
    # Fader & Hardie: the repeat days only (500 days ago was the first visit): x = 2, m = 20,000; x = 0 for one
    assert spend[:2] == pytest.approx(expected_spend(spend_model, np.array([2.0, 0.0]), np.array([20_000.0, 0.0])))
    assert clv[:2].tolist() == np.rint(visits[:2] * spend[:2]).astype(int).tolist() and clv[2] == 0
    count, mean = spend_inputs(values)
    assert count.tolist() == [2.0, 0.0, 0.0] and mean.tolist() == [20_000.0, 0.0, 0.0]
