"""Book an appointment for a given patient: day and time, treatment, practitioner, note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.appointments import Appointment
from dermadesk.domain.catalogue import TreatmentType
from dermadesk.domain.dates import local_instant
from dermadesk.domain.patients import Patient
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.models.alert_table_model import date_edit_format
from dermadesk.ui.widgets.field_errors import FieldErrors

DEFAULT_HOUR = 10
SUNDAY = 6


def next_working_day(today: date) -> date:
    """Tomorrow, or Monday when tomorrow is a Sunday: where a new booking usually goes."""
    day = today + timedelta(days=1)
    return day + timedelta(days=1) if day.weekday() == SUNDAY else day


class BookingDialog(BaseDialog):
    """Saves through the appointment service itself; on a problem it stays open with the input and says what
    is wrong next to the field. `saved` carries the booked Appointment. With `skip_text` it also offers a way
    out for a booking made elsewhere (`skipped`), e.g. when an alert's patient already rebooked by phone."""

    saved = Signal(object)
    skipped = Signal()

    def __init__(
        self,
        ctx: AppContext,
        patient: Patient,
        parent: QWidget | None = None,
        title: str | None = None,
        skip_text: str | None = None,
        save: Callable[[Appointment], object] | None = None,
    ) -> None:
        """`save` replaces plain booking (the alerts inbox books and resolves the alert as one action)."""
        super().__init__(parent)
        self.ctx, self.patient, self.save = ctx, patient, save
        self._title, self._skip_text = title, skip_text
        self._setup_ui()
        self._connect_signals()
        self._load_choices()

    def _setup_ui(self) -> None:
        self.setWindowTitle(self._title or self.tr("Book an appointment"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{escape(self.patient.display_name)}</b>"))
        self.general_error = FieldErrors.make_label(self)
        self.errors = FieldErrors(self.general_error)
        layout.addLayout(self._make_form())
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Book"))
        self.ok_button.setEnabled(False)  # until the treatments and practitioners are in
        self.skip_button = None
        if self._skip_text:
            self.skip_button = self.buttons.addButton(self._skip_text, QDialogButtonBox.ButtonRole.ActionRole)
            self.skip_button.setAutoDefault(False)
        layout.addWidget(self.buttons)

    def _make_form(self) -> QFormLayout:
        form = QFormLayout()
        today = self.ctx.services.context.clock.today()
        self.date_edit = QDateEdit(QDate(next_working_day(today)), calendarPopup=True)
        self.date_edit.setMinimumDate(QDate(today))
        self.date_edit.setDisplayFormat(date_edit_format())
        self.time_edit = QTimeEdit(QTime(DEFAULT_HOUR, 0))
        self.time_edit.setDisplayFormat("HH:mm")
        when = QHBoxLayout()
        when.addWidget(self.date_edit, 1)
        when.addWidget(self.time_edit)
        when_label = QLabel(self.tr("&Day and time"))
        when_label.setBuddy(self.date_edit)
        self.when_error = FieldErrors.make_label(self)
        self.errors.register("starts_at", self.when_error)
        form.addRow(when_label, when)
        form.addRow("", self.when_error)
        self.treatment_combo = QComboBox()
        self.practitioner_combo = QComboBox()
        form.addRow(self.tr("&Treatment"), self.treatment_combo)
        form.addRow(self.tr("&Practitioner"), self.practitioner_combo)
        self.note_edit = QLineEdit(placeholderText=self.tr("Optional, e.g. 'top-up, 30 minutes'"))
        form.addRow(self.tr("&Note"), self.note_edit)
        return form

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        if self.skip_button is not None:
            self.skip_button.clicked.connect(self._on_skip_button_clicked)

    def _on_skip_button_clicked(self) -> None:
        self.skipped.emit()
        self.accept()

    def _load_choices(self) -> None:
        services = self.ctx.services
        self.ctx.db(
            lambda: (services.catalogue.treatments(), services.staff.all()),
            on_done=self._on_choices_loaded,
            on_error=self._on_save_failed,
            parent=self,
        )

    def _on_choices_loaded(self, choices: tuple[list[TreatmentType], list[StaffUser]]) -> None:
        treatments, staff = choices
        self.treatment_combo.addItem(self.tr("Not decided yet"), None)
        for treatment in sorted(treatments, key=lambda t: t.name.casefold()):
            self.treatment_combo.addItem(treatment.name, treatment.id)
        self.practitioner_combo.addItem(self.tr("Any practitioner"), None)
        # practitioners first: they are who treatments are booked with; an owner may treat too
        clinicians = [u for u in staff if u.active and u.role in (Role.PRACTITIONER, Role.OWNER)]
        for user in sorted(clinicians, key=lambda u: (u.role is not Role.PRACTITIONER, u.display_name.casefold())):
            self.practitioner_combo.addItem(user.display_name, user.id)
        self.ok_button.setEnabled(True)

    def starts_at(self) -> datetime:
        return local_instant(self.date_edit.date().toPython(), self.time_edit.time().toPython())

    def appointment(self) -> Appointment:
        return Appointment(
            self.patient.id,  # type: ignore[arg-type]
            self.starts_at(),
            treatment_type_id=self.treatment_combo.currentData(),
            practitioner_id=self.practitioner_combo.currentData(),
            note=self.note_edit.text().strip(),
        )

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        # the service allows the last hour (a walk-in booked as they arrive); say it in words before it refuses
        if self.starts_at() < self.ctx.services.context.clock.now() - timedelta(hours=1):
            self.when_error.setText(self.tr("That time has passed. Choose a time from now on."))
            self.when_error.show()
            self.time_edit.setFocus()
            return
        appointment, save = self.appointment(), self.save or self.ctx.services.appointments.book
        self.ok_button.setEnabled(False)  # one click, one booking
        self.ctx.db(lambda: save(appointment), on_done=self._on_saved, on_error=self._on_save_failed, parent=self)

    def _on_saved(self, result: object) -> None:
        self.saved.emit(result)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(self.treatment_combo.count() > 0)
        self.errors.show_any(error)
