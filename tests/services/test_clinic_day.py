"""A scripted clinic day through the services: reception, a practitioner and the owner create, view, edit, print
and export patient data, and some sign-ins fail. Every patient-data call wrote exactly one audit entry, by the
right person, about the right patient, with the right action.

The day is a plain list of steps. Backup, restore and the privacy exports belong to other parts of the app: each
is one more Step line (who, what it does, the audit action it must leave), e.g.
    Step("owner backs up", OWNER, lambda d: d.owner.backups.create(d.tmp / "b"), AuditAction.BACKUP),
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from dermadesk.domain.alerts import Alert, AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.audit import AuditAction, AuditEvent, AuditFilter
from dermadesk.domain.errors import DermaDeskError
from dermadesk.domain.import_columns import ImportKind
from dermadesk.domain.money import Money
from dermadesk.domain.patients import ConsentKind, Patient
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.workspace import Services
from tests.conftest import FixedClock, make_workspace

RECEPTION, PRACTITIONER, OWNER, NOBODY = "lily", "dr.hart", "grace", None


class Day:
    """The day's people (one workstation each) and what the steps made, for the steps after them."""

    def __init__(self, opened: OpenedDatabase, clock: FixedClock, tmp: Path) -> None:
        self.opened, self.clock, self.tmp = opened, clock, tmp
        self.desk = self._station("FRONT-DESK")
        self.room = self._station("ROOM-2")
        self.office = self._station("OFFICE")
        self.kiosk = self._station("FRONT-DESK")  # the same desk's second screen, nobody signed in
        self.made: dict[str, Any] = {}
        self.today = clock.today()

    def _station(self, name: str) -> Services:
        services = make_workspace(self.clock).services(self.opened, None)
        services.context.workstation = name
        return services

    @property
    def lily(self) -> Services:
        return self.desk

    @property
    def hart(self) -> Services:
        return self.room

    @property
    def owner(self) -> Services:
        return self.office

    def keep(self, key: str, value: Any) -> Any:
        self.made[key] = value
        return value

    def at(self, hours: int, minutes: int = 0) -> datetime:
        return datetime.combine(self.today, time(hours, minutes), tzinfo=UTC)


@dataclass(frozen=True)
class Step:
    label: str
    who: str | None  # the username whose entry it must be (None: nobody signed in, e.g. an unknown user)
    call: Callable[[Day], object]
    action: AuditAction  # the one audit entry it must leave
    patient: Callable[[Day], int | None] = lambda d: None  # the patient the entry must name, when there is one
    fails: bool = False  # a sign-in failure: the call raises, and still leaves its entry


def _patient(d: Day) -> int:
    return d.made["patient"].id


def _wrong_sign_in(services: Services, username: str) -> None:
    services.staff.sign_in(username, "not the password")


def _treatment(d: Day) -> TimelineEvent:
    treatment = next(t for t in d.hart.catalogue.treatments() if t.code == "botox")
    return TimelineEvent(
        _patient(d),
        EventKind.TREATMENT,
        d.at(10, 0),
        amount=Money(treatment.default_price_minor, "GBP"),
        treatment_type_id=treatment.id,
        practitioner_id=d.hart.context.actor.id,  # type: ignore[union-attr]
        summary="Botox, forehead",
    )


def _raise_alert(d: Day) -> int:
    """The nightly run's work for one patient, so the inbox has something of hers to work."""
    with d.opened.store.write() as uow:
        return uow.alerts.add(Alert(_patient(d), AlertRule.OVERDUE_FOLLOW_UP, "day", d.today)).id  # type: ignore[return-value]


