"""Settings: the clinic's own details (name, currency, contacts, hours) and the idle-lock time."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.services.clinic import validate_settings
from dermadesk.services.phones import national, to_e164
from dermadesk.ui.widgets.settings.region_boxes import CountryBox, CurrencyBox
from dermadesk.ui.widgets.settings.section import SettingsSection

EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ClinicDetailsSection(SettingsSection):
    """pending() gives a function that puts these fields into a ClinicSettings, leaving the rest as it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._loaded = ClinicSettings()
        super().__init__(parent)

    def title(self) -> str:
        return self.tr("Clinic details")

    def description(self) -> str:
        return self.tr("How the clinic appears on printed packets and reports.")

    def _setup_body(self, layout: QVBoxLayout) -> None:
        self._make_editors()
        form = self.form()
        rows = [
            (self.tr("Clinic &name"), self.name, "clinic_name", ""),
            (self.tr("&Currency"), self.currency, "currency", self.tr("Amounts already recorded are not converted.")),
            (self.tr("C&ountry"), self.country, "country",
             self.tr("Phone numbers without a country code are read as this country's.")),
            (self.tr("&Phone"), self.phone, "phone", ""),
            (self.tr("&Emergency phone"), self.emergency_phone, "emergency_phone",
             self.tr("Printed on after-care sheets.")),
            (self.tr("E-&mail"), self.email, "email", ""),
            (self.tr("&Address"), self.address, "address", ""),
            (self.tr("&Website"), self.website, "website", ""),
            (self.tr("Opening &hours"), self.opening_hours, "opening_hours", ""),
            (self.tr("&Lock the screen after"), self.idle_minutes, "idle_lock_minutes",
             self.tr("of no keyboard or mouse use, so patient records are not left open.")),
        ]  # fmt: skip
        for label, widget, name, hint in rows:
            self.add_field(form, label, widget, name, hint)
        layout.addLayout(form)

    def _make_editors(self) -> None:
        self.name = QLineEdit(objectName="clinicName", maxLength=120)
        self.currency = CurrencyBox()
        self.country = CountryBox()
        self.phone = QLineEdit(objectName="phone")
        self.emergency_phone = QLineEdit(objectName="emergencyPhone")
        self.email = QLineEdit(objectName="email")
        self.address = QPlainTextEdit(objectName="address", tabChangesFocus=True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 14)
        self.website = QLineEdit(objectName="website")
        self.opening_hours = QLineEdit(objectName="openingHours")
        self.idle_minutes = QSpinBox(objectName="idleMinutes", minimum=1, maximum=240)
        self.idle_minutes.setSuffix(self.tr(" minutes"))
        self.idle_minutes.setMaximumWidth(140)

    def _connect_body(self) -> None:
        for edit in (self.name, self.phone, self.emergency_phone, self.email, self.website, self.opening_hours):
            edit.textEdited.connect(self._on_edited)
        self.address.textChanged.connect(self._on_edited)
        self.currency.currentTextChanged.connect(self._on_edited)
        self.country.currentIndexChanged.connect(self._on_edited)
        self.idle_minutes.valueChanged.connect(self._on_edited)

    # -- values ------------------------------------------------------------------------------
    def load(self, settings: ClinicSettings) -> None:
        self._loaded = settings
        with self.loading():
            self.name.setText(settings.name)
            self.currency.set_code(settings.currency)
            self.country.set_code(settings.country)
            self.phone.setText(national(settings.phone) if settings.phone else "")
            self.emergency_phone.setText(national(settings.emergency_phone) if settings.emergency_phone else "")
            self.email.setText(settings.email)
            self.address.setPlainText(settings.address)
            self.website.setText(settings.website)
            self.opening_hours.setText(settings.opening_hours)
            self.idle_minutes.setValue(settings.idle_lock_minutes)

    def revert(self) -> None:
        self.load(self._loaded)

    def pending(self) -> Callable[[ClinicSettings], ClinicSettings]:
        country = self.country.code()
        phones = {name: self._phone(edit.text(), country) for name, edit in self._phone_edits().items()}
        problems = [FieldProblem(name, "invalid_phone") for name, value in phones.items() if value is None]
        email = self.email.text().strip()
        if email and not EMAIL.fullmatch(email):
            problems.append(FieldProblem("email", "invalid_email"))
        name, currency = self.name.text().strip(), self.currency.code()
        problems += validate_settings(ClinicSettings(name=name, currency=currency))  # the service's own rules
        require_valid(problems)
        values = {
            "name": name,
            "currency": currency,
            "country": country,
            "email": email,
            "address": self.address.toPlainText().strip(),
            "website": self.website.text().strip(),
            "opening_hours": self.opening_hours.text().strip(),
            "idle_lock_minutes": self.idle_minutes.value(),
            **phones,
        }
        return lambda settings: dataclasses.replace(settings, **values)

    def _phone_edits(self) -> dict[str, QLineEdit]:
        return {"phone": self.phone, "emergency_phone": self.emergency_phone}

    @staticmethod
    def _phone(text: str, country: str) -> str | None:
        """'' for an empty field, the E.164 form of a number, or None when it is not a phone number."""
        return to_e164(text, country) if text.strip() else ""

    def confirm_save(self) -> bool:
        new = self.currency.code()
        if new == self._loaded.currency:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Change the currency?"),
            self.tr(
                "Change the clinic's currency from %1 to %2? Amounts already recorded keep their numbers: "
                "they are not converted."
            )
            .replace("%1", self._loaded.currency)
            .replace("%2", new),
        )
        return answer == QMessageBox.StandardButton.Yes
