"""Builds a big encrypted clinic fast for benchmarks: bulk inserts from numpy arrays, indexes after."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sqlalchemy import text

from dermadesk.domain.dates import day_number
from dermadesk.services.database import OpenedDatabase
from dermadesk.store.tables import Base

DROP_DURING_LOAD = ("ix_timeline_paid", "ix_timeline_patient_time", "ix_timeline_kind_patient", "ix_timeline_lot")


def build_clinic(opened: OpenedDatabase, patients: int, events: int, as_of: str, seed: int = 1) -> float:
    """Fill an empty migrated database with `patients` and `events` paid visits over three years."""
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    end = day_number(datetime.fromisoformat(as_of).date())
    now = datetime(2026, 1, 1, tzinfo=UTC).replace(tzinfo=None).isoformat(sep=" ")
    table = Base.metadata.tables["timeline_events"]
    index_sql = {}
    with opened.store.engine.begin() as conn:
        raw = conn.connection.driver_connection
        for name in DROP_DURING_LOAD:
            index_sql[name] = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
            raw.execute(f"DROP INDEX {name}")
        raw.executemany(
            "INSERT INTO patients (id, given_name, family_name, preferred_name, name_latin, sort_name, phone, email,"
            " address, preferred_language, preferred_channel, concerns, allergies, contraindications, medications,"
            " created_at, updated_at, version) VALUES (?, 'P', ?, '', '', ?, '', '', '', 'en', 'phone', '[]', '',"
            " '[]', '', ?, ?, 1)",
            ((i, f"Patient{i}", f"patient{i}", now, now) for i in range(1, patients + 1)))
        # visit-prone patients: a heavy-tailed number of visits per patient
        weights = rng.gamma(0.6, 1.0, patients)
        owner = rng.choice(patients, size=events, p=weights / weights.sum()) + 1
        day = end - rng.integers(0, 3 * 365, events)
        amount = (rng.lognormal(9.5, 0.6, events) // 100 * 100).astype(np.int64)
        amount[rng.random(events) < 0.003] *= -1  # a few refunds
        at = [datetime.fromtimestamp(int(d) * 86400 + 43200, UTC).replace(tzinfo=None).isoformat(sep=" ")
              for d in range(end - 3 * 365, end + 1)]
        base = end - 3 * 365
        raw.executemany(
            "INSERT INTO timeline_events (patient_id, kind, occurred_at, day, paid, amount_minor, summary, "
            "lot_number, details, recorded_at, version, voided) VALUES (?, 'treatment', ?, ?, 1, ?, '', '', '{}', ?, 1, 0)",
            ((int(p), at[int(d) - base], int(d), int(a), at[int(d) - base])
             for p, d, a in zip(owner, day, amount, strict=True)))
        for sql in index_sql.values():
            raw.execute(sql)
        raw.execute("ANALYZE")
    del table
    return time.perf_counter() - started


def vacuum_into_cache(opened: OpenedDatabase) -> None:
    with opened.store.engine.connect() as conn:
        conn.execute(text("SELECT count(*) FROM timeline_events")).scalar()
