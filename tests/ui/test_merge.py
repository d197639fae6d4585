"""Duplicates: a new record that resembles an existing one is flagged; merging two keeps every entry."""

from __future__ import annotations

import gc
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dermadesk.domain.patients import ConsentKind, Patient
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.ui.dialogs.merge_dialog import MergeDialog
from dermadesk.ui.dialogs.patient_dialog import PatientDialog
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Closed widgets are deleted here, on the GUI thread, rather than by a garbage collection that happens
    to run on the database thread during the next test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _note(ctx, patient_id: int, text: str, days_ago: int) -> None:  # type: ignore[no-untyped-def]
    at = ctx.services.context.clock.now() - timedelta(days=days_ago)
    ctx.services.timeline.add(TimelineEvent(patient_id, EventKind.NOTE, at, summary=text))


def _entries(ctx, patient_id: int) -> int:  # type: ignore[no-untyped-def]
    return sum(ctx.services.timeline.kinds_count(patient_id).values())


def test_merging_two_duplicates_keeps_every_entry_reading_and_consent(qtbot, make_ctx) -> None:
    ctx = make_ctx("owner")
    keep = ctx.services.patients.register(Patient("Zoë", "Ångström", phone="07700 900123"))
    dup = ctx.services.patients.register(Patient("Zoe", "Angstrom", phone="+44 7700 900123", email="zoe@example.com"))
    for i in range(3):
        _note(ctx, keep.id, f"kept {i}", 10 + i)
        _note(ctx, dup.id, f"duplicate {i}", 20 + i)
    now = ctx.services.context.clock.now()
    ctx.services.readings.add_session(ReadingSession(dup.id, now - timedelta(days=5), {"hydration": 40.0}))
    ctx.services.patients.record_consent(dup.id, ConsentKind.MARKETING_EMAIL, True)
    before = _entries(ctx, keep.id) + _entries(ctx, dup.id)

    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_patient(keep.id)
    qtbot.waitUntil(page.merge_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, MergeDialog)

    results = dialog.picker.results  # the likely duplicate is offered before anything is typed
    qtbot.waitUntil(lambda: results.count() == 2, timeout=10_000)
    assert results.item(0).text() == "Likely duplicates:" and "Zoe Angstrom" in results.item(1).text()
    results.setCurrentRow(1)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert "4 timeline entries" in dialog.summary.text()  # 3 notes and the reading's skin test
    assert "1 reading sessions" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled(), "nothing merges without the explicit confirmation"

    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.merge_button.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=10_000):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    assert _entries(ctx, keep.id) == before + 1  # every entry, plus the note saying what was merged
    assert _entries(ctx, dup.id) == 0
    assert len(ctx.services.readings.sessions(keep.id)) == 1
    assert any(c.kind is ConsentKind.MARKETING_EMAIL for c in ctx.services.patients.consents(keep.id))
    assert ctx.services.patients.get(keep.id).email == "zoe@example.com"  # an empty field filled from the other
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == before + 1, timeout=10_000)
    assert ctx.services.patients.search("angstrom") == [keep.id]


def test_a_new_patient_like_an_existing_one_is_flagged_with_open_existing_or_create_anyway(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    zoe = ctx.services.patients.register(Patient("Zoë", "Ångström", phone="07700 900123"))

    def typed_again() -> PatientDialog:
        dialog = PatientDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.given, "Zoe")
        qtbot.keyClicks(dialog.family, "Angstrom")
        qtbot.keyClicks(dialog.phone, "+44 7700-900123")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.duplicates_box.isVisible, timeout=10_000)
        assert "Zoë Ångström" in dialog.duplicates.item(0).text()
        return dialog

    dialog = typed_again()
    with qtbot.waitSignal(dialog.open_existing_requested, timeout=5_000) as opened:
        qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    assert opened.args == [zoe.id] and not dialog.isVisible()

    dialog = typed_again()
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.create_anyway_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].id != zoe.id
    assert sorted(ctx.services.patients.search("zoe ang")) == sorted([zoe.id, saved.args[0].id])
