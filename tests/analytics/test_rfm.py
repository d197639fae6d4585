"""RFM values on hand-built histories: window edges, refunds, zero spend, future events, per-day rows."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.rfm import NO_DAY, rfm_values
from tests.analytics.histories import AS_OF, events

# patient, days before as-of, amount (minor units)
HISTORY = events(
    (0, 365, 7_000),  # the day before the window: counts for life, not for the last 12 months
    (0, 364, 10_000),  # D-364, the window's first day
    (0, 0, 5_000),  # D, its last day
    (1, 10, 20_000),
    (1, 5, -5_000),  # a refund: reduces M, is not a visit
    (2, 100, 0),  # a free paid event (zero amount) is still a visit
    (3, -1, 50_000),  # after the as-of date: ignored
    (5, 30, 30_000),
    (5, 30, 1_000),  # same day twice: one visit day
    (5, 20, 4_000),
    (6, 3, -2_000),  # a refund alone: never a visit
    (7, 50, 10_000),
    (7, 50, -10_000),  # visit and full refund on one day: still a visit
)
N = 9  # patient 4 and 8 have nothing


@pytest.fixture(scope="module")
def values():
    return rfm_values(*HISTORY, n_patients=N, as_of_day=AS_OF)


def test_recency_counts_days_from_last_non_refund_visit(values):
    assert values.recency.tolist() == [0, 10, 100, NO_DAY, NO_DAY, 20, NO_DAY, 50, NO_DAY]


def test_frequency_counts_distinct_days_inside_d_minus_364_to_d(values):
    assert values.frequency.tolist() == [2, 1, 1, 0, 0, 2, 0, 1, 0]


def test_monetary_sums_window_spend_with_refunds(values):
    assert values.monetary.tolist() == [15_000, 15_000, 0, 0, 0, 35_000, -2_000, 0, 0]
    assert values.monetary.dtype == np.int64


def test_lifetime_figures(values):
    assert values.lifetime_spend.tolist() == [22_000, 15_000, 0, 0, 0, 35_000, -2_000, 0, 0]
    assert values.visits.tolist() == [3, 1, 1, 0, 0, 2, 0, 1, 0]
    assert values.first_day.tolist() == [
        AS_OF - 365,
        AS_OF - 10,
        AS_OF - 100,
        NO_DAY,
        NO_DAY,
        AS_OF - 30,
        NO_DAY,
        AS_OF - 50,
        NO_DAY,
    ]
    assert values.last_day[0] == AS_OF


def test_active_means_at_least_one_visit_by_the_as_of_day(values):
    assert values.active.tolist() == [True, True, True, False, False, True, False, True, False]


def test_future_event_counts_once_the_as_of_day_reaches_it():
    later = rfm_values(*HISTORY, n_patients=N, as_of_day=AS_OF + 1)
    assert later.active[3] and later.recency[3] == 0 and later.monetary[3] == 50_000
    # and patient 0's D-364 visit has left the window
    assert later.frequency[0] == 1 and later.monetary[0] == 5_000


def test_window_days_is_honoured():
    short = rfm_values(*HISTORY, n_patients=N, as_of_day=AS_OF, window_days=30)
    # a 30-day window is D-29 .. D: patient 5's D-30 visit falls out, the D-20 one stays
    assert short.frequency.tolist() == [1, 1, 0, 0, 0, 1, 0, 0, 0]
    assert short.monetary[5] == 4_000 and short.recency[5] == 20


def test_per_day_rows_with_visit_flag_give_the_same_values(values):
    p, day, amount = HISTORY
    keys = sorted(set(zip(p.tolist(), day.tolist(), strict=True)))
    day_sum = [int(amount[(p == k[0]) & (day == k[1])].sum()) for k in keys]
    has_visit = [bool((amount[(p == k[0]) & (day == k[1])] >= 0).any()) for k in keys]
    grouped = rfm_values(
        np.array([k[0] for k in keys]),
        np.array([k[1] for k in keys]),
        np.array(day_sum),
        n_patients=N,
        as_of_day=AS_OF,
        has_visit=np.array(has_visit),
    )
    for name in ("recency", "frequency", "monetary", "lifetime_spend", "first_day", "last_day", "visits", "active"):
        assert np.array_equal(getattr(grouped, name), getattr(values, name)), name


def test_day_sum_alone_would_misread_a_refunded_visit_day():
    # one row for patient 0: a day whose sum is negative, but which had a visit
    flagged = rfm_values(np.array([0]), np.array([AS_OF - 5]), np.array([-100]), 1, AS_OF, has_visit=np.array([True]))
    unflagged = rfm_values(np.array([0]), np.array([AS_OF - 5]), np.array([-100]), 1, AS_OF)
    assert flagged.recency[0] == 5 and not unflagged.active[0]


def test_empty_input():
    empty = rfm_values(*events(), n_patients=3, as_of_day=AS_OF)
    assert not empty.active.any() and empty.recency.tolist() == [NO_DAY] * 3


@pytest.mark.parametrize("bad", [-1, 9])
def test_patient_index_out_of_range_is_refused(bad):
    with pytest.raises(ValueError, match="patient_idx"):
        rfm_values(np.array([bad]), np.array([AS_OF]), np.array([1]), 9, AS_OF)
