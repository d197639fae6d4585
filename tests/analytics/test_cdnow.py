"""The churn model reproduces the published BG/NBD and Gamma-Gamma estimates on the CDNOW sample."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from dermadesk.analytics.bgnbd import fit_bgnbd
from dermadesk.analytics.clv import WEEKS, bgnbd_inputs
from dermadesk.analytics.gamma_gamma import fit_gamma_gamma
from dermadesk.analytics.rfm import rfm_values

DATA = Path(__file__).resolve().parents[1] / "data" / "cdnow" / "CDNOW_sample.txt"  # the public sample, in the repo
START = date(1997, 1, 1).toordinal()
CALIBRATION_END = date(1997, 9, 30).toordinal()


def read_cdnow(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Customer index (0-based sample id), day number and value in cents per purchase row."""
    customer, day, cents = [], [], []
    for line in path.read_text().split("\n"):
        if not line.strip():
            continue
        _, sample_id, yyyymmdd, _cds, dollars = line.split()
        customer.append(int(sample_id) - 1)
        day.append(date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:])).toordinal())
        cents.append(round(float(dollars) * 100))
    return np.array(customer), np.array(day), np.array(cents)


@pytest.fixture(scope="module")
def calibration():
    """RFM values over the calibration period: every purchase from 1997-01-01 up to 1997-09-30."""
    customer, day, cents = read_cdnow(DATA)
    values = rfm_values(
        customer,
        day,
        cents,
        n_patients=customer.max() + 1,
        as_of_day=CALIBRATION_END,
        window_days=CALIBRATION_END - START + 1,
    )
    in_calibration = day <= CALIBRATION_END
    on_first_day = in_calibration & (day == values.first_day[customer])
    first_day_cents = np.bincount(customer[on_first_day], weights=cents[on_first_day], minlength=values.active.size)
    return values, first_day_cents


def test_model_inputs_follow_the_readme(calibration):
    values, _ = calibration
    x, t_x, age = bgnbd_inputs(values.first_day, values.last_day, values.visits - 1, CALIBRATION_END, WEEKS)
    assert values.active.all() and x.size == 2357
    assert (x[0], round(t_x[0], 2), round(age[0], 2)) == (2, 30.43, 38.86)
    assert np.count_nonzero(x > 0) == 946


def test_bgnbd_reproduces_fader_hardie_lee(calibration):
    values, _ = calibration
    fit = fit_bgnbd(*bgnbd_inputs(values.first_day, values.last_day, values.visits - 1, CALIBRATION_END, WEEKS))
    assert fit is not None
    assert (fit.r, fit.alpha, fit.a, fit.b) == pytest.approx((0.243, 4.414, 0.793, 2.426), rel=0.005)
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.1)


def test_gamma_gamma_reproduces_fader_hardie(calibration):
    values, first_day_cents = calibration
    repeat_days = values.visits - 1
    repeaters = repeat_days > 0
    # the mean value of the repeat days: calibration spend without the first day's, in dollars
    mean_dollars = (values.monetary - first_day_cents)[repeaters] / repeat_days[repeaters] / 100
    fit = fit_gamma_gamma(repeat_days[repeaters], mean_dollars)
    assert fit is not None and fit.n_customers == 946 - np.count_nonzero(mean_dollars == 0)
    assert (fit.p, fit.q, fit.gamma) == pytest.approx((6.25, 3.74, 15.44), rel=0.01)
