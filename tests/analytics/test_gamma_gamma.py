"""Gamma-Gamma: density against the plain formula, gradient, fit on simulated spend, expected spend."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import approx_fprime
from scipy.special import gamma as gamma_fn

from dermadesk.analytics.gamma_gamma import (
    GammaGammaFit,
    _gamma_gamma_gradient,
    expected_spend,
    fit_gamma_gamma,
    gamma_gamma_log_likelihood,
)

PUBLISHED = GammaGammaFit(p=6.25, q=3.74, gamma=15.44, log_likelihood=0.0, n_customers=946)
X = np.array([1.0, 2.0, 5.0, 12.0])
M = np.array([20.0, 35.5, 10.0, 80.0])


def simulate_spend(n, p, q, gamma, rng):
    """x transactions each ~ Gamma(p, nu), nu ~ Gamma(q, gamma) per customer; returns x and their mean."""
    nu = rng.gamma(q, 1.0 / gamma, n)
    x = rng.integers(1, 10, n)
    total = rng.gamma(p * x, 1.0 / nu)  # a sum of x Gamma(p, nu) draws
    return x.astype(float), total / x


def test_log_density_equals_the_plain_formula():
    p, q, g = PUBLISHED.p, PUBLISHED.q, PUBLISHED.gamma
    plain = (
        gamma_fn(p * X + q)
        / (gamma_fn(p * X) * gamma_fn(q))
        * g**q
        * M ** (p * X - 1)
        * X ** (p * X)
        / (g + M * X) ** (p * X + q)
    )
    assert gamma_gamma_log_likelihood((p, q, g), X, M) == pytest.approx(np.log(plain), rel=1e-10)


def test_gradient_matches_finite_differences():
    params = (6.25, 3.74, 15.44)

    def total(theta):
        return gamma_gamma_log_likelihood(tuple(np.exp(theta)), X, M).sum()

    numeric = approx_fprime(np.log(params), total, 1e-7)
    assert _gamma_gamma_gradient(params, X, M).sum(axis=1) == pytest.approx(numeric, rel=1e-5)


def test_fit_recovers_simulated_parameters_in_any_currency():
    x, m = simulate_spend(6000, 6.0, 4.0, 20.0, np.random.default_rng(11))
    fit = fit_gamma_gamma(x, m)
    assert fit is not None
    assert (fit.p, fit.q, fit.gamma) == pytest.approx((6.0, 4.0, 20.0), rel=0.15)
    cents = fit_gamma_gamma(x, m * 100)
    assert cents is not None
    assert (cents.p, cents.q, cents.gamma / 100) == pytest.approx((fit.p, fit.q, fit.gamma), rel=1e-4)


def test_rows_without_spend_information_are_left_out():
    x, m = simulate_spend(500, 6.0, 4.0, 20.0, np.random.default_rng(2))
    fit = fit_gamma_gamma(x, m)
    padded = fit_gamma_gamma(np.r_[x, 3.0, 2.0, 0.0, np.nan], np.r_[m, 0.0, -5.0, 40.0, 10.0])
    assert fit is not None and padded is not None
    assert padded.n_customers == fit.n_customers == 500
    assert padded.p == pytest.approx(fit.p, rel=1e-9)


def test_too_few_customers_give_none():
    assert fit_gamma_gamma(np.ones(5), np.full(5, 10.0)) is None
    assert fit_gamma_gamma(np.array([]), np.array([])) is None


def test_expected_spend_shrinks_the_own_mean_towards_the_population():
    population = PUBLISHED.population_mean
    assert population == pytest.approx(6.25 * 15.44 / 2.74)
    spend = expected_spend(PUBLISHED, np.array([0.0, 1.0, 10.0, 1000.0]), np.array([np.nan, 100.0, 100.0, 100.0]))
    assert spend[0] == pytest.approx(population)  # nothing known: the population mean
    assert population < spend[1] < spend[2] < spend[3] < 100.0  # more visits, more weight on the own mean
    assert spend[3] == pytest.approx(100.0, rel=0.01)
    assert spend[1] == pytest.approx(6.25 * (15.44 + 100.0) / (6.25 + 2.74))


def test_expected_spend_without_a_finite_population_mean():
    heavy = GammaGammaFit(p=2.0, q=0.8, gamma=10.0, log_likelihood=0.0, n_customers=1)
    spend = expected_spend(heavy, np.array([0.0, 3.0]), np.array([0.0, 50.0]))
    assert np.isnan(spend[0]) and np.isnan(heavy.population_mean) and np.isfinite(spend[1])
