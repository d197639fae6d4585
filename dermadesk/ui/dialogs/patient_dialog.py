"""Register a new patient or edit one: identity and contact, clinical profile, consents; warns about duplicates."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import QT_TR_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.errors import FieldProblem, invalid
from dermadesk.domain.patients import (
    CONTRAINDICATIONS,
    SKIN_CONCERNS,
    AcquisitionSource,
    ConsentKind,
    ContactChannel,
    Patient,
    Sex,
    current_consents,
)
from dermadesk.services.patients import LANGUAGES
from dermadesk.services.phones import national
from dermadesk.services.workspace import Services
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.i18n import word
from dermadesk.ui.widgets.field_errors import FieldErrors
from dermadesk.ui.widgets.patient_header import CONSENT_LABELS, ROMAN, contraindication_text

GENERAL_CONSENTS = (
    ConsentKind.DATA_PROCESSING,
    ConsentKind.PHOTO_USE,
    ConsentKind.MARKETING_SMS,
    ConsentKind.MARKETING_EMAIL,
)
LANGUAGE_NAMES = {
    "en": QT_TR_NOOP("English"),
    "zh_CN": QT_TR_NOOP("Chinese"),
    "es": QT_TR_NOOP("Spanish"),
    "fr": QT_TR_NOOP("French"),
    "de": QT_TR_NOOP("German"),
    "pl": QT_TR_NOOP("Polish"),
    "ru": QT_TR_NOOP("Russian"),
    "ar": QT_TR_NOOP("Arabic"),
    "ko": QT_TR_NOOP("Korean"),
    "el": QT_TR_NOOP("Greek"),
}
CHANNEL_NAMES = {
    ContactChannel.PHONE: QT_TR_NOOP("Phone"),
    ContactChannel.SMS: QT_TR_NOOP("SMS"),
    ContactChannel.EMAIL: QT_TR_NOOP("E-mail"),
    ContactChannel.MESSAGING_APP: QT_TR_NOOP("Messaging app"),
    ContactChannel.NONE: QT_TR_NOOP("Do not contact"),
}


def _save(services: Services, patient: Patient, consents: dict[ConsentKind, bool]) -> Patient:
    """Register or update with each consent decision that changed: one transaction, so a failure leaves
    nothing half-saved (and a second Save cannot register the patient twice)."""
    return services.patients.save(patient, consents)


class PatientDialog(BaseDialog):
    """PatientDialog(ctx) registers a new patient; PatientDialog(ctx, patient) edits one."""

    saved = Signal(object)  # Patient
    open_existing_requested = Signal(int)

    def __init__(self, ctx: AppContext, patient: Patient | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.original = ctx, patient
        self._consents_before: dict[ConsentKind, bool] = {}
        self._duplicates_accepted = False
        self._setup_ui()
        self._connect_signals()
        if patient is not None:
            self._load(patient)

    # -- building ------------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.setWindowTitle(
            self.tr("Edit patient — %1").replace("%1", self.original.display_name)
            if self.original
            else self.tr("New patient")
        )
        self.general = FieldErrors.make_label()
        self.errors = FieldErrors(self.general)
        self.duplicates_box = self._duplicates_panel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        columns = QHBoxLayout()
        columns.addWidget(self._identity_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._clinical_box())
        right.addWidget(self._consent_box())
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicates_box)
        layout.addLayout(columns)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(860)
        self.given.setFocus()

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget) -> QWidget:
        """A field with its (hidden) message label right under it."""
        form.addRow(label, widget)
        message = FieldErrors.make_label()
        form.addRow("", message)
        self.errors.register(name, message)
        widget.setObjectName(name)
        return widget

    def _identity_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Identity and contact"))
        form = QFormLayout(box)
        self.given = self._row(form, "given_name", self.tr("&Given name:"), QLineEdit())
        self.family = self._row(form, "family_name", self.tr("&Family name:"), QLineEdit())
        self.preferred = self._row(form, "preferred_name", self.tr("P&referred name:"), QLineEdit())
        self.latin = self._row(
            form,
            "name_latin",
            self.tr("Name in &Latin letters:"),
            QLineEdit(placeholderText=self.tr("e.g. Wang Fang, so it can be found by typing")),
        )
        self.birth = self._row(
            form, "date_of_birth", self.tr("&Date of birth:"), QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        )
        self.sex = self._row(form, "sex", self.tr("&Sex:"), self._combo([(s, s.value.capitalize()) for s in Sex]))
        self.phone = self._row(form, "phone", self.tr("&Phone:"), QLineEdit(placeholderText="07700 900123"))
        self.email = self._row(form, "email", self.tr("&E-mail:"), QLineEdit())
        self.address = self._row(form, "address", self.tr("&Address:"), QLineEdit())
        self.language = self._row(
            form,
            "preferred_language",
            self.tr("La&nguage:"),
            self._combo([(c, LANGUAGE_NAMES.get(c, c)) for c in LANGUAGES], blank=False),
        )
        self.channel = self._row(
            form,
            "preferred_channel",
            self.tr("Contact &by:"),
            self._combo(list(CHANNEL_NAMES.items()), blank=False),
        )
        return box

    def _clinical_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Clinical"))
        form = QFormLayout(box)
        self.skin_type = self._row(
            form, "skin_type", self.tr("S&kin type:"), self._combo([(n, f"{ROMAN[n]}") for n in range(1, 7)])
        )
        self.concerns = {c: QCheckBox(word(c.replace("_", " ").capitalize())) for c in SKIN_CONCERNS}
        self._row(form, "concerns", self.tr("Concerns:"), self._grid(self.concerns.values(), 3))
        self.allergies = self._row(
            form, "allergies", self.tr("All&ergies:"), QLineEdit(placeholderText=self.tr("e.g. lidocaine, latex"))
        )
        self.contra = {c: QCheckBox(contraindication_text(c)) for c in CONTRAINDICATIONS}
        self._row(form, "contraindications", self.tr("Contraindications:"), self._grid(self.contra.values(), 2))
        self.medications = self._row(form, "medications", self.tr("&Medications:"), QLineEdit())
        return box

    def _consent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Consents and source"))
        form = QFormLayout(box)
        self.consents = {k: QCheckBox(word(CONSENT_LABELS[k])) for k in GENERAL_CONSENTS}
        self._row(form, "consents", self.tr("Agreed to:"), self._grid(self.consents.values(), 2))
        sources = [(s, s.value.replace("_", " ").capitalize()) for s in AcquisitionSource]
        self.source = self._row(form, "acquisition_source", self.tr("&Came through:"), self._combo(sources))
        return box

    def _duplicates_panel(self) -> QFrame:
        frame = QFrame()
        frame.setStyleSheet("QFrame#duplicates { background: #fff4e5; border: 1px solid #e0a040; border-radius: 4px }")
        frame.setObjectName("duplicates")
        self.duplicates_label = QLabel()
        self.duplicates_label.setWordWrap(True)
        self.duplicates = QListWidget()
        self.duplicates.setMaximumHeight(90)
        self.open_existing_button = QPushButton(self.tr("&Open existing"))
        self.create_anyway_button = QPushButton(self.tr("Create &anyway"))
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.open_existing_button)
        buttons.addWidget(self.create_anyway_button)
        layout = QVBoxLayout(frame)
        layout.addWidget(self.duplicates_label)
        layout.addWidget(self.duplicates)
        layout.addLayout(buttons)
        frame.hide()
        return frame

    def _combo(self, items: Sequence[tuple[object, str]], blank: bool = True) -> QComboBox:
        combo = QComboBox()
        if blank:
            combo.addItem("—", None)
        for data, text in items:
            combo.addItem(word(text), data)
        return combo

    @staticmethod
    def _grid(boxes: Iterable[QCheckBox], columns: int) -> QWidget:
        """Check boxes in fixed columns (a form row's height must be known before it is shown)."""
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for i, box in enumerate(boxes):
            grid.addWidget(box, i // columns, i % columns)
        return holder

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.open_existing_button.clicked.connect(self._on_open_existing_clicked)
        self.create_anyway_button.clicked.connect(self._on_create_anyway_clicked)
        self.duplicates.itemDoubleClicked.connect(self._on_open_existing_clicked)
        for edit in (self.given, self.family, self.birth, self.phone, self.email):
            edit.textEdited.connect(self._on_identity_edited)

    # -- loading and reading ---------------------------------------------------------------------
    def _load(self, p: Patient) -> None:
        for edit, value in (
            (self.given, p.given_name),
            (self.family, p.family_name),
            (self.preferred, p.preferred_name),
            (self.latin, p.name_latin),
            (self.phone, national(p.phone) if p.phone else ""),
            (self.email, p.email),
            (self.address, p.address),
            (self.allergies, p.allergies),
            (self.medications, p.medications),
        ):
            edit.setText(value)
        self.birth.setText(p.date_of_birth.isoformat() if p.date_of_birth else "")
        for combo, value in (
            (self.sex, p.sex),
            (self.language, p.preferred_language),
            (self.channel, p.preferred_channel),
            (self.skin_type, p.skin_type),
            (self.source, p.acquisition_source),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        for code, box in self.concerns.items():
            box.setChecked(code in p.concerns)
        for code, box in self.contra.items():
            box.setChecked(code in p.contraindications)
        services, pid = self.ctx.services, p.id
        self.ctx.db(lambda: services.patients.consents(pid), self._on_consents_loaded, parent=self)  # type: ignore[arg-type]

    def _on_consents_loaded(self, history: list) -> None:  # type: ignore[type-arg]
        current = current_consents(history)
        self._consents_before = {k: c.granted for (k, proc), c in current.items() if not proc}
        for kind, box in self.consents.items():
            box.setChecked(self._consents_before.get(kind, False))

    def patient(self) -> tuple[Patient, list[FieldProblem]]:
        problems: list[FieldProblem] = []
        birth = _parse_date(self.birth.text())
        if birth is None and self.birth.text().strip():
            problems.append(FieldProblem("date_of_birth", "not_a_date"))
        fields = {
            "given_name": self.given.text(),
            "family_name": self.family.text(),
            "preferred_name": self.preferred.text().strip(),
            "name_latin": self.latin.text().strip(),
            "date_of_birth": birth,
            "sex": _enum(Sex, self.sex.currentData()),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "address": self.address.text().strip(),
            "preferred_language": self.language.currentData(),
            "preferred_channel": ContactChannel(self.channel.currentData()),
            "skin_type": self.skin_type.currentData(),
            "allergies": self.allergies.text().strip(),
            "medications": self.medications.text().strip(),
            "acquisition_source": _enum(AcquisitionSource, self.source.currentData()),
            "concerns": tuple(c for c, box in self.concerns.items() if box.isChecked()),
            "contraindications": tuple(c for c, box in self.contra.items() if box.isChecked()),
        }
        if self.original is not None:
            return dataclasses.replace(self.original, **fields), problems
        today = self.ctx.services.context.clock.today()
        return Patient(**fields, first_contact_on=today), problems  # type: ignore[arg-type]

    def _consent_changes(self) -> dict[ConsentKind, bool]:
        """Only decisions that changed are recorded (each is a dated record with who took it)."""
        return {
            k: box.isChecked()
            for k, box in self.consents.items()
            if box.isChecked() != self._consents_before.get(k, False)
        }

    # -- saving -----------------------------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        patient, problems = self.patient()
        if problems:
            self.errors.show(invalid(*problems))
            return
        self.errors.clear()
        self.save_button.setEnabled(False)
        if self.original is None and not self._duplicates_accepted:
            services = self.ctx.services
            self.ctx.db(
                lambda: services.patients.likely_duplicates(patient),
                lambda found: self._on_duplicates_checked(patient, found),
                on_error=self._on_save_failed,
                parent=self,
            )
        else:
            self._save(patient)

    def _on_duplicates_checked(self, patient: Patient, found: list[Patient]) -> None:
        if not found:
            self._save(patient)
            return
        self.save_button.setEnabled(True)
        self.duplicates_label.setText(
            self.tr(
                "<b>This may be a patient who is already registered.</b> Open the existing record, or create a new one "
                "if this is a different person."
            )
        )
        self.duplicates.clear()
        for other in found:
            born = other.date_of_birth.isoformat() if other.date_of_birth else ""
            phone = national(other.phone) if other.phone else ""
            item = QListWidgetItem(" · ".join(x for x in (other.display_name, born, phone, other.email) if x))
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            self.duplicates.addItem(item)
        self.duplicates.setCurrentRow(0)
        self.duplicates.setFixedHeight(min(len(found), 4) * (self.duplicates.fontMetrics().height() + 6) + 8)
        self.duplicates_box.show()
        self.open_existing_button.setFocus()

    def _save(self, patient: Patient) -> None:
        services, consents = self.ctx.services, self._consent_changes()
        self.save_button.setEnabled(False)
        self.ctx.db(
            lambda: _save(services, patient, consents), self._on_saved, on_error=self._on_save_failed, parent=self
        )

    def _on_saved(self, patient: Patient) -> None:
        self.saved.emit(patient)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        """Everything typed stays; each problem shows under its field."""
        self.save_button.setEnabled(True)
        self.errors.show_any(error)

    def _on_open_existing_clicked(self, *_args: object) -> None:
        item = self.duplicates.currentItem()
        if item is not None:
            self.open_existing_requested.emit(item.data(Qt.ItemDataRole.UserRole))
            self.reject()

    def _on_create_anyway_clicked(self) -> None:
        self._duplicates_accepted = True
        self.duplicates_box.hide()
        self._on_save_clicked()

    def _on_identity_edited(self, _text: str) -> None:
        """Changed name, birth date, phone or e-mail: the duplicate check runs again on save."""
        self._duplicates_accepted = False
        self.duplicates_box.hide()


def _enum(kind: type, value: object) -> object:
    """Qt hands enum data back as plain strings."""
    return None if value is None else kind(value)


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        parsed = QLocale().toDate(text, QLocale.FormatType.ShortFormat)
        return parsed.toPython() if parsed.isValid() else None
