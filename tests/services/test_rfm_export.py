"""One implementation of RFM: a CSV scored without a database and the same history in a clinic database give
identical rows, and the store's SQL agrees with the numpy definition on any history."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermadesk.analytics.rfm import rfm_values
from dermadesk.domain.dates import day_number
from dermadesk.domain.money import Money
from dermadesk.domain.rules import ClinicRules
from dermadesk.services.clinic_snapshot import rfm_only
from dermadesk.services.rfm_export import HEADER, score_transactions, write_rows
from dermadesk.services.transactions_csv import load_into_memory
from dermadesk.services.workspace import Services
from tests.builders import patient, visit

AS_OF = date(2026, 10, 31)
HISTORY = [  # patient, days before AS_OF, amount in pence (negative: refund)
    (1, 0, 12_000),
    (1, 364, 5_000),
    (1, 365, 9_900),
    (1, 30, -2_000),  # window edges and a refund
    (2, 400, 40_000),  # outside the window: recency only
    (3, 10, 0),
    (3, 10, 3_000),  # a free visit and a purchase the same day: one visit day
    (4, 5, -1_500),  # only a refund: no visit at all
    (5, -3, 50_000),
    (5, 90, 8_000),  # an event after the as-of day is ignored
    (6, 45, 8_000),
    (7, 45, 8_000),
    (8, 200, 100_000),
    (9, 1, 1_000),
    (9, 2, 1_000),
    (9, 3, 1_000),
]


def write_history_csv(path: Path) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["patient_id", "date", "amount"])
        for pid, days, amount in HISTORY:
            writer.writerow([pid, (AS_OF - timedelta(days=days)).isoformat(), Money(amount, "GBP").format_plain()])


def test_rfm_score_on_a_csv_equals_rfm_export_on_the_database(services: Services, tmp_path: Path) -> None:
    with services.context.store.write() as uow:
        ids = {pid: patient(uow, f"P{pid}") for pid in sorted({p for p, _, _ in HISTORY})}
        assert ids == {pid: pid for pid in ids}, "database ids equal the CSV's patient ids"
        for pid, days, amount in HISTORY:
            visit(uow, pid, AS_OF - timedelta(days=days), amount, "consult_skin")
    write_history_csv(tmp_path / "history.csv")
    from_csv = score_transactions(tmp_path / "history.csv", AS_OF)
    from_db = services.rfm.export(AS_OF)
    write_rows(from_csv, tmp_path / "a.csv")
    write_rows(from_db, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text()
    rows = {r.patient_id: r for r in from_db}
    assert (rows["1"].recency_days, rows["1"].frequency, rows["1"].monetary.minor) == (0, 2, 15_000)
    assert (rows["2"].recency_days, rows["2"].frequency, rows["2"].monetary.minor) == (400, 0, 0)
    assert (rows["3"].frequency, rows["3"].monetary.minor) == (1, 3_000)
    assert rows["4"].recency_days is None and rows["4"].monetary.minor == -1_500 and rows["4"].stage == "prospect"
    assert (rows["5"].recency_days, rows["5"].monetary.minor) == (90, 8_000)
    assert rows["6"].r == rows["7"].r, "equal values, equal scores"
    assert (tmp_path / "a.csv").read_text().splitlines()[0] == ",".join(HEADER)


history_rows = st.lists(
    st.tuples(st.integers(0, 7), st.integers(-5, 800), st.integers(-5_000, 90_000)), min_size=1, max_size=40
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=history_rows)
def test_sql_aggregates_equal_the_numpy_definition(tmp_path_factory, rows: list[tuple[int, int, int]]) -> None:
    path = tmp_path_factory.mktemp("prop") / "t.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["patient_id", "date", "amount"])
        for pid, days, amount in rows:
            writer.writerow([f"p{pid}", (AS_OF - timedelta(days=days)).isoformat(), f"{amount / 100:.2f}"])
    store, names = load_into_memory(path, "GBP")
    try:
        with store.read() as uow:
            ids, values, _, _ = rfm_only(uow, AS_OF, ClinicRules())
    finally:
        store.dispose()
    index = {name: i for i, name in enumerate(names[int(pid)] for pid in ids)}
    p = np.array([index[f"p{pid}"] for pid, _, _ in rows])
    d = np.array([day_number(AS_OF - timedelta(days=days)) for _, days, _ in rows])
    a = np.array([amount for _, _, amount in rows])
    oracle = rfm_values(p, d, a, len(ids), day_number(AS_OF))
    assert values.recency.tolist() == oracle.recency.tolist()
    assert values.frequency.tolist() == oracle.frequency.tolist()
    assert values.monetary.tolist() == oracle.monetary.tolist()
