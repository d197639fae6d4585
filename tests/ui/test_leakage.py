"""Leakage in the app: after an import, a printed and a saved welcome pack, a data export and closing, a canary
patient's name is in no file of the database's folder, the data folder, the settings, the logs or the temp
folder (only inside the encrypted database, where no scan can see it)."""

from __future__ import annotations

import gc
import logging
import logging.handlers
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from dermadesk.services.database import OpenedDatabase
from dermadesk.system import paths
from dermadesk.system.logging_setup import configure_logging
from dermadesk.ui.dialogs.document_dialog import DocumentDialog
from dermadesk.ui.dialogs.import_dialog import ImportDialog
from dermadesk.ui.dialogs.privacy_dialog import PrivacyDialog
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage
from dermadesk.ui.printing import paint_pages, render_pages

GIVEN, FAMILY = "Wystanline", "Brocklehaze"


def needles() -> list[bytes]:
    texts = (GIVEN, FAMILY)
    return [t.encode(e) for t in texts for e in ("utf-8", "utf-16-le", "utf-16-be")] + [
        t.casefold().encode() for t in texts
    ]


def holding(folder: Path) -> list[Path]:
    found = needles()
    return [p for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in found)]


@pytest.fixture
def logs_and_temp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    temp = tmp_path_factory.mktemp("temp")
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches its folder: ask again
    configure_logging(paths.logs_dir(), logging.DEBUG)
    yield temp
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def test_the_canary_leaks_into_no_file(  # type: ignore[no-untyped-def]
    qtbot, make_ctx, reviewed_opened: OpenedDatabase, logs_and_temp: Path, tmp_path_factory, monkeypatch
) -> None:
    handed_over = tmp_path_factory.mktemp("handed-over")
    ctx = make_ctx("owner")
    source = handed_over / "old-system.csv"
    source.write_text(f"external_id,given_name,family_name\nW-1,{GIVEN},{FAMILY}\n", encoding="utf-8")
    importing = ImportDialog(ctx)
    qtbot.addWidget(importing)
    importing.open_file(source)
    qtbot.waitUntil(importing.check_button.isEnabled, timeout=10_000)
    importing.check_button.click()
    qtbot.waitUntil(importing.import_button.isEnabled, timeout=10_000)
    importing.import_button.click()
    qtbot.waitUntil(lambda: importing.report is not None and importing.report.imported, timeout=10_000)
    patient_id = importing.report.rows[0].patient_id

    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_patient(patient_id)
    qtbot.waitUntil(page.onboarding_button.isEnabled, timeout=10_000)
    page.onboarding_button.click()
    packet = page.dialog
    assert isinstance(packet, DocumentDialog)
    qtbot.waitUntil(packet.save_button.isEnabled, timeout=15_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the print path: pages rendered, then painted
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(handed_over / "printed.pdf"))
    paint_pages(printer, render_pages([packet.pdf()], dpi=100))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(handed_over / "welcome.pdf"), ""))
    packet.save_button.click()
    packet.close()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(handed_over))
    privacy = PrivacyDialog(ctx, ctx.services.patients.get(patient_id))
    qtbot.addWidget(privacy)
    privacy.export_button.click()
    qtbot.waitUntil(lambda: "Written" in privacy.status.text(), timeout=20_000)

    for widget in (importing, page, privacy):  # exit: every window closed, the database closed
        widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    ctx.runner.wait()
    logging.getLogger("dermadesk").info("closing")  # the log file exists and is scanned
    reviewed_opened.close()

    settings = Path(os.environ["XDG_CONFIG_HOME"])  # QSettings: window geometry and the like
    assert (paths.logs_dir() / "dermadesk.log").exists()
    for folder in (reviewed_opened.path.parent, paths.data_dir(), logs_and_temp, settings):
        assert holding(folder) == [], folder
    found = {p.name for p in holding(handed_over)}  # the scan finds the name where it was meant to go
    assert {"old-system.csv", f"patient-{patient_id}-data.json"} <= found
