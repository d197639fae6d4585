"""The authorisation matrix (tests/services/authorisation_matrix.py): every public service method × every role ×
own / other patient. 0 unauthorised successes (a refused call raises a permission error and writes no audit
entry), every allowed call succeeds and writes exactly the audit entries the matrix says, and a public service
method without a matrix entry fails."""

from __future__ import annotations

import dataclasses
import inspect
import itertools
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import get_type_hints

import pytest
from sqlalchemy import text

from dermadesk.domain.alerts import ACTIVE_STATUSES, Alert, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment
from dermadesk.domain.dates import day_number
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.patients import Patient
from dermadesk.domain.staff import BreakGlassSession, Role, StaffUser
from dermadesk.domain.tiers import TierOverride
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.patients import search_terms
from dermadesk.services.workspace import Services
from tests.conftest import FixedClock, copy_database, make_workspace
from tests.services.authorisation_matrix import EMERGENCY, MATRIX, OUT, ROLES
from tests.ui.conftest import _reviewed_template  # noqa: F401 - the session template, shared with the GUI tests

ACCOUNTS = {"reception": "lily", "practitioner": "dr.hart", "owner": "grace", EMERGENCY: "dr.hart"}


def public_methods() -> set[str]:
    """Every public method of every service Services builds: what the matrix must cover."""
    found = set()
    for name, kind in get_type_hints(Services).items():
        if name == "context":
            continue
        for method, _ in inspect.getmembers(kind, predicate=inspect.isfunction):
            if not method.startswith("_"):
                found.add(f"{name}.{method}")
    return found


