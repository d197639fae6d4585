"""Skin readings on the profile: a trend per metric with its threshold, two sessions compared, a session added
through its dialog, and photos attached and compared side by side."""

from __future__ import annotations

import gc
from datetime import timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QImage

from dermadesk.domain.patients import Patient
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.timeline import EventKind
from dermadesk.ui.dialogs.reading_dialog import PhotoDialog, ReadingDialog
from dermadesk.ui.models.timeline_model import OBJECT_ROLE
from dermadesk.ui.pages.patient_profile_page import TAB_PHOTOS, TAB_READINGS, PatientProfilePage


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Closed widgets are deleted here, on the GUI thread, rather than by a garbage collection that happens
    to run on the database thread during the next test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


HYDRATION = (50.0, 30.0, 45.0)  # concern below 35: the middle session crosses it


def _patient_with_sessions(ctx) -> tuple[int, list[ReadingSession]]:  # type: ignore[no-untyped-def]
    patient = ctx.services.patients.register(Patient("Skin", "Trend"))
    now = ctx.services.context.clock.now()
    sessions = [
        ctx.services.readings.add_session(
            ReadingSession(
                patient.id,
                now - timedelta(days=90 * (3 - i)),
                {"hydration": h, "sebum": 100.0 + 10 * i},
                device="Skin analyser",
            )
        )
        for i, h in enumerate(HYDRATION)
    ]
    return patient.id, sessions


def _readings_page(qtbot, ctx, patient_id: int) -> PatientProfilePage:  # type: ignore[no-untyped-def]
    page = PatientProfilePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.show_patient(patient_id)
    qtbot.waitUntil(lambda: page.profile is not None, timeout=10_000)
    page.tabs.setCurrentIndex(TAB_READINGS)
    qtbot.waitUntil(lambda: "hydration" in page.readings.charts and page.readings.deltas.rowCount() > 0, timeout=10_000)
    return page


def test_the_chart_shows_a_point_per_session_and_the_dashed_threshold_with_crossings_in_red(qtbot, make_ctx) -> None:
    ctx = make_ctx("practitioner")
    patient_id, sessions = _patient_with_sessions(ctx)
    page = _readings_page(qtbot, ctx, patient_id)

    chart = page.readings.charts["hydration"]
    assert set(page.readings.charts) == {"hydration", "sebum"}  # only metrics that were measured
    assert isinstance(chart.getPlotItem().getAxis("bottom"), pg.DateAxisItem)
    points = chart.points.data
    assert len(points) == len(sessions)
    assert list(points["x"]) == [s.taken_at.timestamp() for s in sessions]
    assert list(points["y"]) == list(HYDRATION)
    red = [QColor(p["brush"].color()).name() == "#b00020" for p in points]
    assert red == [False, True, False]
    assert chart.concern_count() == 1

    line = chart.threshold_line
    assert line in chart.getPlotItem().items
    assert line.value() == 35 and line.angle == 0
    assert line.pen.style() == Qt.PenStyle.DashLine
    low, high = chart.viewRange()[1]
    assert low < 30 and high > 50, "every point and the threshold are in view"


def test_two_sessions_are_compared_as_a_table_of_changes(qtbot, make_ctx) -> None:
    ctx = make_ctx("practitioner")
    patient_id, _ = _patient_with_sessions(ctx)
    page = _readings_page(qtbot, ctx, patient_id)
    panel = page.readings
    assert panel.deltas.item(0, 3).text() == "+15.0"  # the latest two by default: 30 -> 45

    panel.first_combo.setCurrentIndex(2)  # the oldest…
    panel.second_combo.setCurrentIndex(0)  # …against the latest
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.deltas.item(0, 3).text() == "-5.0", timeout=10_000)
    rows = {panel.deltas.item(r, 0).text(): panel.deltas.item(r, 3).text() for r in range(panel.deltas.rowCount())}
    assert rows == {"Hydration (%)": "-5.0", "Sebum (µg/cm²)": "+20.0"}


def test_a_session_added_through_the_dialog_becomes_a_new_point_and_a_timeline_entry(qtbot, make_ctx) -> None:
    ctx = make_ctx("practitioner")
    patient_id, sessions = _patient_with_sessions(ctx)
    page = _readings_page(qtbot, ctx, patient_id)

    qtbot.mouseClick(page.readings.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ReadingDialog)
    qtbot.waitUntil(lambda: "hydration" in dialog.values, timeout=10_000)
    qtbot.keyClicks(dialog.values["hydration"], "3o")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    message = dialog.errors._labels["hydration"]
    assert message.isVisible() and message.text() == "Is not a number."

    dialog.values["hydration"].setText("33")
    qtbot.keyClicks(dialog.values["tewl"], "18.5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.readings.charts["hydration"].points.data) == len(sessions) + 1, timeout=10_000)
    assert "tewl" in page.readings.charts
    first = page.timeline_model.index(0, 0).data(OBJECT_ROLE)
    assert first.kind is EventKind.SKIN_TEST


def _picture(path: Path, colour: str) -> Path:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def test_photos_attach_to_a_session_and_two_show_side_by_side(qtbot, make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx("practitioner")
    patient_id, _ = _patient_with_sessions(ctx)
    page = _readings_page(qtbot, ctx, patient_id)
    page.tabs.setCurrentIndex(TAB_PHOTOS)

    for name, colour in (("before.png", "#8a5a44"), ("after.png", "#c48a6a")):
        qtbot.mouseClick(page.photos.add_button, Qt.MouseButton.LeftButton)
        dialog = page.dialog
        assert isinstance(dialog, PhotoDialog)
        qtbot.waitUntil(lambda d=dialog: d.target.count() > 1, timeout=10_000)
        assert dialog.target.currentText().startswith("Reading session")
        dialog.set_file(_picture(tmp_path / name, colour))
        qtbot.waitUntil(lambda d=dialog: bool(d.data), timeout=10_000)
        qtbot.keyClicks(dialog.caption, name.split(".")[0].capitalize())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=10_000)

    qtbot.waitUntil(lambda: page.photos.list.count() == 2 and not page.photos.right.pixmap().isNull(), timeout=10_000)
    assert not page.photos.left.pixmap().isNull()
    assert "Before" in page.photos.left_caption.text() or "Before" in page.photos.right_caption.text()
    assert all(p.reading_session_id for p in ctx.services.readings.photos(patient_id))
