"""Privacy requests: the patient's own data and nobody else's, erasure down to the decrypted pages,
and withdrawing marketing consent in one action."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from dermadesk.domain.alerts import Alert, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.import_columns import ImportKind
from dermadesk.domain.patients import ConsentKind, Patient, current_consents
from dermadesk.domain.readings import Photo, ReadingSession
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.timeline import EventKind
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.workspace import Services
from tests.builders import RECORDED, at_noon, event, patient, visit
from tests.conftest import FixedClock, make_workspace
from tests.documents.pdf_reading import pdf_text
from tests.services.decrypted_pages import occurrences

CANARY = "Quillfeather"  # the family name both patients share
A_SECRET, B_SECRET = "Ana-only-note-7731", "Bea-only-note-4412"
PHONE = "+447700900555"


@pytest.fixture
def two_patients(services: Services) -> tuple[int, int]:
    """Ana and Bea Quillfeather share a family name and a phone; each has her own history."""
    day = date(2026, 9, 1)
    metric = services.readings.metrics()[0].code
    ana = services.patients.register(
        Patient("Ana", CANARY, phone=PHONE, email="ana@example.com", address="1 Canary Row")
    ).id
    bea = services.patients.register(Patient("Bea", CANARY, phone=PHONE)).id
    assert ana is not None and bea is not None
    with services.context.store.write() as uow:
        for pid, secret in ((ana, A_SECRET), (bea, B_SECRET)):
            visit(uow, pid, day, 30_000, "botox")
            visit(uow, pid, day + timedelta(days=1), 4_500, kind=EventKind.PURCHASE)
            event(uow, pid, EventKind.NOTE, day, summary=f"{secret} prefers mornings")
            event(uow, pid, EventKind.CALL, day, summary=f"{secret} called", details={"direction": "in"})
            uow.appointments.add(Appointment(pid, at_noon(date(2026, 12, 1)), note=f"{secret} appointment"), RECORDED)
        event(uow, ana, EventKind.REFERRAL, day, summary=f"Referred Bea {CANARY}", related_patient_id=bea)
    services.readings.add_session(
        ReadingSession(ana, at_noon(day), {metric: 41.0}, device="Sebumeter", note=f"{A_SECRET} reading")
    )
    services.readings.add_photo(
        Photo(ana, at_noon(day), "image/jpeg", f"JPEG {A_SECRET} photo".encode(), caption=f"{A_SECRET} before")
    )
    services.patients.record_consent(ana, ConsentKind.MARKETING_SMS, True, note=f"{A_SECRET} consent")
    return ana, bea


def test_an_access_export_holds_all_of_the_patient_and_nothing_of_the_other(
    services: Services, two_patients: tuple[int, int], tmp_path: Path
) -> None:
    ana, bea = two_patients
    export = services.privacy.access_export(ana)
    data = json.loads(export.json_text)
    assert data["patient_id"] == ana
    assert A_SECRET in export.json_text and B_SECRET not in export.json_text
    tables = data["data"]
    for name in ("timeline", "appointments", "reading_sessions", "photos", "consents"):
        assert tables[name] and all(row["patient_id"] == ana for row in tables[name]), name
    assert {e["kind"] for e in tables["timeline"]} >= {"treatment", "purchase", "note", "call", "skin_test", "referral"}
    assert all(str(bea) != str(e.get("related_patient_id")) for e in tables["timeline"])
    assert "Bea" not in export.json_text  # the referral names her: the export says "another patient"
    assert tables["photos"][0]["data"]  # the image itself, base64
    pdf = tmp_path / "export.pdf"
    pdf.write_bytes(export.pdf)
    text = " ".join(pdf_text(pdf).split())
    for expected in (
        "Your personal data",
        "Ana",
        f"{A_SECRET} prefers mornings",
        "1 Canary Row",
        "Sebumeter",
        "Consent decisions",
    ):
        assert expected.replace(" ", "") in text.replace(" ", ""), expected
    assert B_SECRET not in text and "Bea" not in text
    with services.context.store.read() as uow:
        exports = [e for e in uow.audit.for_patient(ana) if e.action is AuditAction.EXPORT]
    assert len(exports) == 1


def test_only_the_owner_may_export_or_erase(
    two_patients: tuple[int, int], opened: OpenedDatabase, clock: FixedClock
) -> None:
    ana, _ = two_patients
    for role in (Role.RECEPTIONIST, Role.PRACTITIONER):
        staff = make_workspace(clock).services(opened, StaffUser("x", "X", role, id=None))
        with pytest.raises(DermaDeskError) as refused:
            staff.privacy.access_export(ana)
        assert refused.value.code is ErrorCode.PERMISSION_DENIED
        with pytest.raises(DermaDeskError) as refused:
            staff.privacy.erase(ana, "asked")
        assert refused.value.code is ErrorCode.PERMISSION_DENIED


def test_erasure_removes_personal_data_down_to_the_pages_and_keeps_the_books(
    services: Services, two_patients: tuple[int, int], opened: OpenedDatabase
) -> None:
    if opened.path is None:
        pytest.skip("the pages checked are the encrypted file's; a server's storage and vacuum are its operators'")
    ana, bea = two_patients
    assert occurrences(opened.path, opened.key, A_SECRET) > 0  # the scan sees the data before erasure
    with services.context.store.read() as uow:
        paid_before = sum(e.amount.minor for e in uow.timeline.page(ana) if e.is_paid and e.amount)
    with pytest.raises(DermaDeskError):
        services.privacy.erase(ana, "  ")  # a reason is required
    result = services.privacy.erase(ana, f"Ana {CANARY}'s written request of 2 Nov")
    assert result.paid_events_kept == 2
    with services.context.store.read() as uow:
        erased = uow.patients.require(ana)
        events = uow.timeline.page(ana)
        other = uow.patients.require(bea)
        audit = [e for e in uow.audit.for_patient(ana) if e.action is AuditAction.ERASE]
        bea_events = uow.timeline.page(bea)
    assert erased.erased and erased.family_name == "Erased" and not erased.phone and not erased.email
    assert erased.date_of_birth is None and not erased.address
    assert sum(e.amount.minor for e in events if e.is_paid and e.amount) == paid_before
    assert all(not e.summary for e in events if e.is_paid)
    decision = [e for e in events if e.kind is EventKind.NOTE]
    assert len(decision) == 1 and len(audit) == 1
    assert decision[0].summary.endswith("Reason: the patient's written request of 2 Nov")  # no name kept
    assert other.given_name == "Bea" and other.phone == PHONE and len(bea_events) == 4
    assert services.patients.search(CANARY) == [bea]
    for canary in (A_SECRET, "Canary Row", "ana@example.com", "JPEG"):  # while open, and after closing
        assert occurrences(opened.path, opened.key, canary) == 0, canary
    opened.close()
    for canary in (A_SECRET, "Canary Row", "ana@example.com", "JPEG"):
        assert occurrences(opened.path, opened.key, canary) == 0, canary
    assert occurrences(opened.path, opened.key, B_SECRET) > 0


def test_withdrawing_marketing_is_one_action_and_leaves_every_recall_list(
    services: Services, two_patients: tuple[int, int]
) -> None:
    ana, _ = two_patients
    with services.context.store.write() as uow:
        for rule in (AlertRule.OVERDUE_FOLLOW_UP, AlertRule.LOW_SATISFACTION):
            uow.alerts.add(Alert(ana, rule, f"{rule}-1", date(2026, 10, 30)))
    assert services.privacy.withdraw_marketing(ana) == 1
    consents = current_consents(services.patients.consents(ana))
    assert not consents[(ConsentKind.MARKETING_SMS, "")].granted
    assert not consents[(ConsentKind.MARKETING_EMAIL, "")].granted
    status = {a.rule: a.status for a in services.alerts.for_patient(ana)}
    assert status == {AlertRule.OVERDUE_FOLLOW_UP: AlertStatus.DISMISSED, AlertRule.LOW_SATISFACTION: AlertStatus.OPEN}
    with services.context.store.read() as uow:
        assert ana in uow.patients.marketing_withdrawn()


def test_the_alert_run_leaves_out_patients_who_withdrew_marketing_or_were_erased(services: Services) -> None:
    as_of = date(2026, 10, 31)
    with services.context.store.write() as uow:
        overdue = {name: patient(uow, name) for name in ("control", "withdrew", "erased")}
        for pid in overdue.values():
            visit(uow, pid, as_of - timedelta(days=120), 30_000, "botox")  # botox every 90 days: overdue
    services.privacy.withdraw_marketing(overdue["withdrew"])
    services.privacy.erase(overdue["erased"], "asked in writing")
    services.alerts.run(as_of)
    alerted = {v.alert.patient_id for v in services.alerts.inbox()}
    assert overdue["control"] in alerted
    assert overdue["withdrew"] not in alerted and overdue["erased"] not in alerted


def test_a_campaign_list_holds_only_patients_who_consented(services: Services) -> None:
    as_of = date(2026, 10, 31)
    with services.context.store.write() as uow:
        ids = {name: patient(uow, name) for name in ("yes", "withdrew", "never_asked", "erased")}
        for pid in ids.values():
            visit(uow, pid, as_of - timedelta(days=30), 10_000)
    for name in ("yes", "withdrew", "erased"):
        services.patients.record_consent(ids[name], ConsentKind.MARKETING_EMAIL, True)
    services.privacy.withdraw_marketing(ids["withdrew"])
    services.privacy.erase(ids["erased"], "asked in writing")
    everyone = {int(r.patient_id) for r in services.rfm.export(as_of)}
    campaign = {int(r.patient_id) for r in services.rfm.export(as_of, marketing=True)}
    assert {ids["yes"], ids["withdrew"], ids["never_asked"]} <= everyone
    assert campaign == {ids["yes"]}


def test_every_new_call_writes_exactly_one_audit_event(
    services: Services, two_patients: tuple[int, int], tmp_path: Path
) -> None:
    ana, bea = two_patients
    source = tmp_path / "p.csv"
    source.write_text("external_id,family_name\nQ1,Quince\n", encoding="utf-8")

    def entries() -> int:
        with services.context.store.read() as uow:
            return sum(1 for _ in uow.audit.chain())

    calls = [
        lambda: services.imports.preview(ImportKind.PATIENTS, source),
        lambda: services.imports.check(ImportKind.PATIENTS, source),
        lambda: services.imports.run(ImportKind.PATIENTS, source),
        lambda: services.privacy.access_export(ana),
        lambda: services.privacy.withdraw_marketing(ana),
        lambda: services.privacy.erase(bea, "asked"),
    ]
    for call in calls:
        before = entries()
        call()
        assert entries() == before + 1
