"""BG/NBD: the log-likelihood against the paper's plain formula, stable predictions, fit and degenerate data."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import approx_fprime
from scipy.special import beta, gamma, hyp2f1

from dermadesk.analytics.bgnbd import (
    BgNbdFit,
    _bgnbd_gradient,
    bgnbd_log_likelihood,
    expected_visits,
    fit_bgnbd,
    p_alive,
)
from tests.analytics.bgnbd_simulation import simulate_bgnbd

PUBLISHED = BgNbdFit(r=0.243, alpha=4.414, a=0.793, b=2.426, log_likelihood=-9582.4, n_customers=2357)
PARAMS = (PUBLISHED.r, PUBLISHED.alpha, PUBLISHED.a, PUBLISHED.b)
X = np.array([0.0, 1.0, 2.0, 5.0, 10.0])
T_X = np.array([0.0, 3.0, 30.43, 20.0, 37.0])
AGE = np.array([20.0, 38.0, 38.86, 38.0, 38.0])


def plain_likelihood(r, alpha, a, b, x, t_x, age):
    """FHL (2005) eq. 6 without logs: fine for small x, overflows for large x."""
    common = gamma(r + x) * alpha**r / gamma(r)
    alive = beta(a, b + x) / beta(a, b) * common / (alpha + age) ** (r + x)
    dropped = np.where(x > 0, beta(a + 1, b + x - 1) / beta(a, b) * common / (alpha + t_x) ** (r + x), 0.0)
    return alive + dropped


def plain_expectation(fit, t, x, t_x, age):
    """FHL eq. 10 as printed: 2F1(r+x, b+x; a+b+x-1; z) with the (alpha+T)/(alpha+T+t) power in front."""
    r, alpha, a, b = fit.r, fit.alpha, fit.a, fit.b
    z = t / (alpha + age + t)
    front = (a + b + x - 1) / (a - 1)
    bracket = 1 - ((alpha + age) / (alpha + age + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    gone = np.where(x > 0, a / (b + x - 1) * ((alpha + age) / (alpha + t_x)) ** (r + x), 0.0)
    return front * bracket / (1 + gone)


def test_log_likelihood_equals_the_plain_formula():
    expected = np.log(plain_likelihood(*PARAMS, X, T_X, AGE))
    assert bgnbd_log_likelihood(PARAMS, X, T_X, AGE) == pytest.approx(expected, rel=1e-10)


def test_log_likelihood_stays_finite_for_many_visits():
    # the plain formula gives inf / 0 here: spreadsheets' "#NUM!"
    x = np.array([400.0, 2000.0])
    with np.errstate(all="ignore"):
        assert not np.isfinite(np.log(plain_likelihood(*PARAMS, x, np.array([30.0, 38.0]), np.array([39.0] * 2)))).all()
    ll = bgnbd_log_likelihood(PARAMS, x, np.array([30.0, 38.0]), np.array([39.0, 39.0]))
    assert np.isfinite(ll).all()


@pytest.mark.parametrize("params", [PARAMS, (2.0, 0.5, 1.5, 0.7)])
def test_gradient_matches_finite_differences(params):
    def total(theta):
        return bgnbd_log_likelihood(tuple(np.exp(theta)), X, T_X, AGE).sum()

    numeric = approx_fprime(np.log(params), total, 1e-7)
    assert _bgnbd_gradient(params, X, T_X, AGE).sum(axis=1) == pytest.approx(numeric, rel=1e-5)


def test_p_alive():
    p = p_alive(PUBLISHED, X, T_X, AGE)
    assert p[0] == 1.0  # no repeat yet: the model cannot have lost the customer
    gone = (
        PUBLISHED.a
        / (PUBLISHED.b + X[1:] - 1)
        * ((PUBLISHED.alpha + AGE[1:]) / (PUBLISHED.alpha + T_X[1:])) ** (PUBLISHED.r + X[1:])
    )
    assert p[1:] == pytest.approx(1 / (1 + gone))
    # the longer the silence since the last visit, the less likely the patient is still one
    later = p_alive(PUBLISHED, np.array([5.0, 5.0]), np.array([20.0, 20.0]), np.array([25.0, 60.0]))
    assert later[0] > later[1]


def test_expected_visits_equals_the_printed_formula():
    assert expected_visits(PUBLISHED, 39.0, X, T_X, AGE) == pytest.approx(
        plain_expectation(PUBLISHED, 39.0, X, T_X, AGE), rel=1e-8
    )


def test_expected_visits_of_fader_hardie_customer_one():
    # FHL's worked example: x = 2, t_x = 30.43, T = 38.86, next 39 weeks -> 1.226
    value = expected_visits(PUBLISHED, 39.0, np.array([2.0]), np.array([30.43]), np.array([38.86]))[0]
    assert value == pytest.approx(1.226, abs=0.002)


def test_expected_visits_for_many_visits_is_finite_and_grows_with_x():
    # last visit today, so P(alive) is near 1 and more past visits must mean more future ones
    x = np.array([50.0, 300.0, 1000.0, 5000.0])
    age = np.full(4, 38.5)
    values = expected_visits(PUBLISHED, 39.0, x, age, age)
    assert np.isfinite(values).all() and (np.diff(values) > 0).all()
    with np.errstate(all="ignore"):
        plain = plain_expectation(PUBLISHED, 39.0, x, age, age)
    assert values[:3] == pytest.approx(plain[:3], rel=1e-8)
    assert not np.isfinite(plain[3])  # where the printed form breaks down, Euler's form carries on


def test_expected_visits_is_continuous_through_a_equals_one():
    near = [BgNbdFit(0.5, 5.0, a, 2.0, 0.0, 0) for a in (1.0, 1.001, 0.999)]
    values = [expected_visits(f, 39.0, np.array([3.0]), np.array([20.0]), np.array([38.0]))[0] for f in near]
    assert np.isfinite(values).all()
    assert values[0] == pytest.approx(values[1], rel=1e-3) and values[0] == pytest.approx(values[2], rel=1e-3)


def test_fit_recovers_simulated_parameters():
    truth = (0.8, 8.0, 0.6, 2.5)
    x, t_x, age = simulate_bgnbd(8000, *truth, max_age=52.0, rng=np.random.default_rng(7))
    fit = fit_bgnbd(x, t_x, age)
    assert fit is not None and fit.n_customers == 8000
    assert (fit.r, fit.alpha) == pytest.approx(truth[:2], rel=0.10)
    # a and b trade off against each other; their ratio, the mean dropout chance, is what the data pin down
    assert fit.a / (fit.a + fit.b) == pytest.approx(0.6 / 3.1, rel=0.10)
    assert (fit.a, fit.b) == pytest.approx(truth[2:], rel=0.40)


def test_fit_does_not_depend_on_the_time_unit():
    x, t_x, age = simulate_bgnbd(3000, 0.8, 8.0, 0.6, 2.5, max_age=52.0, rng=np.random.default_rng(3))
    weeks, days = fit_bgnbd(x, t_x, age), fit_bgnbd(x, t_x * 7, age * 7)
    assert weeks is not None and days is not None
    assert (days.r, days.alpha / 7, days.a, days.b) == pytest.approx((weeks.r, weeks.alpha, weeks.a, weeks.b), rel=1e-4)


def test_degenerate_clinics_get_none_not_an_error():
    assert fit_bgnbd(np.zeros(100), np.zeros(100), np.full(100, 20.0)) is None  # nobody came back
    assert fit_bgnbd(np.array([]), np.array([]), np.array([]), min_repeaters=0) is None
    assert fit_bgnbd(np.full(5, np.nan), np.full(5, np.nan), np.full(5, np.nan)) is None
    x = np.array([3.0] * 5 + [0.0] * 50)
    assert fit_bgnbd(x, np.where(x > 0, 10.0, 0.0), np.full(55, 20.0)) is None  # under min_repeaters


def test_nobody_ever_lapsing_is_not_identified():
    # every customer's last visit is today: no sign of dropout at all, so a runs to the bound
    rng = np.random.default_rng(1)
    age = rng.uniform(10, 50, 300)
    x = rng.poisson(age * 0.3).astype(float)
    assert fit_bgnbd(x, np.where(x > 0, age, 0.0), age) is None
