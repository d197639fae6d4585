"""The inbox's filter chips: one toggle per alert rule with its count, and "All"."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from dermadesk.domain.alerts import AlertRule

CHIP_STYLE = """
QPushButton { border: 1px solid #c5cad3; border-radius: 11px; padding: 3px 10px; background: #ffffff; }
QPushButton:checked { background: #1f6feb; color: #ffffff; border-color: #1f6feb; }
QPushButton:focus { border-color: #1f6feb; }
"""


class RuleFilter(QWidget):
    """No rule chosen means every rule; choosing one or more narrows the inbox to them."""

    rules_changed = Signal()

    def __init__(self, rule_name: Callable[[AlertRule], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rule_name = rule_name
        self._counts: dict[AlertRule, int] = dict.fromkeys(AlertRule, 0)
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.all_button = self._chip()
        self.all_button.setChecked(True)
        layout.addWidget(self.all_button)
        self.buttons: dict[AlertRule, QPushButton] = {}
        for rule in AlertRule:
            self.buttons[rule] = self._chip()
            layout.addWidget(self.buttons[rule])
        layout.addStretch(1)
        self._update_texts()

    def _chip(self) -> QPushButton:
        button = QPushButton(self, checkable=True)
        button.setStyleSheet(CHIP_STYLE)
        return button

    def _connect_signals(self) -> None:
        self.all_button.clicked.connect(self._on_all_button_clicked)
        for button in self.buttons.values():
            button.clicked.connect(self._on_rule_button_clicked)

    def set_counts(self, counts: Mapping[AlertRule, int]) -> None:
        self._counts = {rule: int(counts.get(rule, 0)) for rule in AlertRule}
        self._update_texts()

    def count(self, rule: AlertRule) -> int:
        return self._counts[rule]

    def selected_rules(self) -> tuple[AlertRule, ...]:
        return tuple(rule for rule, button in self.buttons.items() if button.isChecked())

    def set_selected_rules(self, rules: tuple[AlertRule, ...]) -> None:
        for rule, button in self.buttons.items():
            button.setChecked(rule in rules)
        self.all_button.setChecked(not rules)

    def _update_texts(self) -> None:
        self.all_button.setText(self.tr("All · %1").replace("%1", str(sum(self._counts.values()))))
        self.all_button.setToolTip(self.tr("Show alerts of every rule"))
        for rule, button in self.buttons.items():
            button.setText(f"{self._rule_name(rule)} · {self._counts[rule]}")
            button.setToolTip(self.tr("Open alerts for this rule; click to show only these (and any others chosen)"))

    def _on_all_button_clicked(self) -> None:
        self.set_selected_rules(())
        self.rules_changed.emit()

    def _on_rule_button_clicked(self) -> None:
        self.all_button.setChecked(not self.selected_rules())
        self.rules_changed.emit()
