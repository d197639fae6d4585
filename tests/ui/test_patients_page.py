"""The Patients page: search as you type finds names without accents and phones however typed; keyboard first."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dermadesk.domain.patients import Patient
from dermadesk.ui.dialogs.patient_dialog import PatientDialog
from dermadesk.ui.models.patient_table_model import COL_NAME, COL_PHONE, OBJECT_ROLE
from dermadesk.ui.pages.patients_page import PatientsPage


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Closed widgets are deleted here, on the GUI thread, rather than by a garbage collection that happens
    to run on the database thread during the next test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _page(qtbot, ctx) -> PatientsPage:  # type: ignore[no-untyped-def]
    page = PatientsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.activate()
    return page


def _register_zoe(ctx) -> Patient:  # type: ignore[no-untyped-def]
    return ctx.services.patients.register(Patient("Zoë", "Ångström", phone="07700 900123", allergies="latex"))


def _shown_ids(page: PatientsPage) -> list[int]:
    return [page.proxy.index(r, COL_NAME).data(OBJECT_ROLE).id for r in range(page.proxy.rowCount())]


def _search(qtbot, page: PatientsPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.search.clear()
    qtbot.keyClicks(page.search, text)


def test_search_finds_a_name_typed_without_accents_and_a_phone_typed_with_punctuation(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    zoe = _register_zoe(ctx)
    page = _page(qtbot, ctx)

    _search(qtbot, page, "zoe ang")
    qtbot.waitUntil(lambda: _shown_ids(page) == [zoe.id], timeout=10_000)
    assert page.proxy.index(0, COL_NAME).data() == "Zoë Ångström"
    assert page.proxy.index(0, COL_PHONE).data() == "07700 900123"
    assert "Allergy" in page.proxy.index(0, page.model.columnCount() - 1).data()

    _search(qtbot, page, "+44 7700-900123")
    qtbot.waitUntil(lambda: page.search.text() == "+44 7700-900123" and _shown_ids(page) == [zoe.id], timeout=10_000)
    assert "1 patient found" in page.status.text()


def test_typing_sends_one_query_per_pause_and_never_shows_an_older_querys_results(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    zoe = _register_zoe(ctx)
    page = _page(qtbot, ctx)
    queries: list[str] = []
    search = ctx.services.patients.search
    ctx.services.patients.search = lambda q, limit=50: (queries.append(q), search(q, limit))[1]
    shown: list[list[int]] = []
    page.model.modelReset.connect(lambda: shown.append(_shown_ids(page)))

    qtbot.keyClicks(page.search, "zoe ang")  # typed faster than the debounce: one query
    qtbot.waitUntil(lambda: _shown_ids(page) == [zoe.id], timeout=10_000)
    assert queries == ["zoe ang"]

    # two queries in flight: the first ("a", dozens of patients) answers first but must not be shown
    page.search.setText("a")
    page._run_search()
    page.search.setText("zoe")
    page._run_search()
    qtbot.waitUntil(lambda: len(queries) == 3 and _shown_ids(page) == [zoe.id], timeout=10_000)
    ctx.runner.wait()
    qtbot.wait(50)
    assert all(ids == [zoe.id] for ids in shown[1:]), shown


def test_down_arrow_moves_into_the_results_and_enter_opens_the_profile(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    zoe = _register_zoe(ctx)
    page = _page(qtbot, ctx)
    qtbot.keyClicks(page.search, "zoe")
    qtbot.waitUntil(lambda: zoe.id in _shown_ids(page), timeout=10_000)

    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or page.focusWidget() is page.table
    row = _shown_ids(page).index(zoe.id)
    page.table.selectRow(row)
    with qtbot.waitSignal(ctx.signals.patient_open_requested, timeout=5_000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [zoe.id]

    qtbot.keyClick(page.table, Qt.Key.Key_Escape)  # back to the box, ready to type the next name
    assert page.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClicks(page.table, " ang")  # typing in the list goes on in the box
    assert page.focusWidget() is page.search and page.search.text() == "zoe ang"


def test_enter_in_the_search_box_opens_the_best_match(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    zoe = _register_zoe(ctx)
    page = _page(qtbot, ctx)
    qtbot.keyClicks(page.search, "zoe ang")
    qtbot.waitUntil(lambda: _shown_ids(page) == [zoe.id], timeout=10_000)
    with qtbot.waitSignal(ctx.signals.patient_open_requested, timeout=5_000) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened.args == [zoe.id]


def test_ctrl_n_opens_a_new_patient_dialog_filled_from_the_search(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    page = _page(qtbot, ctx)
    qtbot.keyClicks(page.search, "mira okafor")
    qtbot.waitUntil(lambda: "No patient matches" in page.status.text(), timeout=10_000)

    ctx.signals.new_patient_requested.emit()  # what the main window's Ctrl+N does
    dialog = page.dialog
    assert isinstance(dialog, PatientDialog) and dialog.isVisible()
    assert (dialog.given.text(), dialog.family.text()) == ("Mira", "Okafor")

    with qtbot.waitSignal(ctx.signals.patient_open_requested, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ctx.services.patients.get(opened.args[0]).display_name == "Mira Okafor"
    qtbot.waitUntil(lambda: len(_shown_ids(page)) == 1, timeout=10_000)  # the list refreshed on the change
