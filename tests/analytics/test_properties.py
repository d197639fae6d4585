"""Properties over random histories: row order never matters, visits only shorten R, F counts distinct days."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dermadesk.analytics.rfm import RfmValues, rfm_values
from dermadesk.analytics.scores import rfm_scores, score_strictly_worse
from dermadesk.analytics.visits import gap_stats
from dermadesk.domain.rules import RfmRules, Scoring
from tests.analytics.histories import AS_OF

N = 6
FIELDS = ("active", "recency", "frequency", "monetary", "lifetime_spend", "first_day", "last_day", "visits")
# (patient, days before the as-of date (negative: after it), amount); window edges 364/365 are in range
ROW = st.tuples(st.integers(0, N - 1), st.integers(-3, 400), st.integers(-3_000, 50_000))
ROWS = st.lists(ROW, max_size=40)
SETTINGS = settings(max_examples=150, deadline=None)


def arrays(rows: list[tuple[int, int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if not rows:
        return (np.zeros(0, np.int64),) * 3
    p, back, amount = (np.array(c, dtype=np.int64) for c in zip(*rows, strict=True))
    return p, AS_OF - back, amount


def values_of(rows: list[tuple[int, int, int]]) -> RfmValues:
    return rfm_values(*arrays(rows), n_patients=N, as_of_day=AS_OF)


@SETTINGS
@given(rows=ROWS, data=st.data())
def test_row_order_does_not_matter(rows, data):
    shuffled = data.draw(st.permutations(rows))
    a, b = values_of(rows), values_of(shuffled)
    for name in FIELDS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    for scoring in Scoring:
        sa, sb = rfm_scores(a, RfmRules(scoring=scoring)), rfm_scores(b, RfmRules(scoring=scoring))
        assert np.array_equal(sa.r, sb.r) and np.array_equal(sa.f, sb.f) and np.array_equal(sa.m, sb.m)
    ga, gb = (gap_stats(*arrays(r)[:2], N) for r in (rows, shuffled))
    assert np.array_equal(ga.median, gb.median, equal_nan=True)


@SETTINGS
@given(rows=ROWS, patient=st.integers(0, N - 1), back=st.integers(0, 400), amount=st.integers(0, 50_000))
def test_a_new_visit_never_makes_recency_larger(rows, patient, back, amount):
    before, after = values_of(rows), values_of([*rows, (patient, back, amount)])
    assert after.active[patient]
    if before.active[patient]:
        assert after.recency[patient] <= before.recency[patient]
    others = np.arange(N) != patient
    assert np.array_equal(after.recency[others], before.recency[others])


@SETTINGS
@given(rows=ROWS)
def test_values_match_a_plain_python_count(rows):
    values = values_of(rows)
    for k in range(N):
        paid = [(back, amount) for p, back, amount in rows if p == k and back >= 0]
        visit_days = {back for back, amount in paid if amount >= 0}
        assert values.frequency[k] == len({b for b in visit_days if b <= 364})
        assert values.visits[k] == len(visit_days)
        assert values.monetary[k] == sum(amount for back, amount in paid if back <= 364)
        assert values.recency[k] == (min(visit_days) if visit_days else -1)


@SETTINGS
@given(rows=ROWS)
def test_per_day_rows_equal_per_event_rows(rows):
    per_day: dict[tuple[int, int], list[int]] = {}
    for p, back, amount in rows:
        per_day.setdefault((p, back), []).append(amount)
    grouped = [(p, back, sum(a)) for (p, back), a in per_day.items()]
    flags = np.array([any(a >= 0 for a in per_day[(p, back)]) for p, back, _ in grouped], dtype=bool)
    a = values_of(rows)
    b = rfm_values(*arrays(grouped), n_patients=N, as_of_day=AS_OF, has_visit=flags)
    for name in FIELDS:
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


VALUES = st.one_of(
    st.lists(st.integers(0, 30), min_size=1, max_size=30),  # few distinct values: the histogram path
    st.lists(st.integers(-(10**12), 10**12), min_size=1, max_size=30),  # wide range: the sorting path
    st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=30),
)


@SETTINGS
@given(values=VALUES, data=st.data())
def test_scores_equal_the_definition(values, data):
    active = np.array(data.draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values))))
    v = np.array(values)
    pool = v[active]
    for better in ("higher", "lower"):
        scores = score_strictly_worse(v, better, active)
        for i in range(v.size):
            if not active[i]:
                assert scores[i] == 0
                continue
            worse = np.count_nonzero(pool < v[i]) if better == "higher" else np.count_nonzero(pool > v[i])
            assert scores[i] == min(5, 1 + (5 * worse) // pool.size)


@SETTINGS
@given(rows=ROWS)
def test_median_gap_equals_numpy_median(rows):
    p, day, _ = arrays(rows)
    stats = gap_stats(p, day, N)
    for k in range(N):
        days = np.unique(day[p == k])
        gaps = np.diff(days)
        assert stats.count[k] == gaps.size
        if gaps.size:
            assert stats.median[k] == np.median(gaps)
        else:
            assert np.isnan(stats.median[k])
