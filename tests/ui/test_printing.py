"""Packets from the patient profile: built off the GUI thread, saved as PDF, and the save logged on the
timeline; the print preview gets every page rendered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from dermadesk.domain.timeline import EventKind
from dermadesk.ui.dialogs.document_dialog import DocumentDialog
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage
from dermadesk.ui.printing import render_pages


def treated_patient(ctx) -> int:  # type: ignore[no-untyped-def]
    return next(pid for pid in range(1, 300) if ctx.services.timeline.kinds_count(pid).get(EventKind.TREATMENT))


def test_save_an_aftercare_packet_from_the_profile(
    qtbot, make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_ctx("receptionist")
    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    pid = treated_patient(ctx)
    page.show_patient(pid)
    qtbot.waitUntil(page.aftercare_button.isEnabled, timeout=10_000)
    page.aftercare_button.click()
    dialog = page.dialog
    assert isinstance(dialog, DocumentDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=15_000)
    target = tmp_path / "packet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    dialog.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: "Recorded" in dialog.status.text(), timeout=10_000)
    printed = ctx.services.timeline.page(pid, kinds=[EventKind.PACKET_PRINTED])
    assert [e.details["how"] for e in printed] == ["saved as PDF"]
    assert len(render_pages([target.read_bytes()], dpi=30)) >= 2
    dialog.close()
