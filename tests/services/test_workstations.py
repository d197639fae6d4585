"""Two workstations on one clinic (two engines over the same file or server database), racing: every round one
save wins, the other is refused naming who changed it and when, and nothing is lost."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from dermadesk.domain.alerts import Alert, AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.workspace import Services
from dermadesk.store.tables import TierReviewRow, TimelineEventRow
from tests.conftest import FixedClock, make_workspace

ROUNDS = 50


def second_workstation(opened: OpenedDatabase, clock: FixedClock) -> OpenedDatabase:
    """The same clinic opened again, as another PC would: its own engine and connections."""
    location = f"postgresql+psycopg://{opened.server}" if opened.server else opened.path
    assert location is not None
    return make_workspace(clock).open(location)


@pytest.fixture
def desks(demo_opened: OpenedDatabase, clock: FixedClock) -> Iterator[tuple[Services, Services]]:
    """Lily at reception and Grace in her office, each signed in on her own workstation."""
    other = second_workstation(demo_opened, clock)
    reception = make_workspace(clock).services(demo_opened, None)
    reception.staff.sign_in("lily", DEMO_PASSWORD)
    office = make_workspace(clock).services(other, None)
    office.staff.sign_in("grace", DEMO_PASSWORD)
    yield reception, office
    other.close()


def race(*actions: Callable[[], object]) -> list[tuple[str, object]]:
    """Run the actions at the same moment on their own threads: ('saved', result) or ('refused', error)."""
    barrier = threading.Barrier(len(actions))
    results: list[tuple[str, object]] = [("missing", None)] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        barrier.wait()
        try:
            results[index] = ("saved", action())
        except DermaDeskError as error:
            results[index] = ("refused", error)

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_saves_of_one_patient_one_wins_each_round_and_none_is_lost(desks: tuple[Services, Services]) -> None:
    reception = desks[0]
    patient_id = reception.patients.search("a")[0]
    start = reception.patients.get(patient_id).version
    names = {0: "Lily", 1: "Grace"}
    for round_number in range(ROUNDS):
        seen = [desk.patients.get(patient_id) for desk in desks]  # both open the profile on the same version
        typed = [f"020 7946 {round_number:02d}{desk}{desk}" for desk in range(2)]
        edits = [dataclasses.replace(seen[d], phone=typed[d]) for d in range(2)]
        results = race(*(lambda d=d, edit=edits[d]: desks[d].patients.update(edit) for d in range(2)))
        outcomes = [kind for kind, _ in results]
        assert sorted(outcomes) == ["refused", "saved"], f"round {round_number}: {results}"
        winner = outcomes.index("saved")
        refusal = results[1 - winner][1]
        assert isinstance(refusal, DermaDeskError) and refusal.code is ErrorCode.CONFLICT
        assert re.search(rf"changed by {names[winner]}\b.* at \d\d:\d\d", str(refusal)), str(refusal)
        stored = reception.patients.get(patient_id)
        assert stored.phone == results[winner][1].phone  # type: ignore[attr-defined]  # the winner's, whole
    assert reception.patients.get(patient_id).version == start + ROUNDS  # every round's one save is kept


def test_an_alert_handled_on_two_workstations_at_once_is_handled_once(
    desks: tuple[Services, Services], demo_opened: OpenedDatabase
) -> None:
    reception, office = desks
    with demo_opened.store.write() as uow:
        patients = uow.session.scalars(select(TimelineEventRow.patient_id).distinct().limit(ROUNDS)).all()
        alerts = [
            uow.alerts.add(Alert(pid, AlertRule.OVERDUE_FOLLOW_UP, f"race-{pid}", date(2026, 10, 31)))
            for pid in patients
        ]
    assert len(alerts) == ROUNDS
    for alert in alerts:
        results = race(
            lambda a=alert: reception.alerts.resolve(a.id, AlertOutcome.NO_ANSWER, "called", version=a.version),
            lambda a=alert: office.alerts.resolve(a.id, AlertOutcome.DECLINED, "not now", version=a.version),
        )
        assert sorted(kind for kind, _ in results) == ["refused", "saved"], results
    with demo_opened.store.read() as uow:
        for alert in alerts:
            assert uow.alerts.get(alert.id).status is AlertStatus.RESOLVED  # type: ignore[arg-type,union-attr]
        handled = uow.session.scalar(select(func.count()).where(TimelineEventRow.alert_id.in_([a.id for a in alerts])))
    assert handled == ROUNDS  # one "alert handled" entry on each timeline, never two


def test_two_tier_reviews_of_one_month_run_one_after_the_other(
    desks: tuple[Services, Services], demo_opened: OpenedDatabase
) -> None:
    _reception, office = desks
    owner = make_workspace().services(demo_opened, None)
    owner.staff.sign_in("grace", DEMO_PASSWORD)
    results = race(
        lambda: owner.tiers.run_review(date(2026, 10, 31)), lambda: office.tiers.run_review(date(2026, 10, 31))
    )
    assert [kind for kind, _ in results] == ["saved", "saved"], results  # the second waited, then replaced
    with demo_opened.store.read() as uow:
        months = uow.session.scalar(select(func.count()).where(TierReviewRow.month == "2026-10"))
    assert months == 1


def test_two_settings_sections_saved_at_once_both_keep_their_change(
    desks: tuple[Services, Services], demo_opened: OpenedDatabase
) -> None:
    _reception, office = desks
    owner = make_workspace().services(demo_opened, None)
    owner.staff.sign_in("grace", DEMO_PASSWORD)
    for round_number in range(20):
        phone, email = f"020 7946 1{round_number:03d}", f"desk{round_number}@clinic.example"
        results = race(
            lambda p=phone: owner.clinic.change_settings(lambda s: dataclasses.replace(s, phone=p)),
            lambda e=email: office.clinic.change_settings(lambda s: dataclasses.replace(s, email=e)),
        )
        assert [kind for kind, _ in results] == ["saved", "saved"], results
        stored = owner.clinic.settings()
        assert (stored.phone, stored.email) == (phone, email)  # neither section undid the other
