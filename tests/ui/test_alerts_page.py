"""The alerts inbox: counts per rule, and every way an alert is handled leaves the inbox for the timeline."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from dermadesk.domain.alerts import AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.timeline import EventKind
from dermadesk.ui.dialogs.booking_dialog import BookingDialog
from dermadesk.ui.dialogs.call_log_dialog import CallLogDialog
from dermadesk.ui.dialogs.resolve_dialog import ResolveDialog
from dermadesk.ui.dialogs.snooze_dialog import SnoozeDialog
from dermadesk.ui.pages.alerts_page import AlertsPage


def _page(qtbot, ctx) -> AlertsPage:  # type: ignore[no-untyped-def]
    page = AlertsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.data is not None and page.model.rowCount() > 0, timeout=10_000)
    return page


def _ids(page: AlertsPage) -> set[int]:
    return {v.alert.id for v in page.model.rows()}  # type: ignore[misc]


def test_counts_per_rule_are_shown_and_filter_the_inbox(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    counts = ctx.services.alerts.counts()
    page = _page(qtbot, ctx)
    for rule, button in page.rule_filter.buttons.items():
        assert button.text().endswith(f"· {counts[rule]}"), button.text()
    assert page.rule_filter.all_button.text().endswith(f"· {sum(counts.values())}")
    assert page.model.rowCount() == sum(counts.values())
    values = [v.alert.value_at_stake_minor for v in page.model.rows()]
    assert page.table.model().index(0, 0).data().startswith("£"), "value at stake shown as money"
    assert max(values) == page.model.row_at(0).alert.value_at_stake_minor, "the most valuable comes first"
    rule = max(counts, key=lambda r: counts[r])
    qtbot.mouseClick(page.rule_filter.buttons[rule], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == counts[rule], timeout=10_000)
    assert {v.alert.rule for v in page.model.rows()} == {rule}
    assert not page.rule_filter.all_button.isChecked()
    qtbot.mouseClick(page.rule_filter.all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == sum(counts.values()), timeout=10_000)


def test_resolving_an_alert_removes_it_and_adds_a_timeline_event(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    page.table.selectRow(0)
    view = page.selected()
    assert view is not None and view.patient.display_name in page.detail_name.text()
    assert "(O)" in page.resolve_action.toolTip()
    page.resolve_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, ResolveDialog)
    dialog.outcome_buttons[AlertOutcome.DECLINED].click()
    qtbot.keyClicks(dialog.note_edit, "Happy with her new clinic")
    with qtbot.waitSignal(ctx.signals.patient_changed, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert changed.args == [view.alert.patient_id]
    qtbot.waitUntil(lambda: view.alert.id not in _ids(page), timeout=10_000)
    handled = [e for e in ctx.services.timeline.page(view.alert.patient_id) if e.kind is EventKind.ALERT_HANDLED]
    assert [(e.alert_id, e.details["outcome"], e.summary) for e in handled] == [
        (view.alert.id, "declined", "Happy with her new clinic")
    ]
    assert page.table.currentIndex().row() == 0, "the cursor stays put, on the next alert"


def test_snooze_by_keyboard_and_dismiss_leave_the_inbox(qtbot, make_ctx, monkeypatch) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    page.table.selectRow(0)
    first = page.selected()
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus, timeout=2_000)
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    dialog = page.dialog
    assert isinstance(dialog, SnoozeDialog), "S snoozes"
    assert dialog.until() == date(2026, 11, 9), "a week from the clinic's today by default"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.alert.id not in _ids(page), timeout=10_000)
    assert "snoozed until" in page.notice.text()
    second = page.selected()
    assert second is not None and second.alert.id != first.alert.id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.dismiss_action.trigger()
    qtbot.waitUntil(lambda: second.alert.id not in _ids(page), timeout=10_000)
    page.status_combo.setCurrentIndex(page.status_combo.findData(AlertStatus.SNOOZED))
    qtbot.waitUntil(lambda: _ids(page) == {first.alert.id}, timeout=10_000)
    assert not page.table.isColumnHidden(6), "the snoozed list says until when"
    dismissed = ctx.services.timeline.page(second.alert.patient_id)
    assert any(e.kind is EventKind.ALERT_HANDLED and e.alert_id == second.alert.id for e in dismissed)


def test_an_alert_handled_elsewhere_is_refused_in_plain_words(qtbot, make_ctx, monkeypatch) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    page.table.selectRow(0)
    view = page.selected()
    other_desk = make_ctx("owner")  # another workstation on the same clinic database
    other_desk.services.alerts.resolve(view.alert.id, AlertOutcome.REBOOKED, version=view.alert.version)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.dismiss_action.trigger()
    qtbot.waitUntil(lambda: page.notice.isVisible() and view.alert.id not in _ids(page), timeout=10_000)
    assert page.notice.text().startswith("This alert was changed by Grace")
    assert "reloaded" in page.notice.text()


def test_logging_a_call_needs_a_summary_and_keeps_the_alert(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    page.table.selectRow(1)
    view = page.selected()
    page.call_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, CallLogDialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.summary_error.isVisible, timeout=10_000)
    assert dialog.isVisible() and "required" in dialog.summary_error.text()
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Call logged" in page.notice.text(), timeout=10_000)
    events = ctx.services.timeline.page(view.alert.patient_id)
    assert [(e.kind, e.summary) for e in events if e.alert_id == view.alert.id] == [(EventKind.CALL, "No answer")]
    assert view.alert.id in _ids(page)


def test_run_todays_alerts_reports_what_it_raised(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    seen: list[object] = []
    runner_database = ctx.runner.database
    ctx.runner.database = lambda fn, **kw: seen.append(kw.get("progress")) or runner_database(fn, **kw)
    with qtbot.waitSignal(ctx.signals.alerts_changed, timeout=20_000):
        qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    assert seen[0], "the run shows progress (it can take a while)"
    assert "new alert" in page.notice.text().lower()
    assert page.run_button.isEnabled()
    assert set(ctx.services.alerts.counts()) == set(AlertRule)


def test_rebooked_books_the_patient_then_resolves_the_alert(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    page.table.selectRow(0)
    view = page.selected()
    page.rebooked_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, BookingDialog) and view.patient.display_name in dialog.windowTitle()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=10_000)
    dialog.treatment_combo.setCurrentIndex(dialog.treatment_combo.findText("Chemical peel"))
    with qtbot.waitSignal(ctx.signals.alerts_changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.alert.id not in _ids(page), timeout=10_000)
    booked = ctx.services.appointments.for_patient(view.alert.patient_id)
    assert any(a.starts_at.date() == date(2026, 11, 3) for a in booked), "booked for the next working day"
    handled = [e for e in ctx.services.timeline.page(view.alert.patient_id) if e.alert_id == view.alert.id]
    assert [(e.kind, e.details["outcome"]) for e in handled] == [(EventKind.ALERT_HANDLED, "rebooked")]
    assert handled[0].summary.startswith("Booked for 3 Nov 2026")
