"""The desktop window opens on a clinic database and shows what it holds, without blocking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from dermadesk.ui.application import DesktopSession, LaunchRequest, create_application
from tests.conftest import make_workspace


def test_main_window_shows_the_demo_clinic_and_its_patient_count(qtbot, demo_path: Path) -> None:
    create_application()
    session = DesktopSession(lambda prompt: make_workspace(), LaunchRequest(demo_path))
    qtbot.addWidget(session.window)
    ticks = []
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    session.start()
    qtbot.waitUntil(lambda: session.window.overview.patients_label.text() not in ("—", ""), timeout=20_000)
    timer.stop()
    with session.opened.store.read() as uow:  # type: ignore[union-attr]
        expected = uow.patients.count()
    assert session.window.overview.patients_label.text().replace(",", "") == str(expected)
    assert session.window.overview.clinic_label.text() == "Harbour Skin Clinic"
    assert "encrypted (SQLCipher 4." in session.window.status_label.text()
    assert "Harbour Skin Clinic" in session.window.windowTitle()
    assert ticks, "the event loop kept running while the database opened"
    session.window.close()
    assert session.opened is None, "closing the window closes the database"
