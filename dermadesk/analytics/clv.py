"""Customer lifetime value: model inputs from visit days, predicted 12-month CLV and the seed formula."""

from __future__ import annotations

import numpy as np

from dermadesk.analytics.bgnbd import BgNbdFit, expected_visits
from dermadesk.analytics.gamma_gamma import GammaGammaFit, expected_spend
from dermadesk.analytics.rfm import RfmValues

DAYS = 1.0
WEEKS = 7.0


def bgnbd_inputs(
    first_day: np.ndarray, last_day: np.ndarray, repeat_count: np.ndarray, as_of_day: int, unit_days: float = WEEKS
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, t_x, age (FHL's T) for BG/NBD in units of unit_days (7 = weeks, as in FHL), as float arrays.

    repeat_count is distinct visit days minus 1 (RfmValues.visits - 1); t_x = (last - first) / unit,
    age = (as_of - first) / unit. Patients without a visit (first_day < 0) get NaN in all three, which the
    fit leaves out and the predictions pass through as NaN.
    """
    first = np.asarray(first_day, dtype=np.float64)
    none = first < 0
    x = np.where(none, np.nan, np.asarray(repeat_count, dtype=np.float64))
    t_x = np.where(none, np.nan, (np.asarray(last_day, dtype=np.float64) - first) / unit_days)
    age = np.where(none, np.nan, (as_of_day - first) / unit_days)
    return x, t_x, age


def expected_visits_next(
    fit: BgNbdFit | None,
    horizon_days: float,
    x: np.ndarray,
    t_x: np.ndarray,
    age: np.ndarray,
    fallback: np.ndarray,
    unit_days: float = WEEKS,
) -> np.ndarray:
    """Expected visits in the next horizon_days: BG/NBD where fitted, else ``fallback``.

    A clinic too small or too young for a fit gets its patients' own recent pace (e.g. visit days in the
    last 12 months for a 365-day horizon): "next year like last year", the naive forecast.
    """
    if fit is None:
        return np.asarray(fallback, dtype=np.float64).copy()
    return expected_visits(fit, horizon_days / unit_days, x, t_x, age)


def expected_spend_per_visit(fit: GammaGammaFit | None, visit_count: np.ndarray, mean_spend: np.ndarray) -> np.ndarray:
    """Expected spend per visit in minor units: Gamma-Gamma where fitted, else the patient's own mean.

    visit_count and mean_spend must follow the convention the model was fitted with (e.g. visit days and
    the mean of a day's spend). Patients with no visit get NaN without a fit (no mean to speak of).
    """
    mean = np.asarray(mean_spend, dtype=np.float64)
    count = np.asarray(visit_count, dtype=np.float64)
    if fit is None:
        return np.where(count > 0, mean, np.nan)
    return expected_spend(fit, count, mean)


def predicted_clv(expected_visits_12m: np.ndarray, spend_per_visit: np.ndarray) -> np.ndarray:
    """Predicted 12-month CLV in integer minor units = expected visits x expected spend per visit.

    NaN (no model answer, no visit) becomes 0, and a negative product (refunds above spend) is floored at
    0: a forecast of value, not of refunds.
    """
    value = np.asarray(expected_visits_12m, dtype=np.float64) * np.asarray(spend_per_visit, dtype=np.float64)
    return np.rint(np.clip(np.nan_to_num(value, nan=0.0, posinf=0.0, neginf=0.0), 0.0, None)).astype(np.int64)


def seed_formula_clv(
    average_value: np.ndarray, visits_per_year: np.ndarray, retention_years: np.ndarray | float
) -> np.ndarray:
    """The seed's CLV = average value per visit x visits per year x retention period in years, minor units."""
    value = (
        np.asarray(average_value, dtype=np.float64)
        * np.asarray(visits_per_year, dtype=np.float64)
        * np.asarray(retention_years, dtype=np.float64)
    )
    return np.rint(np.nan_to_num(value, nan=0.0)).astype(np.int64)


def spend_inputs(values: RfmValues) -> tuple[np.ndarray, np.ndarray]:
    """(repeat visit days x, mean spend of those repeat days m) per patient, Fader & Hardie's convention:
    the first visit is left out (a first visit is often a consultation or an offer). m is 0 where x is 0.

    One convention for both fitting Gamma-Gamma and using it, so the two cannot drift apart.
    """
    repeats = np.clip(values.visits - 1, 0, None).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(repeats > 0, (values.lifetime_spend - values.first_day_spend) / repeats, 0.0)
    return repeats, mean


def own_mean_spend(values: RfmValues) -> np.ndarray:
    """Lifetime spend per visit day: the forecast of spend when no Gamma-Gamma fit is available."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(values.visits > 0, values.lifetime_spend / values.visits, np.nan)


def predicted_clv_12m(
    bgnbd: BgNbdFit | None, spend_model: GammaGammaFit | None, values: RfmValues, unit_days: float = WEEKS
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(expected visits in the next 365 days, expected spend per visit, predicted CLV in minor units).

    Either model may be None (a clinic too small to fit it): visits then fall back to the last 12 months'
    visit days, spend to the patient's own mean. bgnbd must have been fitted in unit_days.
    """
    x, t_x, age = bgnbd_inputs(values.first_day, values.last_day, values.visits - 1, values.as_of_day, unit_days)
    visits = expected_visits_next(bgnbd, 365.0, x, t_x, age, values.frequency, unit_days)
    if spend_model is None:
        spend = own_mean_spend(values)
    else:
        spend = expected_spend_per_visit(spend_model, *spend_inputs(values))
    return visits, spend, predicted_clv(visits, spend)
