"""Recency, frequency and monetary values per patient as of a day, from paid-event or per-day rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dermadesk.analytics.visits import distinct_patient_days, group_starts

NO_DAY = -1  # first/last day and recency of a patient without a paid visit


@dataclass(frozen=True)
class RfmValues:
    """Per-patient figures as of ``as_of_day``; arrays of length n_patients, money in minor units.

    active: the patient has at least one visit (a paid event with amount >= 0) on or before as_of_day.
    recency: days from the last visit to as_of_day (0 = today); NO_DAY when not active.
    frequency: distinct visit days in the window as_of-window+1 .. as_of inclusive.
    monetary: sum of all paid amounts in the window, refunds (negative amounts) included.
    lifetime_spend: sum of all paid amounts up to as_of_day, refunds included.
    first_day, last_day: day numbers of the first and last visit; NO_DAY when not active.
    visits: distinct visit days up to as_of_day (same-day events count once).
    first_day_spend: sum of paid amounts on the first visit day (Gamma-Gamma models the repeat days only).
    """

    as_of_day: int
    window_days: int
    active: np.ndarray
    recency: np.ndarray
    frequency: np.ndarray
    monetary: np.ndarray
    lifetime_spend: np.ndarray
    first_day: np.ndarray
    last_day: np.ndarray
    visits: np.ndarray
    first_day_spend: np.ndarray


def rfm_values(
    patient_idx: np.ndarray,
    day: np.ndarray,
    amount: np.ndarray,
    n_patients: int,
    as_of_day: int,
    window_days: int = 365,
    has_visit: np.ndarray | None = None,
) -> RfmValues:
    """RFM values from paid rows: patient index 0..n-1, integer day number, integer amount in minor units.

    Rows may be single paid events (then a visit is a row with amount >= 0, a refund has amount < 0) or the
    store's per-(patient, day) sums with ``has_visit`` = "that day had at least one non-refund paid event"
    (a day's sum alone cannot say so when a refund falls on a visit day). Order and duplicates do not
    matter; rows after as_of_day are ignored. Day numbers must be >= 0 (e.g. ``date.toordinal()``).
    """
    p, d, a = _as_int_arrays(patient_idx, day, amount, n_patients)
    visit = a >= 0 if has_visit is None else np.asarray(has_visit, dtype=bool)
    keep = d <= as_of_day  # the future does not exist for a review as of as_of_day
    if not keep.all():  # copying 2M rows costs more than checking for the usual "nothing to drop"
        p, d, a, visit = p[keep], d[keep], a[keep], visit[keep]
    window_start = as_of_day - window_days + 1
    in_window = d >= window_start
    vp, vd = distinct_patient_days(*((p, d) if visit.all() else (p[visit], d[visit])))
    first_day, last_day = _first_and_last(vp, vd, n_patients)
    active = last_day != NO_DAY
    on_first = d == first_day[p]
    return RfmValues(
        as_of_day=int(as_of_day),
        window_days=int(window_days),
        active=active,
        recency=np.where(active, as_of_day - last_day, NO_DAY),
        frequency=np.bincount(vp[vd >= window_start], minlength=n_patients),
        monetary=_sum_by(p[in_window], a[in_window], n_patients),
        lifetime_spend=_sum_by(p, a, n_patients),
        first_day=first_day,
        last_day=last_day,
        visits=np.bincount(vp, minlength=n_patients),
        first_day_spend=_sum_by(p[on_first], a[on_first], n_patients),
    )


def _as_int_arrays(
    patient_idx: np.ndarray, day: np.ndarray, amount: np.ndarray, n_patients: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    p = np.asarray(patient_idx, dtype=np.int64)
    d = np.asarray(day, dtype=np.int64)
    a = np.asarray(amount, dtype=np.int64)
    if not (p.shape == d.shape == a.shape and p.ndim == 1):
        raise ValueError("patient_idx, day and amount must be 1-D arrays of one length")
    if p.size and (p.min() < 0 or p.max() >= n_patients):
        raise ValueError("patient_idx must lie in 0 .. n_patients-1")
    return p, d, a


def _sum_by(p: np.ndarray, amount: np.ndarray, n_patients: int) -> np.ndarray:
    """Exact integer sums per patient: bincount adds in float64, exact while totals stay below 2**53."""
    return np.rint(np.bincount(p, weights=amount, minlength=n_patients)).astype(np.int64)


def _first_and_last(vp: np.ndarray, vd: np.ndarray, n_patients: int) -> tuple[np.ndarray, np.ndarray]:
    """First and last day per patient from pairs sorted by (patient, day)."""
    first = np.full(n_patients, NO_DAY, dtype=np.int64)
    last = np.full(n_patients, NO_DAY, dtype=np.int64)
    starts = group_starts(vp)
    if starts.size:
        ends = np.r_[starts[1:] - 1, vp.size - 1]
        first[vp[starts]] = vd[starts]
        last[vp[ends]] = vd[ends]
    return first, last


def rfm_from_aggregates(
    as_of_day: int,
    window_days: int,
    last_visit: np.ndarray,
    frequency: np.ndarray,
    monetary: np.ndarray,
    first_visit: np.ndarray | None = None,
    visits: np.ndarray | None = None,
    lifetime_spend: np.ndarray | None = None,
    first_day_spend: np.ndarray | None = None,
) -> RfmValues:
    """RfmValues from per-patient aggregates computed where the data is (the store's GROUP BY, with the
    same definitions as rfm_values: a visit is a paid event >= 0, F counts distinct days in the window).
    Lifetime arrays may be omitted when only RFM is wanted; they are then taken as unknown (zeros)."""
    last = np.asarray(last_visit, dtype=np.int64)
    zeros = np.zeros_like(last)
    active = last != NO_DAY
    return RfmValues(
        as_of_day=int(as_of_day),
        window_days=int(window_days),
        active=active,
        recency=np.where(active, as_of_day - last, NO_DAY),
        frequency=np.asarray(frequency, dtype=np.int64),
        monetary=np.asarray(monetary, dtype=np.int64),
        lifetime_spend=zeros if lifetime_spend is None else np.asarray(lifetime_spend, dtype=np.int64),
        first_day=np.full_like(last, NO_DAY) if first_visit is None else np.asarray(first_visit, dtype=np.int64),
        last_day=last,
        visits=zeros if visits is None else np.asarray(visits, dtype=np.int64),
        first_day_spend=zeros if first_day_spend is None else np.asarray(first_day_spend, dtype=np.int64),
    )
