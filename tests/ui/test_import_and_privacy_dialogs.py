"""The Import dialog (file, preview, column matches, check, import) and the patient's Privacy requests,
driven through their real widgets over the demo clinic."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from dermadesk.domain.alerts import AlertStatus
from dermadesk.domain.import_values import DateFormat
from dermadesk.domain.patients import Patient
from dermadesk.ui.dialogs.import_dialog import ImportDialog
from dermadesk.ui.dialogs.privacy_dialog import PrivacyDialog
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_import_previews_matches_columns_checks_then_imports(qtbot, make_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("receptionist")
    source = tmp_path / "old-system.csv"
    source.write_text(
        "Client ID;Surname;First name;DOB;Mobile\nX-1;Þórsdóttir;Ásta;03/04/1985;07700 900811\nX-2;Okafor;Chidi;;\n",
        encoding="cp1252",
    )
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_file(source)
    qtbot.waitUntil(dialog.check_button.isEnabled, timeout=10_000)
    assert dialog.preview_table.rowCount() == 2 and dialog.preview_table.item(0, 1).text() == "Þórsdóttir"
    assert dialog.mapping_boxes["family_name"].currentText() == "Surname"  # matched automatically
    assert dialog.mapping_boxes["external_id"].currentText() == "Client ID"
    assert "cp1252" in dialog.file_info.text() and "';'" in dialog.file_info.text()

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert not dialog.import_button.isEnabled()  # 03/04/1985 could be either
    problem = [dialog.report_table.item(r, 3).text() for r in range(dialog.report_table.rowCount())]
    assert any("day/month" in text for text in problem)
    assert dialog.report_table.item(0, 2).text() == "DOB"  # named the way the file names it
    saved = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    qtbot.mouseClick(dialog.save_report_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Report saved" in dialog.summary.text(), timeout=10_000)
    assert "day/month" in saved.read_text(encoding="utf-8-sig")

    dialog.date_format.setCurrentIndex(dialog.date_format.findData(DateFormat.DMY))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    rows = [[dialog.report_table.item(r, c).text() for c in range(4)] for r in range(dialog.report_table.rowCount())]
    assert dialog.import_button.isEnabled(), (dialog.summary.text(), rows)
    before = ctx.services.patients.count()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.imported, timeout=10_000)
    assert "2 created" in dialog.summary.text()
    assert ctx.services.patients.count() == before + 2
    found = ctx.services.patients.get(ctx.services.patients.search("Þórsdóttir")[0])
    assert str(found.date_of_birth) == "1985-04-03"


def test_privacy_requests_from_the_profile(qtbot, make_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = make_ctx("owner")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    alert = next(v.alert for v in ctx.services.alerts.inbox() if v.alert.rule.value != "low_satisfaction")
    patient_id = alert.patient_id

    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_patient(patient_id)
    qtbot.waitUntil(page.privacy_button.isEnabled, timeout=10_000)
    qtbot.mouseClick(page.privacy_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PrivacyDialog)

    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "withdrawn" in dialog.status.text(), timeout=10_000)
    status = {a.id: a.status for a in ctx.services.alerts.for_patient(patient_id)}
    assert status[alert.id] is AlertStatus.DISMISSED  # off the recall list

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Written" in dialog.status.text(), timeout=20_000)
    data = json.loads((tmp_path / f"patient-{patient_id}-data.json").read_text(encoding="utf-8"))
    assert data["patient_id"] == patient_id

    assert not dialog.erase_button.isEnabled()  # a reason first
    qtbot.keyClicks(dialog.reason, "written request")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "erased" in dialog.status.text(), timeout=10_000)
    erased: Patient = ctx.services.patients.get(patient_id)
    assert erased.erased and erased.family_name == "Erased"
    qtbot.waitUntil(lambda: not page.privacy_button.isEnabled(), timeout=10_000)  # the page reloaded


def test_a_receptionist_sees_only_the_marketing_action(qtbot, make_ctx) -> None:
    ctx = make_ctx("receptionist")
    patient = ctx.services.patients.get(ctx.services.patients.search("a")[0])
    dialog = PrivacyDialog(ctx, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.withdraw_button.isVisible()
    assert not dialog.export_button.isVisible() and not dialog.erase_button.isVisible()
