"""The snapshot's lifetime figures come from one scan of the paid events; each equals its plain definition,
computed here row by row from the same events on the demo clinic."""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from datetime import date

import numpy as np
from sqlalchemy import text

from dermadesk.analytics.rfm import rfm_values
from dermadesk.domain.dates import day_number
from dermadesk.domain.rules import ClinicRules
from dermadesk.services.clinic_snapshot import lifetime_values
from dermadesk.store.unit_of_work import Store

AS_OF = date(2026, 9, 30)  # a month before the demo ends: later events must be left out


def test_lifetime_figures_equal_their_definitions(demo_opened) -> None:  # type: ignore[no-untyped-def]
    rules = ClinicRules()
    day = day_number(AS_OF)
    store: Store = demo_opened.store
    with store.read() as uow:
        figures = lifetime_values(uow, AS_OF, rules)
        category = {t.id: t.category for t in uow.catalogue.treatments()}
        rows = uow.session.execute(
            text(
                "SELECT e.patient_id, e.day, e.amount_minor, e.treatment_type_id FROM timeline_events e "
                "JOIN patients p ON p.id = e.patient_id "
                "WHERE e.paid AND NOT e.voided AND e.day <= :day AND p.merged_into_id IS NULL "
                "AND p.erased_at IS NULL"
            ),
            {"day": day},
        ).all()
    ids = figures.patient_ids.tolist()
    assert len(rows) > 1000 and len(ids) > 250
    index = {pid: i for i, pid in enumerate(ids)}
    oracle = rfm_values(
        np.array([index[r[0]] for r in rows]),
        np.array([r[1] for r in rows]),
        np.array([r[2] for r in rows]),
        len(ids),
        day,
        rules.rfm.window_days,
    )
    for name in ("recency", "frequency", "monetary", "lifetime_spend", "first_day", "visits", "first_day_spend"):
        assert getattr(figures.values, name).tolist() == getattr(oracle, name).tolist(), name

    visit_days: dict[int, set[int]] = defaultdict(set)
    breadth: dict[int, set[object]] = defaultdict(set)
    latest: dict[int, tuple[int, int]] = {}
    for pid, event_day, amount, treatment in rows:
        if amount >= 0:
            visit_days[pid].add(event_day)
        if treatment is not None:
            latest[pid] = max(latest.get(pid, (-1, -1)), (event_day, treatment))
            if event_day > day - rules.rfm.window_days:
                breadth[pid].add(category[treatment])
    for pid, i in index.items():
        days = sorted(visit_days[pid])
        gaps = [b - a for a, b in itertools.pairwise(days)]
        median = figures.gaps.median[i]
        assert (statistics.median(gaps) == median) if gaps else np.isnan(median), pid
        assert figures.categories_12m[i] == len(breadth[pid]), pid
        assert (figures.last_treatment_day[i], figures.last_treatment_type[i]) == latest.get(pid, (-1, -1)), pid
    assert sum(1 for pid in ids if latest.get(pid)) > 100, "the demo has treated patients to check"
