"""Settings: the skin-reading metric catalogue — name, unit, when a value is a concern, the healthy range."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TR_NOOP, QLocale, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.readings import ConcernWhen, Metric
from dermadesk.ui.i18n import word
from dermadesk.ui.widgets.settings.list_section import ListSection
from dermadesk.ui.widgets.settings.treatments_section import new_code

CONCERN_SIGNS = {
    ConcernWhen.BELOW: "<",
    ConcernWhen.AT_OR_BELOW: "≤",
    ConcernWhen.ABOVE: ">",
    ConcernWhen.AT_OR_ABOVE: "≥",
}
CONCERN_NAMES = {
    ConcernWhen.BELOW: QT_TR_NOOP("below"),
    ConcernWhen.AT_OR_BELOW: QT_TR_NOOP("at or below"),
    ConcernWhen.ABOVE: QT_TR_NOOP("above"),
    ConcernWhen.AT_OR_ABOVE: QT_TR_NOOP("at or above"),
}


def number_text(value: float | None) -> str:
    return "" if value is None else QLocale().toString(value, "g", 6)


class MetricsSection(ListSection):
    """pending() gives the Metric in the form, for services.catalogue.save_metric."""

    def title(self) -> str:
        return self.tr("Skin-reading metrics")

    def description(self) -> str:
        return self.tr(
            "What a skin test measures. A reading past the concern threshold is marked on the patient's "
            "charts; the healthy range is drawn as a band."
        )

    def columns(self) -> list[str]:
        return [self.tr("Metric"), self.tr("Unit"), self.tr("Concern when"), self.tr("Healthy range")]

    def new_text(self) -> str:
        return self.tr("&New metric")

    def row_texts(self, record: Metric) -> list[str]:
        name = record.name if record.active else self.tr("%1 (not in use)").replace("%1", record.name)
        low, high = record.healthy_low, record.healthy_high
        healthy = "—" if low is None and high is None else f"{number_text(low)}–{number_text(high)}"
        return [name, record.unit, f"{CONCERN_SIGNS[record.concern_when]} {number_text(record.threshold)}", healthy]

    # -- the form ----------------------------------------------------------------------------
    def _setup_form(self, form: QFormLayout) -> None:
        self.name = QLineEdit(objectName="metricName", maxLength=120)
        self.unit = QLineEdit(objectName="unit", maxLength=40)
        self.concern_when = QComboBox(objectName="concernWhen")
        for when, words in CONCERN_NAMES.items():
            self.concern_when.addItem(word(words), when)
        self.threshold = self._number_edit("threshold")
        concern = self._row(self.concern_when, self.threshold)
        self.healthy_low = self._number_edit("healthyLow")
        self.healthy_high = self._number_edit("healthyHigh")
        healthy = self._row(self.healthy_low, QLabel(self.tr("to")), self.healthy_high)
        self.active = QCheckBox(self.tr("In use (offered when recording a reading)"), objectName="active")
        self.add_field(form, self.tr("&Name"), self.name, "name")
        self.add_field(form, self.tr("&Unit"), self.unit, "unit")
        self.add_field(form, self.tr("&Concern when"), concern, "threshold")
        self.add_field(form, self.tr("&Healthy range"), healthy, "healthy_range", self.tr("Optional."))
        self.add_field(form, "", self.active, "active")

    def _number_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(objectName=name, alignment=Qt.AlignmentFlag.AlignRight)
        edit.setMaximumWidth(110)
        return edit

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return holder

    def _connect_body(self) -> None:
        for edit in (self.name, self.unit, self.threshold, self.healthy_low, self.healthy_high):
            edit.textEdited.connect(self._on_edited)
        self.concern_when.currentIndexChanged.connect(self._on_edited)
        self.active.toggled.connect(self._on_edited)

    def first_field(self) -> QWidget:
        return self.name

    def fill_form(self, record: Metric | None) -> None:
        self.name.setText(record.name if record else "")
        self.unit.setText(record.unit if record else "")
        self.concern_when.setCurrentIndex(self.concern_when.findData(record.concern_when) if record else 0)
        self.threshold.setText(number_text(record.threshold) if record else "")
        self.healthy_low.setText(number_text(record.healthy_low) if record else "")
        self.healthy_high.setText(number_text(record.healthy_high) if record else "")
        self.active.setChecked(record.active if record else True)

    def pending(self) -> Metric:
        threshold, low, high = (self._number(e) for e in (self.threshold, self.healthy_low, self.healthy_high))
        problems = []
        if threshold is None or threshold is False:
            problems.append(FieldProblem("threshold", "required" if threshold is None else "not_a_number"))
        if low is False or high is False:
            problems.append(FieldProblem("healthy_range", "not_a_number"))
        elif low is not None and high is not None and low > high:
            problems.append(FieldProblem("healthy_range", "out_of_range"))
        require_valid(problems)
        name, current = self.name.text().strip(), self.current()
        fields = {
            "name": name,
            "unit": self.unit.text().strip(),
            "concern_when": ConcernWhen(self.concern_when.currentData()),  # the combo hands back a plain str
            "threshold": threshold,
            "healthy_low": low,
            "healthy_high": high,
            "active": self.active.isChecked(),
        }
        if current is not None:
            return dataclasses.replace(current, **fields)
        return Metric(code=new_code(name, {r.code for r in self.records()}), builtin=False, **fields)

    @staticmethod
    def _number(edit: QLineEdit) -> float | bool | None:
        """The number typed (in the computer's locale), None when empty, False when it is not a number."""
        text = edit.text().strip()
        if not text:
            return None
        value, ok = QLocale().toDouble(text)
        if not ok:
            value, ok = QLocale.c().toDouble(text)  # "12.5" typed where the locale writes "12,5"
        return float(value) if ok else False
