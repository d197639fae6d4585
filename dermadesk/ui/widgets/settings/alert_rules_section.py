"""Settings: the churn-alert rules, each on or off with its thresholds, plus cool-down and the daily cap."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alert_text import RULE_NAMES
from dermadesk.domain.alerts import AlertRule
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.patient_table_model import stage_text
from dermadesk.ui.widgets.settings.section import MUTED_STYLE, SettingsSection

STAGES = ("silent", "dormant", "lost")
PERCENT_FIELDS = ("overdue_grace", "value_drop", "gone_p_alive")  # stored as fractions, shown as per cent


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox(minimum=low, maximum=high, suffix=suffix)
    box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    box.setMinimumWidth(76)
    return box


class AlertRulesSection(SettingsSection):
    """pending() gives a function that puts these rules into a ClinicSettings, leaving the rest as it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._loaded = ClinicSettings()
        super().__init__(parent)

    def title(self) -> str:
        return self.tr("Alert rules")

    def description(self) -> str:
        return self.tr(
            "Which patients the alerts inbox suggests contacting, and when. Changes apply from the next alert run."
        )

    # -- building ----------------------------------------------------------------------------
    def _setup_body(self, layout: QVBoxLayout) -> None:
        self._make_editors()
        self._rule_widgets: dict[AlertRule, list[QWidget]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(2, 1)
        for row, (rule, parts, note) in enumerate(self._rule_rows()):
            self._add_rule(grid, row * 2, rule, parts, note)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("The inbox"), styleSheet="font-weight: bold"))
        layout.addLayout(
            self._sentence(
                [
                    self.tr("After a contact attempt, do not suggest the same patient for"),
                    self.editors["cool_down_days"],
                    self.tr("days"),
                ]
            )
        )
        layout.addLayout(
            self._sentence([self.tr("Raise at most"), self.editors["daily_cap"], self.tr("new alerts a day")])
        )
        layout.addWidget(QLabel(self.tr("A short inbox gets worked; a long one gets ignored."), styleSheet=MUTED_STYLE))
        self.register_message("alerts", layout)

    def _make_editors(self) -> None:
        pct = self.tr(" %")
        self.editors: dict[str, QWidget] = {
            "overdue_grace": _spin(0, 500, pct),
            "rhythm_min_visits": _spin(2, 50),
            "rhythm_factor": QDoubleSpinBox(minimum=1.0, maximum=10.0, singleStep=0.5, decimals=1, suffix=" ×"),
            "satisfaction_max": _spin(0, 10),
            "csat_max": _spin(1, 5),
            "nps_max": _spin(0, 10),
            "value_drop": _spin(1, 100, pct),
            "gone_p_alive": _spin(1, 99, pct),
            "gone_min_visits": _spin(1, 50),
            "cool_down_days": _spin(0, 365),
            "daily_cap": _spin(1, 10_000),
        }
        self.stage_boxes = {stage: QCheckBox(stage_text(stage)) for stage in STAGES}
        self.enabled = {rule: QCheckBox(QCoreApplication.translate(WORDS, RULE_NAMES[rule])) for rule in AlertRule}
        for box in self.enabled.values():
            box.setStyleSheet("font-weight: bold")

    def _rule_rows(self) -> list[tuple[AlertRule, list[str | QWidget], str]]:
        e = self.editors
        return [
            (
                AlertRule.OVERDUE_FOLLOW_UP,
                [self.tr("treatment's usual interval passed by more than"), e["overdue_grace"]],
                self.tr("Botox every 90–120 days with 20 %: raised after 108 days."),
            ),
            (
                AlertRule.BROKEN_RHYTHM,
                [
                    self.tr("at least"),
                    e["rhythm_min_visits"],
                    self.tr("paid visits, and a gap over"),
                    e["rhythm_factor"],
                    self.tr("their usual gap"),
                ],
                self.tr("For regulars whose visits suddenly stop."),
            ),
            (
                AlertRule.STAGE_CROSSING,
                [self.tr("the patient became"), *self.stage_boxes.values()],
                self.tr("When the time since the last paid visit moves the patient to the next lifecycle stage."),
            ),
            (
                AlertRule.LOW_SATISFACTION,
                [
                    self.tr("satisfaction at most"),
                    e["satisfaction_max"],
                    self.tr("CSAT at most"),
                    e["csat_max"],
                    self.tr("or NPS at most"),
                    e["nps_max"],
                ],
                self.tr("Raised at once, so the clinic can put things right."),
            ),
            (
                AlertRule.FALLING_VALUE,
                [self.tr("tier lowered, or expected value down by"), e["value_drop"]],
                self.tr("Compared with the previous monthly review."),
            ),
            (
                AlertRule.PROBABLY_GONE,
                [
                    self.tr("chance still coming below"),
                    e["gone_p_alive"],
                    self.tr("after at least"),
                    e["gone_min_visits"],
                    self.tr("visits"),
                ],
                self.tr("From a model fitted on the clinic's own history."),
            ),
        ]

    def _add_rule(self, grid: QGridLayout, row: int, rule: AlertRule, parts: list[str | QWidget], note: str) -> None:
        sentence = self._sentence(parts)
        note_label = QLabel(note, styleSheet=MUTED_STYLE + "; font-size: 9pt; margin-bottom: 6px", wordWrap=True)
        grid.addWidget(self.enabled[rule], row, 0)
        grid.addLayout(sentence, row, 1, 1, 2)
        grid.addWidget(note_label, row + 1, 1, 1, 2)
        self._rule_widgets[rule] = [sentence.itemAt(i).widget() for i in range(sentence.count() - 1)] + [note_label]

    @staticmethod
    def _sentence(parts: list[str | QWidget]) -> QHBoxLayout:
        """Words and fields in one line, read as a sentence: 'at least [3] paid visits'."""
        row = QHBoxLayout()
        row.setSpacing(6)
        for part in parts:
            row.addWidget(QLabel(part) if isinstance(part, str) else part)
        row.addStretch(1)
        return row

    def _connect_body(self) -> None:
        for editor in self.editors.values():
            editor.valueChanged.connect(self._on_edited)  # type: ignore[attr-defined]
        for box in [*self.stage_boxes.values(), *self.enabled.values()]:
            box.toggled.connect(self._on_edited)
        for box in self.enabled.values():
            box.toggled.connect(self._on_rule_toggled)

    # -- values ------------------------------------------------------------------------------
    def load(self, settings: ClinicSettings) -> None:
        self._loaded = settings
        rules = settings.rules.alerts
        with self.loading():
            for name, editor in self.editors.items():
                value = getattr(rules, name)
                editor.setValue(round(value * 100) if name in PERCENT_FIELDS else value)  # type: ignore[attr-defined]
            for stage, box in self.stage_boxes.items():
                box.setChecked(stage in rules.stage_targets)
            for rule, box in self.enabled.items():
                box.setChecked(getattr(rules, _ENABLED[rule]))
        self._on_rule_toggled()

    def revert(self) -> None:
        self.load(self._loaded)

    def pending(self) -> Callable[[ClinicSettings], ClinicSettings]:
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            value = editor.value()  # type: ignore[attr-defined]
            values[name] = value / 100 if name in PERCENT_FIELDS else value
        values["stage_targets"] = tuple(s for s, box in self.stage_boxes.items() if box.isChecked())
        values.update({_ENABLED[rule]: box.isChecked() for rule, box in self.enabled.items()})
        if values["stage_enabled"] and not values["stage_targets"]:
            require_valid([FieldProblem("alerts", "no_stage")])

        def apply(settings: ClinicSettings) -> ClinicSettings:
            alerts = dataclasses.replace(settings.rules.alerts, **values)
            return dataclasses.replace(settings, rules=dataclasses.replace(settings.rules, alerts=alerts))

        return apply

    def problem_texts(self) -> dict[str, str]:
        return {
            "no_stage": self.tr("Tick at least one stage for “%1”, or turn it off.").replace(
                "%1", self.enabled[AlertRule.STAGE_CROSSING].text()
            )
        }

    def _on_rule_toggled(self, *_: object) -> None:
        """A rule that is off greys out its thresholds (they are kept for when it is turned on again)."""
        for rule, widgets in self._rule_widgets.items():
            for widget in widgets:
                widget.setEnabled(self.enabled[rule].isChecked())


_ENABLED = {
    AlertRule.OVERDUE_FOLLOW_UP: "overdue_enabled",
    AlertRule.BROKEN_RHYTHM: "rhythm_enabled",
    AlertRule.STAGE_CROSSING: "stage_enabled",
    AlertRule.LOW_SATISFACTION: "satisfaction_enabled",
    AlertRule.FALLING_VALUE: "value_enabled",
    AlertRule.PROBABLY_GONE: "gone_enabled",
}