CLINIC_DAY: list[Step] = [
    # 08:30 reception opens up
    Step(
        "lily mistypes her password",
        RECEPTION,
        lambda d: _wrong_sign_in(d.lily, "lily"),
        AuditAction.SIGN_IN_FAILED,
        fails=True,
    ),
    Step("lily signs in", RECEPTION, lambda d: d.lily.staff.sign_in("lily", DEMO_PASSWORD), AuditAction.SIGN_IN),
    Step("today's list", RECEPTION, lambda d: d.lily.appointments.day_list(d.today), AuditAction.VIEW),
    Step(
        "someone tries an account that does not exist",
        NOBODY,
        lambda d: _wrong_sign_in(d.kiosk, "admin"),
        AuditAction.SIGN_IN_FAILED,
        fails=True,
    ),
    Step(
        "lily signs in again after that",
        RECEPTION,
        lambda d: d.lily.staff.sign_in("lily", DEMO_PASSWORD),
        AuditAction.SIGN_IN,
    ),
    Step(
        "a new patient: duplicates check",
        RECEPTION,
        lambda d: d.lily.patients.likely_duplicates(Patient("Mara", "Quince", phone="+447700900555")),
        AuditAction.VIEW,
    ),
    Step(
        "registers her with consents",
        RECEPTION,
        lambda d: d.keep(
            "patient",
            d.lily.patients.register(
                Patient("Mara", "Quince", phone="+447700900555"),
                {ConsentKind.TREATMENT: True, ConsentKind.MARKETING_EMAIL: False},
            ),
        ),
        AuditAction.CREATE,
        _patient,
    ),
    Step(
        "finds her in the list",
        RECEPTION,
        lambda d: d.lily.directory.summaries(d.lily.patients.search("quince")),
        AuditAction.VIEW,
        _patient,
    ),
    Step("opens her profile", RECEPTION, lambda d: d.lily.directory.profile(_patient(d)), AuditAction.VIEW, _patient),
    Step(
        "books her in",
        RECEPTION,
        lambda d: d.keep("appointment", d.lily.appointments.book(Appointment(_patient(d), d.at(11)))),
        AuditAction.CREATE,
        _patient,
    ),
    Step(
        "edits her address",
        RECEPTION,
        lambda d: d.keep("patient", d.lily.patients.update(dataclasses.replace(d.made["patient"], address="3 Quay"))),
        AuditAction.UPDATE,
        _patient,
    ),
    # 10:00 the treatment room
    Step(
        "dr hart mistypes too",
        PRACTITIONER,
        lambda d: _wrong_sign_in(d.hart, "dr.hart"),
        AuditAction.SIGN_IN_FAILED,
        fails=True,
    ),
    Step(
        "dr hart signs in", PRACTITIONER, lambda d: d.hart.staff.sign_in("dr.hart", DEMO_PASSWORD), AuditAction.SIGN_IN
    ),
    Step("reads her timeline", PRACTITIONER, lambda d: d.hart.timeline.page(_patient(d)), AuditAction.VIEW, _patient),
    Step(
        "and its filter counts",
        PRACTITIONER,
        lambda d: d.hart.timeline.kinds_count(_patient(d)),
        AuditAction.VIEW,
        _patient,
    ),
    Step("her consents", PRACTITIONER, lambda d: d.hart.patients.consents(_patient(d)), AuditAction.VIEW, _patient),
    Step(
        "records the treatment",
        PRACTITIONER,
        lambda d: d.keep("treatment", d.hart.timeline.add(_treatment(d))),
        AuditAction.CREATE,
        _patient,
    ),
    Step(
        "records skin readings",
        PRACTITIONER,
        lambda d: d.hart.readings.add_session(ReadingSession(_patient(d), d.at(10, 5), {"hydration": 33.0})),
        AuditAction.CREATE,
        _patient,
    ),
    Step(
        "looks at the readings",
        PRACTITIONER,
        lambda d: d.hart.readings.sessions(_patient(d)),
        AuditAction.VIEW,
        _patient,
    ),
    Step(
        "corrects the treatment note",
        PRACTITIONER,
        lambda d: d.keep(
            "treatment",
            d.hart.timeline.edit(dataclasses.replace(d.made["treatment"], summary="Botox, forehead and glabella")),
        ),
        AuditAction.UPDATE,
        _patient,
    ),
    Step(
        "checks the earlier version",
        PRACTITIONER,
        lambda d: d.hart.timeline.revisions(d.made["treatment"].id),
        AuditAction.VIEW,
        _patient,
    ),
    # 10:30 the front desk prints and closes the visit
    Step(
        "previews the after-care packet",
        RECEPTION,
        lambda d: d.keep("packet", d.lily.packets.aftercare(d.made["treatment"].id)),
        AuditAction.VIEW,
        _patient,
    ),
    Step(
        "prints it", RECEPTION, lambda d: d.lily.packets.record_printed(d.made["packet"]), AuditAction.PRINT, _patient
    ),
    Step(
        "marks the visit attended",
        RECEPTION,
        lambda d: d.lily.appointments.mark(d.made["appointment"], AppointmentStatus.ATTENDED),
        AuditAction.UPDATE,
        _patient,
    ),
    Step(
        "her appointments",
        RECEPTION,
        lambda d: d.lily.appointments.for_patient(_patient(d)),
        AuditAction.VIEW,
        _patient,
    ),
    Step("the alerts inbox", RECEPTION, lambda d: (_raise_alert(d), d.lily.alerts.inbox())[1], AuditAction.VIEW),
    Step(
        "calls about her alert",
        RECEPTION,
        lambda d: d.lily.alerts.log_call(_alert_of(d), "left a message"),
        AuditAction.CREATE,
        _patient,
    ),
    Step(
        "resolves it",
        RECEPTION,
        lambda d: d.lily.alerts.resolve(_alert_of(d), AlertOutcome.REBOOKED),
        AuditAction.UPDATE,
        _patient,
    ),
    Step(
        "a welcome pack",
        RECEPTION,
        lambda d: d.lily.packets.onboarding(_patient(d), record=True),
        AuditAction.PRINT,
        _patient,
    ),
    # 17:00 the owner's office
    Step("grace mistypes", OWNER, lambda d: _wrong_sign_in(d.owner, "grace"), AuditAction.SIGN_IN_FAILED, fails=True),
    Step("grace signs in", OWNER, lambda d: d.owner.staff.sign_in("grace", DEMO_PASSWORD), AuditAction.SIGN_IN),
    Step("her tiers", OWNER, lambda d: d.owner.tiers.patient(_patient(d)), AuditAction.VIEW, _patient),
    Step("exports RFM figures", OWNER, lambda d: d.owner.rfm.export(date(2026, 10, 31)), AuditAction.EXPORT),
    Step(
        "reads the audit log about her",
        OWNER,
        lambda d: d.owner.audit.page(AuditFilter(patient_id=_patient(d))),
        AuditAction.VIEW,
        _patient,
    ),
    Step(
        "exports the day's audit log", OWNER, lambda d: d.owner.audit.export_csv(d.today, d.today), AuditAction.EXPORT
    ),
    Step(
        "her copy of her data, asked for by letter",
        OWNER,
        lambda d: d.owner.privacy.access_export(_patient(d)),
        AuditAction.EXPORT,
        _patient,
    ),
    Step(
        "she withdraws marketing consent",
        OWNER,
        lambda d: d.owner.privacy.withdraw_marketing(_patient(d)),
        AuditAction.UPDATE,
        _patient,
    ),
    Step(
        "imports a referral list",
        OWNER,
        lambda d: d.owner.imports.run(ImportKind.PATIENTS, _import_file(d)),
        AuditAction.CREATE,
    ),
]


