"""The owner's audit viewer: entries with who, where and which patient; filters by days, staff, patient, action
and emergency sessions; paging; verifying the chain; not offered to other roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from dermadesk.domain.audit import AuditAction
from dermadesk.services.demo import DEMO_PASSWORD
from dermadesk.store.engine import raw_connection
from dermadesk.ui.main_window import MainWindow
from dermadesk.ui.models.audit_table_model import COL_PATIENT, COL_STAFF
from dermadesk.ui.pages import audit_page
from dermadesk.ui.pages.audit_page import AuditLogPage
from tests.conftest import make_workspace
from tests.services import audit_tampering


def _page(qtbot, ctx) -> AuditLogPage:  # type: ignore[no-untyped-def]
    page = AuditLogPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.show_button.isEnabled(), timeout=10_000)
    return page


def _show(qtbot, page: AuditLogPage) -> None:
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.show_button.isEnabled, timeout=10_000)
    page.ctx.runner.wait()
    assert page.verdict.text() == "", page.verdict.text()  # no error from the load


def _cells(page: AuditLogPage, column: int) -> set[str]:
    return {page.model.index(r, column).data() for r in range(page.model.rowCount())}


def test_the_owner_sees_who_looked_at_which_patient_and_filters_by_patient_and_staff(
    qtbot, make_ctx, reviewed_opened, clock
) -> None:  # type: ignore[no-untyped-def]
    lily = make_workspace(clock).services(reviewed_opened, None)
    lily.staff.sign_in("lily", DEMO_PASSWORD)
    patient = lily.patients.search("a")[0]
    lily.directory.profile(patient)
    ctx = make_ctx("owner")
    page = _page(qtbot, ctx)
    assert "Lily" in " ".join(_cells(page, COL_STAFF))
    page.patient_edit.setText(str(patient))
    _show(qtbot, page)
    assert _cells(page, COL_PATIENT) == {str(patient)}
    lily_id = lily.context.actor.id
    page.patient_edit.clear()
    page.staff_box.setCurrentIndex(page.staff_box.findData(lily_id))
    page.action_box.setCurrentIndex(page.action_box.findData(AuditAction.VIEW))
    _show(qtbot, page)
    events = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert events and all(e.staff_id == lily_id and e.action is AuditAction.VIEW for e in events)
    page.from_date.setDate(QDate(2020, 1, 1))
    page.to_date.setDate(QDate(2020, 1, 2))
    _show(qtbot, page)
    assert page.model.rowCount() == 0, [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert page.position.text() == "No entries"


def test_emergency_sessions_can_be_shown_alone(qtbot, make_ctx, reviewed_opened, clock) -> None:  # type: ignore[no-untyped-def]
    hart = make_workspace(clock).services(reviewed_opened, None)
    hart.staff.sign_in("dr.hart", DEMO_PASSWORD, emergency_reason="Night call")
    hart.directory.profile(hart.patients.search("a")[0])
    page = _page(qtbot, make_ctx("owner"))
    page.emergency_only.setChecked(True)
    _show(qtbot, page)
    events = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert len(events) == 2 and all(e.break_glass for e in events)
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # they stand out


def test_pages_through_a_long_log(qtbot, make_ctx, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 4)
    ctx = make_ctx("owner")
    for pid in range(1, 11):
        ctx.services.patients.get(pid)
    page = _page(qtbot, ctx)
    newest = [page.model.row_at(r).id for r in range(page.model.rowCount())]
    assert len(newest) == 4 and newest == sorted(newest, reverse=True)
    assert page.position.text().startswith("1–4 of ") and not page.previous_button.isEnabled()
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.offset == 4, timeout=10_000)
    older = [page.model.row_at(r).id for r in range(page.model.rowCount())]
    assert max(older) < min(newest) and page.previous_button.isEnabled()


def test_verify_names_the_first_bad_entry(qtbot, make_ctx, reviewed_opened) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, make_ctx("owner"))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "intact" in page.verdict.text(), timeout=10_000)
    with raw_connection(reviewed_opened.store.engine) as conn:
        audit_tampering._unguarded(conn, lambda c: c.execute("UPDATE audit_events SET patient_id = 7 WHERE id = 2"))
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Tampered" in page.verdict.text(), timeout=10_000)
    assert "#2" in page.verdict.text()


def test_only_owners_get_the_audit_page(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    for role, offered in (("owner", True), ("practitioner", False), ("receptionist", False)):
        window = MainWindow()
        qtbot.addWidget(window)
        window.show_pages(make_ctx(role))
        assert (window.page("audit") is not None) is offered, role
        window.clear_pages()
