"""Roles are enforced by the services: a receptionist is refused clinical edits, settings and reports, and
nothing is written; a practitioner may record the clinical entries."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta
from types import MappingProxyType

import pytest

from dermadesk.domain.catalogue import TreatmentCategory, TreatmentType
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.money import Money
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.services.workspace import Services
from tests.conftest import FixedClock, make_workspace


@pytest.fixture
def owner(demo_opened: OpenedDatabase, clock: FixedClock) -> Services:
    return make_workspace(clock).services(demo_opened, SYSTEM_ACTOR)


def signed_in(opened: OpenedDatabase, clock: FixedClock, username: str) -> Services:
    services = make_workspace(clock).services(opened, None)
    services.staff.sign_in(username, DEMO_PASSWORD)
    return services


def clinical_entries(owner: Services, clock: FixedClock) -> dict[str, Callable[[Services], object]]:
    """Each clinical edit as a call to make with someone's services, with valid input."""
    patient_id = owner.patients.search("a")[0]
    treatment = owner.catalogue.treatments()[0]
    hart = next(u for u in owner.staff.all() if u.username == "dr.hart")
    when = clock.now() - timedelta(hours=2)
    treated = TimelineEvent(
        patient_id,
        EventKind.TREATMENT,
        when,
        amount=Money(treatment.default_price_minor, "GBP"),
        treatment_type_id=treatment.id,
        practitioner_id=hart.id,
    )
    consulted = TimelineEvent(
        patient_id,
        EventKind.CONSULTATION,
        when,
        practitioner_id=hart.id,
        details=MappingProxyType({"outcome": "booked"}),
    )
    reading = ReadingSession(patient_id, when, {"hydration": 31.0, "sebum": 120.0}, device="Test scanner")
    return {
        "treatment": lambda s: s.timeline.add(treated),
        "consultation": lambda s: s.timeline.add(consulted),
        "reading": lambda s: s.readings.add_session(reading),
    }


def what_is_stored(owner: Services, patient_id: int) -> tuple[object, ...]:
    return (
        len(owner.timeline.page(patient_id, limit=5000)),
        len(owner.readings.sessions(patient_id)),
        owner.clinic.settings(),
        owner.catalogue.treatments(include_inactive=True),
        owner.staff.all(),
        owner.tiers.reviews(),
    )


def test_a_receptionist_is_refused_clinical_edits_settings_and_reports_and_nothing_is_written(
    demo_opened: OpenedDatabase, clock: FixedClock, owner: Services
) -> None:
    lily = signed_in(demo_opened, clock, "lily")
    patient_id = owner.patients.search("a")[0]
    settings = owner.clinic.settings()
    refused: dict[str, Callable[[Services], object]] = {
        **clinical_entries(owner, clock),
        "save settings": lambda s: s.clinic.save_settings(dataclasses.replace(settings, name="Renamed")),
        "save treatment": lambda s: s.catalogue.save_treatment(
            TreatmentType("new_peel", "New peel", TreatmentCategory.PEELS, 9000)
        ),
        "add staff": lambda s: s.staff.add(StaffUser("eve", "Eve", Role.OWNER), "a long password"),
        "run review": lambda s: s.tiers.run_review(clock.today()),
        "rfm export": lambda s: s.rfm.export(clock.today()),
    }
    before = what_is_stored(owner, patient_id)
    for name, call in refused.items():
        with pytest.raises(DermaDeskError) as caught:
            call(lily)
        assert caught.value.code is ErrorCode.PERMISSION_DENIED, name
        assert caught.value.details["role"] == "receptionist", name
    assert what_is_stored(owner, patient_id) == before


def test_a_practitioner_may_add_treatments_consultations_and_readings(
    demo_opened: OpenedDatabase, clock: FixedClock, owner: Services
) -> None:
    hart = signed_in(demo_opened, clock, "dr.hart")
    patient_id = owner.patients.search("a")[0]
    events_before = len(owner.timeline.page(patient_id, limit=5000))
    sessions_before = len(owner.readings.sessions(patient_id))
    for call in clinical_entries(owner, clock).values():
        call(hart)
    # the treatment, the consultation, and the skin-test entry that comes with the reading session
    assert len(owner.timeline.page(patient_id, limit=5000)) == events_before + 3
    assert len(owner.readings.sessions(patient_id)) == sessions_before + 1


def test_a_practitioner_is_refused_settings_and_reports_too(
    demo_opened: OpenedDatabase, clock: FixedClock, owner: Services
) -> None:
    hart = signed_in(demo_opened, clock, "dr.hart")
    for call in (
        lambda: hart.clinic.save_settings(owner.clinic.settings()),
        lambda: hart.tiers.run_review(clock.today()),
        lambda: hart.staff.add(StaffUser("eve", "Eve", Role.RECEPTIONIST), "a long password"),
    ):
        with pytest.raises(DermaDeskError) as caught:
            call()
        assert caught.value.code is ErrorCode.PERMISSION_DENIED


def test_a_receptionist_cannot_rewrite_or_remove_a_clinical_entry(demo_opened, clock) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from dermadesk.domain.errors import DermaDeskError, ErrorCode
    from dermadesk.domain.timeline import EventKind
    from dermadesk.services.demo import DEMO_PASSWORD
    from tests.conftest import make_workspace

    services = make_workspace(clock).services(demo_opened, None)
    services.staff.sign_in("lily", DEMO_PASSWORD)
    pid = next(p for p in range(1, 300) if services.timeline.kinds_count(p).get(EventKind.TREATMENT))
    treatment = services.timeline.page(pid, kinds=[EventKind.TREATMENT])[0]
    for attempt in (
        dataclasses.replace(treatment, kind=EventKind.NOTE, summary="changed", amount=None),
        dataclasses.replace(treatment, summary="changed"),
    ):
        with pytest.raises(DermaDeskError) as caught:
            services.timeline.edit(attempt)
        assert caught.value.code is ErrorCode.PERMISSION_DENIED
    with pytest.raises(DermaDeskError):
        services.timeline.void(treatment)
    assert services.timeline.page(pid, kinds=[EventKind.TREATMENT])[0] == treatment