def _import_file(d: Day) -> Path:
    path = d.tmp / "referrals.csv"
    path.write_text("given_name,family_name,phone\nRuth,Okafor,07700 900456\n", encoding="utf-8")
    return path


def _alert_of(d: Day) -> int:
    """Her open alert's id, as the inbox row holds it (read past the services: the lookup is not a step)."""
    with d.opened.store.read() as uow:
        return next(a.id for a in uow.alerts.list([AlertStatus.OPEN], patient_id=_patient(d)))  # type: ignore[return-value]


def _entries_after(opened: OpenedDatabase, last_id: int) -> list[AuditEvent]:
    with opened.store.read() as uow:
        return [e for e, _ in uow.audit.chain() if e.id > last_id]  # type: ignore[operator]


def test_every_patient_data_call_of_a_clinic_day_wrote_exactly_one_audit_entry(
    demo_opened: OpenedDatabase, clock: FixedClock, tmp_path: Path
) -> None:
    day = Day(demo_opened, clock, tmp_path)
    staff_ids = {u.username: u.id for u in make_workspace(clock).services(demo_opened, SYSTEM_ACTOR).staff.all()}
    with demo_opened.store.read() as uow:
        last = uow.audit.count()  # ids run 1, 2, 3 …
    wrong = []
    for step in CLINIC_DAY:
        clock.moment += timedelta(minutes=5)
        if step.fails:
            with pytest.raises(DermaDeskError):
                step.call(day)
        else:
            step.call(day)
        written = _entries_after(demo_opened, last)
        if len(written) != 1:
            wrong.append(f"{step.label}: {len(written)} entries {[(e.action.value, e.object_type) for e in written]}")
            last = max([last, *(e.id for e in written)])  # type: ignore[type-var]
            continue
        entry = written[0]
        last = entry.id  # type: ignore[assignment]
        # a failed sign-in has nobody acting yet: its entry names the account tried (the unknown one by name)
        expected_staff = staff_ids[step.who] if step.who and not step.fails else None
        if step.fails and entry.object_id != (str(staff_ids[step.who]) if step.who else "admin"):
            wrong.append(f"{step.label}: names account {entry.object_id}")
        expected_patient = step.patient(day)
        if (entry.action, entry.staff_id, entry.at) != (step.action, expected_staff, clock.now()):
            wrong.append(f"{step.label}: {entry.action.value} by {entry.staff_id} at {entry.at}")
        if expected_patient is not None and entry.patient_id != expected_patient:
            wrong.append(f"{step.label}: names patient {entry.patient_id}, not {expected_patient}")
        if entry.workstation not in {"FRONT-DESK", "ROOM-2", "OFFICE"}:
            wrong.append(f"{step.label}: from {entry.workstation!r}")
    assert wrong == []
    assert make_workspace(clock).services(demo_opened, SYSTEM_ACTOR).audit.verify() is None