class World:
    """Ids and fresh objects for the calls, made as the system straight through the repositories."""

    def __init__(self, opened: OpenedDatabase, clock: FixedClock) -> None:
        self.opened, self.clock = opened, clock
        self.system = make_workspace(clock).services(opened, SYSTEM_ACTOR)
        self.counter = 0
        self.now = clock.now()
        self.today = clock.today()
        self.tomorrow = datetime.combine(self.today + timedelta(days=1), time(10), tzinfo=UTC)
        self.review_day, self.month, self.next_month = date(2026, 10, 31), "2026-10", self.today + timedelta(days=30)
        with opened.store.read() as uow:
            staff = {u.username: u for u in uow.staff.all()}
        self.hart = staff["dr.hart"]
        own, other = self._own_and_other()
        self.patient_a, self.patient_b = own, other
        self.patient = own
        self.settings = self.system.clinic.settings()
        self.report = self.system.reports.monthly(self.month)
        self.template = self.system.packets.template_text("botulinum_toxin")

    def _own_and_other(self) -> tuple[int, int]:
        with self.opened.store.engine.connect() as conn:
            treated = {
                r[0]
                for r in conn.execute(
                    text("SELECT DISTINCT patient_id FROM timeline_events WHERE practitioner_id = :h"),
                    {"h": self.hart.id},
                )
            }
            every = [r[0] for r in conn.execute(text("SELECT id FROM patients WHERE merged_into_id IS NULL"))]
        return min(treated), next(p for p in every if p not in treated)

    def unique(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def detached(self, services: Services) -> Services:
        """Other services acting as the same person: for sign-in and sign-out, which change who is acting."""
        return make_workspace(self.clock).services(self.opened, services.context.actor)

    # fresh objects -----------------------------------------------------------------------------
    def record(self) -> Patient:
        with self.opened.store.read() as uow:
            return uow.patients.require(self.patient)

    def new_patient(self) -> int:
        patient = Patient("Matrix", self.unique("Duplicate"), phone="")
        with self.opened.store.write() as uow:
            return uow.patients.add(patient, search_terms(patient), self.now, None).id  # type: ignore[return-value]

    def new_staff(self) -> StaffUser:
        with self.opened.store.write() as uow:
            return uow.staff.add(StaffUser(self.unique("temp"), "Temp", Role.RECEPTIONIST), "x", self.now)

    def new_break_glass(self) -> int:
        with self.opened.store.write() as uow:
            made = uow.staff.add_break_glass(BreakGlassSession(self.hart.id, "matrix", "ws", self.now, self.now))  # type: ignore[arg-type]
        return made.id  # type: ignore[return-value]

    def new_appointment(self) -> Appointment:
        with self.opened.store.write() as uow:
            return uow.appointments.add(Appointment(self.patient, self.tomorrow), self.now)

    def consultation(self) -> TimelineEvent:
        when = self.now - timedelta(hours=1)
        return TimelineEvent(
            self.patient, EventKind.CONSULTATION, when, practitioner_id=self.hart.id, details={"outcome": "booked"}
        )

    def new_event(self) -> TimelineEvent:
        event = self.consultation()
        with self.opened.store.write() as uow:
            return uow.timeline.add(event, day_number(event.occurred_at.date()), self.now)

    def treatment_event(self) -> int:
        with self.opened.store.engine.connect() as conn:
            return conn.execute(
                text("SELECT id FROM timeline_events WHERE patient_id = :p AND kind = 'treatment' LIMIT 1"),
                {"p": self.patient},
            ).scalar_one()

    def new_override(self) -> int:
        with self.opened.store.write() as uow:
            made = uow.tiers.add_override(TierOverride(self.patient, "gold", "matrix", self.next_month), self.now)
        return made.id  # type: ignore[return-value]

    def new_alert(self) -> int:
        alert = Alert(self.patient, AlertRule.FALLING_VALUE, self.unique("matrix"), self.today)
        with self.opened.store.write() as uow:
            for left in uow.alerts.list(ACTIVE_STATUSES, patient_id=self.patient):  # one open alert per rule
                if left.rule is alert.rule:
                    uow.alerts.save(dataclasses.replace(left, status=AlertStatus.DISMISSED))
            return uow.alerts.add(alert).id  # type: ignore[return-value]


def services_for(role: str, opened: OpenedDatabase, clock: FixedClock) -> Services:
    services = make_workspace(clock).services(opened, None)
    if role != OUT:
        reason = "Matrix: emergency" if role == EMERGENCY else None
        services.staff.sign_in(ACCOUNTS[role], DEMO_PASSWORD, emergency_reason=reason)
    return services


def audit_count(opened: OpenedDatabase) -> int:
    with opened.store.read() as uow:
        return uow.audit.count()


@pytest.fixture
def world(_reviewed_template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[World]:  # noqa: F811
    opened = make_workspace(clock).open(copy_database(_reviewed_template, tmp_path / "matrix.db"))
    yield World(opened, clock)
    opened.close()


def test_every_public_service_method_has_a_matrix_entry() -> None:
    missing = sorted(public_methods() - set(MATRIX))
    assert missing == [], f"add these to tests/services/authorisation_matrix.py: {missing}"
    assert sorted(set(MATRIX) - public_methods()) == [], "matrix entries for methods that no longer exist"


@pytest.mark.slow
def test_every_method_every_role_own_and_other_patient(world: World) -> None:
    opened = world.opened
    sessions = {role: services_for(role, opened, world.clock) for role in ROLES}
    unauthorised_successes, wrongly_refused, failures, audit_mismatches = [], [], [], []
    calls = 0
    for (name, rule), role in itertools.product(MATRIX.items(), ROLES):
        for patient in (world.patient_a, world.patient_b) if rule.patient else (world.patient_a,):
            world.patient = patient
            services = sessions[role]
            prepared = rule.prepare(world) if rule.prepare else None
            before = audit_count(opened)
            case = f"{name} as {role} on {'own' if patient == world.patient_a else 'other'} patient"
            calls += 1
            try:
                rule.call(services, world, prepared)
            except DermaDeskError as error:
                wrote = audit_count(opened) - before
                if error.code is ErrorCode.PERMISSION_DENIED and role in rule.roles:
                    wrongly_refused.append(case)
                elif error.code is not ErrorCode.PERMISSION_DENIED and role not in rule.roles:
                    failures.append(f"{case}: {error.code.value} instead of a permission error")
                elif error.code is not ErrorCode.PERMISSION_DENIED:
                    failures.append(f"{case}: {error}")
                elif wrote:
                    audit_mismatches.append(f"{case}: a refused call wrote {wrote} audit entries")
                continue
            except Exception as error:  # a crash is a failure of its own, reported with the rest
                failures.append(f"{case}: {type(error).__name__}: {error}")
                continue
            if role not in rule.roles:
                unauthorised_successes.append(case)
                continue
            wrote = audit_count(opened) - before
            if wrote != rule.audits:
                audit_mismatches.append(f"{case}: {wrote} audit entries, the matrix says {rule.audits}")
    assert unauthorised_successes == []
    assert wrongly_refused == []
    assert failures == []
    assert audit_mismatches == []
    assert calls > 500


def test_the_own_and_other_patients_really_differ_for_the_practitioner(world: World) -> None:
    with world.opened.store.engine.connect() as conn:

        def treated_by_hart(pid: int) -> int:
            return conn.execute(
                text("SELECT count(*) FROM timeline_events WHERE patient_id = :p AND practitioner_id = :h"),
                {"p": pid, "h": world.hart.id},
            ).scalar_one()

        assert treated_by_hart(world.patient_a) > 0 and treated_by_hart(world.patient_b) == 0


def test_a_receptionist_is_refused_clinical_note_edits_settings_and_reports(world: World) -> None:
    lily = services_for("reception", world.opened, world.clock)
    note = world.new_event()  # a consultation: the clinical note of a visit
    before = audit_count(world.opened)
    for name, call in {
        "clinical note edit": lambda: lily.timeline.edit(dataclasses.replace(note, summary="changed")),
        "settings change": lambda: lily.clinic.save_settings(world.settings),
        "monthly report": lambda: lily.reports.monthly(world.month),
        "tier review": lambda: lily.tiers.run_review(world.review_day),
    }.items():
        with pytest.raises(DermaDeskError) as caught:
            call()
        assert caught.value.code is ErrorCode.PERMISSION_DENIED, name
        assert caught.value.details["role"] == "receptionist", name
    assert audit_count(world.opened) == before
    with world.opened.store.read() as uow:
        assert uow.timeline.get(note.id).summary == note.summary  # type: ignore[arg-type, union-attr]
