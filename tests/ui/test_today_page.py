"""The Today page: today's and tomorrow's bookings, marking a no-show (on the timeline), booking, opening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.timeline import EventKind
from dermadesk.ui.dialogs.booking_dialog import BookingDialog
from dermadesk.ui.models.appointment_table_model import COL_STATUS, OBJECT_ROLE
from dermadesk.ui.pages.today_page import TodayPage

TODAY_AT_TWO = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)  # the test clock is 2026-11-02 10:30 UTC


def _page(qtbot, ctx) -> TodayPage:  # type: ignore[no-untyped-def]
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    return page


def _row_of(table, appointment_id: int) -> int:  # type: ignore[no-untyped-def]
    proxy = table.model()
    rows = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(OBJECT_ROLE).appointment.id == appointment_id]
    return rows[0] if rows else -1


def _book(ctx, when: datetime = TODAY_AT_TWO) -> Appointment:  # type: ignore[no-untyped-def]
    patient = ctx.services.alerts.inbox()[0].patient
    return ctx.services.appointments.book(Appointment(patient.id, when))


def test_marking_a_no_show_changes_the_row_and_lands_on_the_timeline(qtbot, make_ctx, monkeypatch) -> None:
    ctx = make_ctx("receptionist")
    booked = _book(ctx)
    page = _page(qtbot, ctx)
    table = page.today_table
    row = _row_of(table, booked.id)
    assert row >= 0, "the booking made for today is in today's list"
    assert table.model().index(row, COL_STATUS).data() == "Booked"
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    table.setFocus()
    table.selectRow(row)
    assert page.no_show_action.isEnabled()
    assert "(N)" in page.no_show_action.toolTip()
    page.no_show_action.trigger()
    status = lambda: table.model().index(_row_of(table, booked.id), COL_STATUS).data()  # noqa: E731
    qtbot.waitUntil(lambda: status() == "No-show", timeout=10_000)
    assert asked and "no-show" in asked[0], "a no-show is confirmed once: it cannot be undone"
    assert not page.no_show_action.isEnabled(), "the same appointment cannot be marked twice"
    events = ctx.services.timeline.page(booked.patient_id)
    assert any(e.kind is EventKind.NO_SHOW and e.appointment_id == booked.id for e in events)


def test_attended_needs_no_confirmation_and_tomorrow_can_only_be_cancelled(qtbot, make_ctx, monkeypatch) -> None:
    ctx = make_ctx("receptionist")
    today = _book(ctx)
    tomorrow = _book(ctx, datetime(2026, 11, 3, 9, 30, tzinfo=UTC))
    page = _page(qtbot, ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.today_table.selectRow(_row_of(page.today_table, today.id))
    page.attended_action.trigger()
    qtbot.waitUntil(
        lambda: (
            [v.appointment.status for v in page.today_model.rows() if v.appointment.id == today.id]
            == [AppointmentStatus.ATTENDED]
        ),
        timeout=10_000,
    )
    page.tomorrow_table.selectRow(_row_of(page.tomorrow_table, tomorrow.id))
    assert not page.today_table.selectionModel().hasSelection(), "one selected appointment on the page"
    assert not page.attended_action.isEnabled() and not page.no_show_action.isEnabled()
    assert page.cancelled_action.isEnabled()
    page.cancelled_action.trigger()  # answered No: nothing changes
    assert ctx.services.appointments.for_patient(tomorrow.patient_id)[-1].status is AppointmentStatus.BOOKED


def test_enter_opens_the_patient_and_book_adds_tomorrows_appointment(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    booked = _book(ctx)
    page = _page(qtbot, ctx)
    table = page.today_table
    table.setFocus()
    table.selectRow(_row_of(table, booked.id))
    with qtbot.waitSignal(ctx.signals.patient_open_requested, timeout=2_000) as opened:
        qtbot.keyClick(table.viewport(), Qt.Key.Key_Return)
    assert opened.args == [booked.patient_id]
    page.book_action.trigger()
    dialog = page.booking_dialog
    assert isinstance(dialog, BookingDialog)
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10_000)
    past = (ctx.services.context.clock.now() - timedelta(hours=2)).astimezone()  # the form is in local time
    dialog.date_edit.setDate(QDate(past.date()))
    dialog.time_edit.setTime(QTime(past.hour, past.minute))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "passed" in dialog.when_error.text(), "the dialog stays open and says why"
    dialog.date_edit.setDate(QDate(2026, 11, 3))
    dialog.time_edit.setTime(QTime(11, 15))
    qtbot.keyClicks(dialog.note_edit, "first peel")
    with qtbot.waitSignal(ctx.signals.appointments_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tomorrow_model.rowCount() == 1, timeout=10_000)
    added = page.tomorrow_model.row_at(0)
    assert added.patient.id == booked.patient_id and added.appointment.note == "first peel"
    assert "Booked for" in page.notice.text()
