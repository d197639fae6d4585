"""The patient profile: header warnings, a 2,000-entry timeline paged as it scrolls, filters, editing with
earlier versions, what each role sees, and the owner's tier override."""

from __future__ import annotations

import dataclasses
import gc
import time
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dermadesk.domain.dates import clinic_day, day_number
from dermadesk.domain.money import Money
from dermadesk.domain.patients import ConsentKind, Patient
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.ui.dialogs.event_dialog import EventDialog
from dermadesk.ui.dialogs.override_dialog import OverrideDialog
from dermadesk.ui.models.timeline_model import COL_WHAT, OBJECT_ROLE, kind_text
from dermadesk.ui.pages.patient_profile_page import PAGE_SIZE, TAB_TIERS, PatientProfilePage


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Closed widgets are deleted here, on the GUI thread, rather than by a garbage collection that happens
    to run on the database thread during the next test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


NOW = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)


def _page(qtbot, ctx) -> PatientProfilePage:  # type: ignore[no-untyped-def]
    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    return page


def _open(qtbot, page: PatientProfilePage, patient_id: int) -> None:  # type: ignore[no-untyped-def]
    page.show_patient(patient_id)
    qtbot.waitUntil(lambda: page.profile is not None and page.profile.patient.id == patient_id, timeout=10_000)


def _events(page: PatientProfilePage) -> list[TimelineEvent]:
    model = page.timeline_model
    return [model.index(r, 0).data(OBJECT_ROLE) for r in range(model.rowCount())]


def _bulk_history(ctx, patient_id: int, count: int) -> None:  # type: ignore[no-untyped-def]
    """A long-standing patient: `count` entries of mixed kinds, written in one bulk insert."""
    kinds = (EventKind.CALL, EventKind.TREATMENT, EventKind.NOTE, EventKind.PURCHASE, EventKind.MESSAGE)
    with ctx.services.context.store.write() as uow:
        first = uow.bulk.next_ids()["timeline_events"]
        rows = []
        for i in range(count):
            at = NOW - timedelta(hours=6 * (i + 1))
            kind = kinds[i % len(kinds)]
            paid = kind in (EventKind.TREATMENT, EventKind.PURCHASE)
            event = TimelineEvent(
                patient_id,
                kind,
                at,
                id=first + i,
                summary=f"Entry {i}",
                amount=Money(5000, "GBP") if paid else None,
                treatment_type_id=1 if kind is EventKind.TREATMENT else None,
                details={"direction": "in"} if kind in (EventKind.CALL, EventKind.MESSAGE) else {},
            )
            rows.append((event, day_number(clinic_day(at))))
        uow.bulk.events(rows)


def test_header_shows_age_skin_type_warnings_in_red_and_consents(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    patient = ctx.services.patients.register(
        Patient(
            "Wang",
            "Fang",
            date_of_birth=datetime(1990, 5, 1).date(),
            skin_type=3,
            allergies="lidocaine",
            contraindications=("pregnancy",),
            phone="07700 900456",
        )
    )
    ctx.services.patients.record_consent(patient.id, ConsentKind.MARKETING_SMS, True)
    page = _page(qtbot, ctx)
    _open(qtbot, page, patient.id)

    header = page.header
    assert "Wang Fang" in header.name_label.text()
    assert "36 years" in header.facts_label.text() and "Skin type III" in header.facts_label.text()
    assert "Allergies: lidocaine" in header.warnings_label.text()
    assert "Pregnancy" in header.warnings_label.text()
    assert "#b00020" in header.warnings_label.styleSheet()  # red
    assert "✓ Marketing by SMS" in header.consents_label.text().replace("\u00a0", " ")


def test_a_2000_entry_timeline_shows_its_first_page_at_once_and_pages_in_as_it_scrolls(qtbot, make_ctx) -> None:
    ctx = make_ctx("practitioner")
    patient = ctx.services.patients.register(Patient("Long", "Standing"))
    _bulk_history(ctx, patient.id, 2000)
    page = _page(qtbot, ctx)
    warm_up = ctx.services.patients.register(Patient("Warm", "Up"))
    _open(qtbot, page, warm_up.id)  # names of staff and treatments load once per page, with the first patient

    started = time.perf_counter()
    page.show_patient(patient.id)
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == PAGE_SIZE, timeout=10_000)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"first page took {elapsed * 1000:.0f} ms"
    assert _events(page)[0].summary == "Entry 0"  # newest first
    assert "All 2000" in page.timeline.chips._all.text()

    bar = page.timeline.list.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 2 * PAGE_SIZE, timeout=10_000)
    shown = _events(page)
    assert [e.summary for e in shown[PAGE_SIZE - 1 : PAGE_SIZE + 1]] == [f"Entry {PAGE_SIZE - 1}", f"Entry {PAGE_SIZE}"]
    assert len({e.id for e in shown}) == len(shown)  # no entry twice across pages


