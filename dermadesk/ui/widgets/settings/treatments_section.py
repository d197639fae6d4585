"""Settings: the treatment catalogue — name, category, default price and the usual follow-up interval."""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QWidget

from dermadesk.domain.catalogue import TreatmentCategory, TreatmentType
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.widgets.settings.list_section import ListSection
from dermadesk.ui.widgets.settings.money_text import MoneyEdit, format_amount

CATEGORY_NAMES = {
    TreatmentCategory.INJECTABLES: QT_TR_NOOP("Injectables"),
    TreatmentCategory.LASER_LIGHT: QT_TR_NOOP("Laser & light"),
    TreatmentCategory.PEELS: QT_TR_NOOP("Peels"),
    TreatmentCategory.SKIN_MANAGEMENT: QT_TR_NOOP("Skin management & facials"),
    TreatmentCategory.SURGERY: QT_TR_NOOP("Surgery"),
    TreatmentCategory.RETAIL: QT_TR_NOOP("Retail skincare"),
}


def category_name(category: TreatmentCategory) -> str:
    return QCoreApplication.translate(WORDS, CATEGORY_NAMES[category])


def new_code(name: str, taken: set[str]) -> str:
    """A stable code for a new catalogue entry, from its name, not clashing with any other."""
    base = re.sub(r"\W+", "_", name.casefold()).strip("_") or "item"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


class TreatmentsSection(ListSection):
    """pending() gives the TreatmentType in the form, for services.catalogue.save_treatment."""

    numeric_columns = (2,)

    def __init__(self, parent: QWidget | None = None) -> None:
        self._currency = "GBP"
        super().__init__(parent)

    def title(self) -> str:
        return self.tr("Treatment catalogue")

    def description(self) -> str:
        return self.tr(
            "What the clinic offers. The follow-up interval is when a patient usually comes back; the alerts "
            "inbox suggests a call when it has passed. A treatment no longer offered stays on old records."
        )

    def columns(self) -> list[str]:
        return [self.tr("Treatment"), self.tr("Category"), self.tr("Price"), self.tr("Follow-up")]

    def new_text(self) -> str:
        return self.tr("&New treatment")

    def set_currency(self, currency: str) -> None:
        self._currency = currency
        self.price.set_currency(currency)

    def row_texts(self, record: TreatmentType) -> list[str]:
        name = record.name if record.active else self.tr("%1 (not offered)").replace("%1", record.name)
        return [
            name,
            category_name(record.category),
            f"{format_amount(record.default_price_minor, self._currency)} {self._currency}",
            self._interval_text(record),
        ]

    def _interval_text(self, record: TreatmentType) -> str:
        low, high = record.follow_up_min_days, record.follow_up_max_days
        if low is None:
            return "—"
        return self.tr("%1–%2 days").replace("%1", str(low)).replace("%2", str(high or low))

    # -- the form ----------------------------------------------------------------------------
    def _setup_form(self, form: QFormLayout) -> None:
        self.name = QLineEdit(objectName="treatmentName", maxLength=120)
        self.category = QComboBox(objectName="category")
        for category in TreatmentCategory:
            self.category.addItem(category_name(category), category)
        self.price = MoneyEdit(self._currency)
        self.follow_min = QSpinBox(objectName="followUpMin", minimum=0, maximum=3650)
        self.follow_max = QSpinBox(objectName="followUpMax", minimum=0, maximum=3650)
        for box in (self.follow_min, self.follow_max):
            box.setSpecialValueText(self.tr("none"))  # 0 shows as "none": no usual return
            box.setSuffix(self.tr(" days"))
        interval = QWidget()
        row = QHBoxLayout(interval)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.follow_min)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.follow_max)
        row.addStretch(1)
        self.active = QCheckBox(self.tr("Offered (shown when recording a treatment)"), objectName="active")
        self.add_field(form, self.tr("&Name"), self.name, "name")
        self.add_field(form, self.tr("&Category"), self.category, "category")
        self.add_field(form, self.tr("Default &price"), self.price, "default_price")
        self.add_field(
            form,
            self.tr("&Follow-up"),
            interval,
            "follow_up",
            self.tr("Leave at “none” if patients do not usually return for it."),
        )
        self.add_field(form, "", self.active, "active")

    def _connect_body(self) -> None:
        self.name.textEdited.connect(self._on_edited)
        self.price.edited.connect(self._on_edited)
        self.category.currentIndexChanged.connect(self._on_edited)
        self.follow_min.valueChanged.connect(self._on_edited)
        self.follow_max.valueChanged.connect(self._on_edited)
        self.active.toggled.connect(self._on_edited)

    def first_field(self) -> QWidget:
        return self.name

    def fill_form(self, record: TreatmentType | None) -> None:
        self.name.setText(record.name if record else "")
        self.category.setCurrentIndex(self.category.findData(record.category) if record else 0)
        self.price.set_minor(record.default_price_minor if record else 0)
        self.follow_min.setValue((record.follow_up_min_days or 0) if record else 0)
        self.follow_max.setValue((record.follow_up_max_days or 0) if record else 0)
        self.active.setChecked(record.active if record else True)

    def problem_texts(self) -> dict[str, str]:
        return {"out_of_range": self.tr("The interval is in days, and the second number cannot be below the first.")}

    def pending(self) -> TreatmentType:
        try:
            price = self.price.minor()
        except ValueError:
            require_valid([FieldProblem("default_price", "not_a_number")])
        name, current = self.name.text().strip(), self.current()
        low, high = self.follow_min.value() or None, self.follow_max.value() or None
        fields = {
            "name": name,
            "category": TreatmentCategory(self.category.currentData()),  # the combo hands back a plain str
            "default_price_minor": price,
            "follow_up_min_days": low,
            "follow_up_max_days": high,
            "active": self.active.isChecked(),
        }
        if current is not None:
            return dataclasses.replace(current, **fields)
        code = new_code(name, {r.code for r in self.records()})
        return TreatmentType(code=code, **fields)
