"""Every aggregate round-trips through its repository as domain values; money is never a float."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Integer

from dermadesk.domain.alerts import Alert, AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.audit import AuditAction, AuditEvent
from dermadesk.domain.catalogue import TreatmentCategory, TreatmentType
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.money import Money
from dermadesk.domain.patients import (
    AcquisitionSource,
    Consent,
    ConsentKind,
    ContactChannel,
    Patient,
    Sex,
    current_consents,
)
from dermadesk.domain.readings import ConcernWhen, Metric, Photo, ReadingSession
from dermadesk.domain.rules import ClinicRules, Scoring
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.tiers import TierChange, TierChangeReason, TierOverride, TierReview
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.store.tables import Base
from tests.pg_server import ENGINES


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    """This suite runs on the encrypted file and on the PostgreSQL test server."""
    return str(request.param)


NOW = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)

FULL_PATIENT = Patient(
    "Zoë",
    "Łukasiewicz",
    preferred_name="Zo",
    name_latin="",
    date_of_birth=date(1988, 4, 12),
    sex=Sex.FEMALE,
    phone="+447700900123",
    email="zoe@example.com",
    address="1 High St",
    preferred_language="pl",
    preferred_channel=ContactChannel.SMS,
    skin_type=3,
    concerns=("acne", "melasma"),
    allergies="Lidocaine",
    contraindications=("pregnancy",),
    medications="None",
    acquisition_source=AcquisitionSource.SOCIAL,
    first_contact_on=date(2024, 1, 5),
    external_id="EXT-1",
)


def add_patient(uow, patient: Patient = FULL_PATIENT) -> Patient:  # type: ignore[no-untyped-def]
    return uow.patients.add(patient, [("name", "zoe")], NOW, None)


def test_patient_round_trips_with_every_field(opened) -> None:
    with opened.store.write() as uow:
        saved = add_patient(uow)
    with opened.store.read() as uow:
        loaded = uow.patients.require(saved.id)
    expected = dataclasses.replace(FULL_PATIENT, id=saved.id, created_at=NOW, updated_at=NOW, version=1)
    assert loaded == expected


def test_a_stale_patient_edit_is_refused_and_nothing_is_lost(opened) -> None:
    with opened.store.write() as uow:
        saved = add_patient(uow)
    with opened.store.write() as uow:
        uow.patients.update(dataclasses.replace(saved, allergies="Latex"), [], NOW, None)
    with pytest.raises(DermaDeskError) as caught, opened.store.write() as uow:
        uow.patients.update(dataclasses.replace(saved, allergies="Penicillin"), [], NOW, None)
    assert caught.value.code is ErrorCode.CONFLICT
    with opened.store.read() as uow:
        assert uow.patients.require(saved.id).allergies == "Latex"


def test_consents_keep_their_history(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        uow.patients.add_consent(Consent(pid, ConsentKind.MARKETING_SMS, True, NOW - timedelta(days=30)))
        uow.patients.add_consent(Consent(pid, ConsentKind.MARKETING_SMS, False, NOW, note="stop"))
        uow.patients.add_consent(Consent(pid, ConsentKind.TREATMENT, True, NOW, procedure="botox"))
    with opened.store.read() as uow:
        history = uow.patients.consents(pid)
    assert [c.granted for c in history if c.kind is ConsentKind.MARKETING_SMS] == [True, False]
    assert current_consents(history)[(ConsentKind.MARKETING_SMS, "")].granted is False
    assert current_consents(history)[(ConsentKind.TREATMENT, "botox")].granted is True


def test_timeline_event_round_trips_and_edits_keep_the_previous_version(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        botox = next(t for t in uow.catalogue.treatments() if t.code == "botox")
        event = TimelineEvent(
            pid,
            EventKind.TREATMENT,
            NOW,
            amount=Money(32050, "GBP"),
            treatment_type_id=botox.id,
            lot_number="BTX-2026-001",
            details={"units": 40, "area": "forehead"},
            summary="Botox",
        )
        saved = uow.timeline.add(event, 20000, NOW)
    with opened.store.write() as uow:
        edited = uow.timeline.update(dataclasses.replace(saved, amount=Money(30000, "GBP")), 20000, NOW, None)
    with opened.store.read() as uow:
        loaded = uow.timeline.get(saved.id)
        revisions = uow.timeline.revisions(saved.id)
        by_lot = uow.timeline.by_lot("BTX-2026-001")
    assert loaded == edited
    assert loaded.amount == Money(30000, "GBP") and isinstance(loaded.amount.minor, int)
    assert dict(loaded.details) == {"units": 40, "area": "forehead"}
    assert loaded.version == 2
    assert [r.snapshot["amount"]["minor"] for r in revisions] == [32050]
    assert [e.id for e in by_lot] == [saved.id]


def test_timeline_pages_newest_first(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        for i in range(25):
            uow.timeline.add(TimelineEvent(pid, EventKind.NOTE, NOW - timedelta(days=i), summary=f"note {i}"), 0, NOW)
    with opened.store.read() as uow:
        first = uow.timeline.page(pid, limit=10)
        last = first[-1]
        second = uow.timeline.page(pid, limit=10, before=(last.occurred_at, last.id))
        found = uow.timeline.page(pid, text="note 2")
    assert [e.summary for e in first] == [f"note {i}" for i in range(10)]
    assert [e.summary for e in second] == [f"note {i}" for i in range(10, 20)]
    assert {e.summary for e in found} == {"note 2"} | {f"note {i}" for i in range(20, 25)}


def test_catalogues_round_trip(opened) -> None:
    treatment = TreatmentType("thread_lift", "Thread lift", TreatmentCategory.SURGERY, 120000, 365, 540, "")
    metric = Metric("melanin", "Melanin index", "0–100", ConcernWhen.ABOVE, 70, 10, 50, builtin=False)
    with opened.store.write() as uow:
        t = uow.catalogue.add_treatment(treatment)
        m = uow.catalogue.add_metric(metric)
    with opened.store.read() as uow:
        assert uow.catalogue.treatment(t.id) == t
        assert m in uow.catalogue.metrics()
        assert len(uow.catalogue.metrics()) == 10  # nine defaults and ours


def test_appointments_round_trip(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        booked = uow.appointments.add(Appointment(pid, NOW + timedelta(days=3), note="first"), NOW)
        attended = uow.appointments.set_status(booked, AppointmentStatus.ATTENDED)
    with opened.store.read() as uow:
        assert uow.appointments.get(booked.id) == attended
        assert uow.appointments.between(NOW, NOW + timedelta(days=7)) == [attended]


def test_reading_sessions_and_photos_round_trip(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        session = uow.readings.add(
            ReadingSession(pid, NOW, {"hydration": 31.5, "sebum": 160.0}, "Analyser", None, ("forehead",), "baseline")
        )
        photo = uow.readings.add_photo(Photo(pid, NOW, "image/png", b"\x89PNG fake", reading_session_id=session.id))
    with opened.store.read() as uow:
        assert uow.readings.for_patient(pid) == [session]
        assert uow.readings.photos(pid) == [photo]


def test_tier_review_history_and_overrides_round_trip(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        review = uow.tiers.add_review(TierReview("2026-10", date(2026, 10, 31), {"x": 1}, {"r": 0.2}, NOW), {})
        uow.tiers.add_changes([TierChange(pid, None, "gold", TierChangeReason.PROMOTION, NOW, review.id)])
        override = uow.tiers.add_override(TierOverride(pid, "platinum", "VIP guest", date(2027, 1, 31)), NOW)
    with opened.store.read() as uow:
        assert uow.tiers.review_for_month("2026-10") == review
        assert [c.to_tier for c in uow.tiers.history(pid)] == ["gold"]
        assert uow.tiers.overrides(pid) == [override]
        assert [t.code for t in uow.tiers.definitions()] == ["bronze", "silver", "gold", "platinum", "diamond"]


def test_alerts_round_trip_and_one_active_per_patient_and_rule(opened) -> None:
    with opened.store.write() as uow:
        pid = add_patient(uow).id
        alert = uow.alerts.add(
            Alert(
                pid, AlertRule.BROKEN_RHYTHM, "gap:2026-10", date(2026, 11, 1), {"days": 143, "usual": 41}, 50000, 3.5
            )
        )
    with pytest.raises(Exception), opened.store.write() as uow:  # noqa: B017 — the database refuses
        uow.alerts.add(Alert(pid, AlertRule.BROKEN_RHYTHM, "gap:2026-11", date(2026, 11, 2)))
    with opened.store.write() as uow:
        resolved = uow.alerts.save(
            dataclasses.replace(alert, status=AlertStatus.RESOLVED, outcome=AlertOutcome.REBOOKED, handled_at=NOW)
        )
    with opened.store.read() as uow:
        assert uow.alerts.get(alert.id) == resolved
        assert resolved.reason == {"days": 143, "usual": 41}


def test_staff_and_settings_round_trip(opened) -> None:
    rules = dataclasses.replace(ClinicRules(), rfm=dataclasses.replace(ClinicRules().rfm, scoring=Scoring.FIXED_BANDS))
    settings = ClinicSettings(name="Zoë's Skin Studio", currency="EUR", country="FR", rules=rules)
    with opened.store.write() as uow:
        user = uow.staff.add(StaffUser("amelia", "Dr Amelia", Role.PRACTITIONER), "$argon2id$x", NOW)
        uow.settings.save_clinic(settings, NOW)
    with opened.store.read() as uow:
        assert uow.staff.get(user.id) == user
        assert uow.settings.clinic() == settings


def test_audit_events_are_chained_and_append_only(opened) -> None:
    from sqlalchemy import text

    with opened.store.write() as uow:
        first = uow.audit.append(AuditEvent(NOW, AuditAction.VIEW, "patient", "1", patient_id=1), b"k" * 32)
        uow.audit.append(AuditEvent(NOW, AuditAction.PRINT, "packet", "2", patient_id=1), b"k" * 32)
    with opened.store.read() as uow:
        chain = list(uow.audit.chain())
    assert chain[0][0] == first
    assert chain[0][1] != chain[1][1]
    for statement in ("UPDATE audit_events SET outcome = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"), opened.store.write() as uow:
            uow.session.execute(text(statement))


def test_money_columns_are_integers() -> None:
    money_columns = [c for t in Base.metadata.tables.values() for c in t.columns if c.name.endswith("_minor")]
    assert len(money_columns) >= 8
    for column in money_columns:
        assert isinstance(column.type, Integer), column
    with pytest.raises(TypeError):
        Money(12.5, "GBP")  # type: ignore[arg-type]
    assert Money.parse("1,234.56", "GBP") == Money(123456, "GBP")
    assert Money.parse("1234", "JPY") == Money(1234, "JPY")


def test_rfm_aggregate_uses_the_covering_index(opened) -> None:
    if opened.server is not None:
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; the server's planner picks plans by its own statistics")
    from sqlalchemy import select

    from dermadesk.store.repositories.clinic_figures import E, rfm_columns

    query = select(E.patient_id, *rfm_columns(100).values()).where(E.paid, ~E.voided).group_by(E.patient_id)
    with opened.store.read() as uow:
        compiled = query.compile(dialect=uow.session.get_bind().dialect, compile_kwargs={"literal_binds": True})
        plan = uow.session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    assert any("COVERING INDEX ix_timeline_paid" in str(row) for row in plan), plan