def test_filter_chips_and_text_filter_narrow_the_timeline(qtbot, make_ctx) -> None:
    ctx = make_ctx("practitioner")
    patient = ctx.services.patients.register(Patient("Filter", "Me"))
    _bulk_history(ctx, patient.id, 50)
    page = _page(qtbot, ctx)
    _open(qtbot, page, patient.id)
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 50, timeout=10_000)

    chip = page.timeline.chips.chip(EventKind.TREATMENT)
    assert chip.isVisible() and chip.text() == f"{kind_text(EventKind.TREATMENT)} 10"
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 10, timeout=10_000)
    assert {e.kind for e in _events(page)} == {EventKind.TREATMENT}

    qtbot.mouseClick(page.timeline.chips._all, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.timeline.text_filter, "Entry 4")
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 11, timeout=10_000)  # 4 and 40–49
    assert all("Entry 4" in e.summary for e in _events(page))


def test_double_click_opens_an_entry_for_editing_with_its_earlier_versions(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    patient = ctx.services.patients.register(Patient("Edit", "History"))
    note = ctx.services.timeline.add(TimelineEvent(patient.id, EventKind.NOTE, NOW, summary="Prefers mornings"))
    ctx.services.timeline.edit(dataclasses.replace(note, summary="Prefers mornings, not Mondays"))
    page = _page(qtbot, ctx)
    _open(qtbot, page, patient.id)
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 1, timeout=10_000)

    view = page.timeline.list
    rect = view.visualRect(page.timeline_model.index(0, COL_WHAT))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.dialog
    assert isinstance(dialog, EventDialog)
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.versions.count() == 1, timeout=10_000)
    assert "Prefers mornings" in dialog.versions.item(0).text()
    assert dialog.form.text.toPlainText() == "Prefers mornings, not Mondays"

    dialog.form.text.setPlainText("Prefers afternoons")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [e.summary for e in _events(page)] == ["Prefers afternoons"], timeout=10_000)
    assert len(ctx.services.timeline.revisions(note.id)) == 2


def test_a_receptionist_is_not_offered_clinical_entries(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    offered = {a.text() for a in page.timeline.add_menu.actions()}
    for kind in (EventKind.TREATMENT, EventKind.CONSULTATION, EventKind.SKIN_TEST):
        assert kind_text(kind) not in offered
    assert {kind_text(EventKind.NOTE), kind_text(EventKind.CALL), kind_text(EventKind.PURCHASE)} <= offered
    assert page.readings.add_button.isHidden() and page.photos.add_button.isHidden()
    assert page.tiers.add_override_button.isHidden()

    practitioner = _page(qtbot, make_ctx("practitioner"))
    assert kind_text(EventKind.TREATMENT) in {a.text() for a in practitioner.timeline.add_menu.actions()}
    assert not practitioner.readings.add_button.isHidden()


def test_the_owner_overrides_a_tier_and_the_history_keeps_the_reason(qtbot, make_ctx) -> None:
    ctx = make_ctx("owner")
    patient = ctx.services.patients.register(Patient("Tier", "Override"))
    page = _page(qtbot, ctx)
    _open(qtbot, page, patient.id)
    page.tabs.setCurrentIndex(TAB_TIERS)
    qtbot.waitUntil(lambda: page.tiers.history.item(0, 0) is not None, timeout=10_000)

    qtbot.mouseClick(page.tiers.add_override_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, OverrideDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason: said under the field
    qtbot.waitUntil(
        lambda: dialog.save_button.isEnabled() and dialog.errors._labels["reason"].isVisible(), timeout=10_000
    )
    assert dialog.errors._labels["reason"].text() == "Is required."
    qtbot.keyClicks(dialog.reason, "Founding member")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: page.tiers.history.item(0, 4) is not None and page.tiers.history.item(0, 4).text() == "Founding member",
        timeout=10_000,
    )
    assert page.tiers.history.item(0, 3).text() == "Owner's override"
    assert page.tiers.overrides.item(0, 3).text() == "In force"
