"""Several workstations, as the receptionist sees them: a save refused because a colleague saved first keeps the
dialog open with everything typed; the patient list and the open profile show others' changes on refresh."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dermadesk.ui.application import SERVER_KEY, DesktopSession, LaunchRequest
from dermadesk.ui.dialogs.clinic_location_dialog import ClinicLocationDialog
from dermadesk.ui.dialogs.patient_dialog import PatientDialog
from dermadesk.ui.models.patient_table_model import OBJECT_ROLE
from dermadesk.ui.pages.patient_profile_page import PatientProfilePage
from dermadesk.ui.pages.patients_page import PatientsPage
from tests.conftest import make_workspace


@pytest.fixture(autouse=True)
def _widgets_deleted_on_the_gui_thread():  # type: ignore[no-untyped-def]
    """Closed widgets are deleted here, on the GUI thread, not by a collection on the database thread."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_a_save_refused_after_a_colleagues_save_keeps_the_dialog_and_the_input(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    reception, office = make_ctx("receptionist"), make_ctx("owner")
    patient = reception.services.patients.get(reception.services.patients.search("a")[0])
    dialog = PatientDialog(reception, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.given.text() == patient.given_name, timeout=10_000)
    dialog.phone.setText("020 7946 0777")
    dialog.address.setText("1 Typed Street")

    office.services.patients.update(dataclasses.replace(patient, email="grace.saw@example.org"))  # Grace first
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and dialog.errors._general.isVisible(), timeout=10_000)
    message = dialog.errors._general.text()
    assert "changed by Grace" in message and "Your input is kept" in message, message
    assert dialog.isVisible()
    assert (dialog.phone.text(), dialog.address.text()) == ("020 7946 0777", "1 Typed Street")
    stored = reception.services.patients.get(patient.id)  # type: ignore[arg-type]
    assert stored.email == "grace.saw@example.org" and stored.address != "1 Typed Street"


def test_a_refresh_shows_a_colleagues_changes_in_the_list_and_the_profile(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    reception, office = make_ctx("receptionist"), make_ctx("owner")
    patient = reception.services.patients.get(reception.services.patients.search("a")[0])
    page, profile = PatientsPage(reception), PatientProfilePage(reception)
    for widget in (page, profile):
        qtbot.addWidget(widget)
        widget.show()
    page.search.setText(patient.family_name)  # may hold letters keyClicks cannot type
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    profile.show_patient(patient.id)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: profile.profile is not None, timeout=10_000)

    changed = office.services.patients.update(
        dataclasses.replace(patient, preferred_name="Renamed Elsewhere", email="renamed@example.org")
    )
    reception.signals.refresh_requested.emit()  # what the server refresh timer and window activation do

    qtbot.waitUntil(
        lambda: profile.profile is not None and profile.profile.patient.preferred_name == "Renamed Elsewhere",
        timeout=10_000,
    )
    qtbot.waitUntil(
        lambda: any(
            page.model.index(r, 0).data(OBJECT_ROLE).email == changed.email for r in range(page.model.rowCount())
        ),
        timeout=10_000,
    )


def test_first_start_offers_a_clinic_server_and_refuses_an_unverified_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ClinicLocationDialog(tmp_path / "clinic.db")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.location() == tmp_path / "clinic.db" and not dialog.url.isEnabled()
    qtbot.mouseClick(dialog.on_server, Qt.MouseButton.LeftButton)
    assert dialog.url.isEnabled()
    typed = "postgresql+psycopg://clinic_app@db.clinic.example/clinic?sslmode=require"
    dialog.url.setText(typed)
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "verified TLS" in dialog.problem.text()
    assert dialog.url.text() == typed  # nothing typed is lost
    dialog.url.setText("postgresql+psycopg://clinic_app@db.clinic.example/clinic")
    dialog.buttons.accepted.emit()
    assert dialog.result() == ClinicLocationDialog.DialogCode.Accepted
    assert dialog.location() == "postgresql+psycopg://clinic_app@db.clinic.example/clinic"


def test_a_saved_clinic_server_is_used_unless_db_is_given(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from dermadesk.ui.application import create_application

    create_application()
    QSettings().setValue(SERVER_KEY, "postgresql+psycopg://clinic_app@localhost/clinic")
    try:
        session = DesktopSession(lambda prompt: make_workspace(), LaunchRequest(tmp_path / "clinic.db"))
        assert session._location() == "postgresql+psycopg://clinic_app@localhost/clinic"
        chosen = DesktopSession(lambda prompt: make_workspace(), LaunchRequest(tmp_path / "x.db", chosen=True))
        assert chosen._location() == tmp_path / "x.db"
        for desktop in (session, chosen):
            desktop.window.close()
    finally:
        QSettings().remove(SERVER_KEY)


def test_a_refresh_shows_a_colleagues_work_in_the_inbox_and_todays_list(qtbot, make_ctx) -> None:  # type: ignore[no-untyped-def]
    """The pages a receptionist keeps in front follow the server's refresh: an alert a colleague resolved
    leaves the inbox, an appointment a colleague marked shows its new state."""
    from dermadesk.domain.alerts import AlertOutcome
    from dermadesk.domain.appointments import AppointmentStatus
    from dermadesk.ui.pages.alerts_page import AlertsPage
    from dermadesk.ui.pages.today_page import TodayPage

    reception, office = make_ctx("receptionist"), make_ctx("owner")
    inbox, today = AlertsPage(reception), TodayPage(reception)
    for page in (inbox, today):
        qtbot.addWidget(page)
        page.show()
        page.activate()
    qtbot.waitUntil(lambda: inbox.data is not None and today.data is not None, timeout=10_000)
    assert inbox.data.views and today.data.today_rows, "the demo clinic has open alerts and appointments today"
    gone = inbox.data.views[0].alert
    booked = next(v.appointment for v in today.data.today_rows if v.appointment.status is AppointmentStatus.BOOKED)

    office.services.alerts.resolve(gone.id, AlertOutcome.REBOOKED)  # type: ignore[arg-type]
    office.services.appointments.mark(booked, AppointmentStatus.ATTENDED)
    reception.signals.refresh_requested.emit()

    qtbot.waitUntil(lambda: all(v.alert.id != gone.id for v in inbox.data.views), timeout=10_000)
    qtbot.waitUntil(
        lambda: any(
            v.appointment.id == booked.id and v.appointment.status is AppointmentStatus.ATTENDED
            for v in today.data.today_rows
        ),
        timeout=10_000,
    )
