"""The demo clinic: believable, and the same seed gives the same clinic."""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from dermadesk.domain.appointments import AppointmentStatus
from dermadesk.domain.timeline import EventKind
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.demo import DEMO_SETTINGS, DemoSpec
from dermadesk.store.backup import content_hash
from dermadesk.store.tables import AppointmentRow, PatientRow, TimelineEventRow
from tests.conftest import DEMO_END, FixedClock, make_workspace

CLOCK = FixedClock(datetime(2026, 11, 1, 9, 0, tzinfo=UTC))


def build(path: Path, patients: int, seed: int) -> str:
    workspace = make_workspace(CLOCK)
    opened = workspace.open(path, create=True, settings=DEMO_SETTINGS)
    workspace.services(opened, SYSTEM_ACTOR).demo.generate(DemoSpec(patients, seed=seed, end=DEMO_END))
    digest = content_hash(opened.store.engine, exclude=("audit_chain_key",))  # each file's own secret
    opened.close()
    return digest


def test_same_seed_same_clinic_other_seed_other_clinic(tmp_path: Path) -> None:
    first = build(tmp_path / "a.db", 120, seed=5)
    second = build(tmp_path / "b.db", 120, seed=5)
    third = build(tmp_path / "c.db", 120, seed=6)
    assert first == second
    assert first != third


def test_a_2000_patient_demo_is_a_believable_clinic(tmp_path: Path) -> None:
    started = time.perf_counter()
    workspace = make_workspace(CLOCK)
    opened = workspace.open(tmp_path / "demo.db", create=True, settings=DEMO_SETTINGS)
    summary = workspace.services(opened, SYSTEM_ACTOR).demo.generate(DemoSpec(2000, seed=1, end=DEMO_END))
    elapsed = time.perf_counter() - started
    print(f"2,000-patient demo in {elapsed:.1f} s: {summary}")
    assert summary.patients >= 2000
    with opened.store.read() as uow:
        s = uow.session
        kinds = Counter(
            dict(s.execute(select(TimelineEventRow.kind, func.count()).group_by(TimelineEventRow.kind)).all())
        )
        names = [g + f for g, f in s.execute(select(PatientRow.given_name, PatientRow.family_name))]
        statuses = Counter(
            dict(s.execute(select(AppointmentRow.status, func.count()).group_by(AppointmentRow.status)).all())
        )
        last_visit = dict(
            s.execute(
                select(TimelineEventRow.patient_id, func.max(TimelineEventRow.day))
                .where(TimelineEventRow.paid)
                .group_by(TimelineEventRow.patient_id)
            ).all()
        )
        nps = [
            d.get("nps")
            for (d,) in s.execute(
                select(TimelineEventRow.details).where(TimelineEventRow.kind == EventKind.SURVEY.value)
            )
        ]
        phones = Counter(p for (p,) in s.execute(select(PatientRow.phone)))
    opened.close()
    for kind in (
        "treatment",
        "purchase",
        "package",
        "message",
        "call",
        "survey",
        "referral",
        "skin_test",
        "no_show",
        "consultation",
    ):
        assert kinds[kind] > 0, kind
    assert kinds["treatment"] > 3 * summary.patients / 2
    scripts = {
        "cjk": any("\u4e00" <= ch <= "\u9fff" for n in names for ch in n),
        "hangul": any("\uac00" <= ch <= "\ud7af" for n in names for ch in n),
        "cyrillic": any("\u0400" <= ch <= "\u04ff" for n in names for ch in n),
        "greek": any("\u0370" <= ch <= "\u03ff" for n in names for ch in n),
        "arabic": any("\u0600" <= ch <= "\u06ff" for n in names for ch in n),
    }
    assert all(scripts.values()), scripts
    assert statuses[AppointmentStatus.NO_SHOW.value] > 0 and statuses[AppointmentStatus.BOOKED.value] > 0
    assert sum(1 for n in nps if n is not None and n <= 6) > 0, "some detractors"
    assert any(count > 1 for count in phones.values()), "a few duplicate registrations"
    end_day = (DEMO_END - datetime(1970, 1, 1).date()).days
    churned = sum(1 for day in last_visit.values() if end_day - day > 365)
    assert churned > summary.patients * 0.05, "patients who have gone"
    assert elapsed < 60
