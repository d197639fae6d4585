"""Settings: the membership tiers (name, 12-month spend floor, visit floor, benefits) and the demotion grace."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.tiers import TierDefinition
from dermadesk.ui.widgets.settings.money_text import format_amount, parse_amount
from dermadesk.ui.widgets.settings.section import MUTED_STYLE, SettingsSection

COL_NAME, COL_SPEND, COL_VISITS, COL_BENEFITS = range(4)
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the tier's stored code: kept on rename so history still points at it
MAX_TIERS = 10


class TiersSection(SettingsSection):
    """Tiers in rank order, entry tier first; a patient reaches a tier when both floors are met."""

    max_content_width = 1100

    def __init__(self, parent: QWidget | None = None) -> None:
        self._loaded = ClinicSettings()
        super().__init__(parent)

    def title(self) -> str:
        return self.tr("Membership tiers")

    def description(self) -> str:
        return self.tr(
            "A patient reaches a tier at the monthly review when their spend in the last 12 months and their "
            "paid visits both reach its floors. List the tiers from the entry tier up."
        )

    def _setup_body(self, layout: QVBoxLayout) -> None:
        self.table = QTableWidget(0, 4, objectName="tiersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTableWidget::item { padding: 0px 6px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_BENEFITS, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_NAME, 150), (COL_SPEND, 230), (COL_VISITS, 140)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table)
        self.register_message("tiers", layout)
        layout.addLayout(self._make_table_buttons())
        layout.addLayout(self._make_grace_row())

    def _make_table_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add tier"))
        self.remove_button = QPushButton(self.tr("Remove tier"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        return row

    def _make_grace_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.grace = QSpinBox(objectName="graceReviews", minimum=1, maximum=12)
        row.addWidget(QLabel(self.tr("Lower a patient's tier only after")))
        row.addWidget(self.grace)
        row.addWidget(QLabel(self.tr("monthly reviews in a row below its floors")))
        row.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(
            QLabel(self.tr("So one slow month does not cost a loyal patient their tier."), styleSheet=MUTED_STYLE)
        )
        self.register_message("grace_reviews", column)
        outer = QHBoxLayout()
        outer.addLayout(column)
        return outer

    def _connect_body(self) -> None:
        self.table.itemChanged.connect(self._on_edited)
        self.grace.valueChanged.connect(self._on_edited)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)

    # -- values ------------------------------------------------------------------------------
    def load(self, settings: ClinicSettings) -> None:
        self._loaded = settings
        currency = settings.currency
        labels = [
            self.tr("Tier"),
            self.tr("Spend in 12 months (%1)").replace("%1", currency),
            self.tr("Paid visits floor"),
            self.tr("Benefits (printed in packets)"),
        ]
        with self.loading():
            self.table.setHorizontalHeaderLabels(labels)
            self.table.setRowCount(0)
            for tier in sorted(settings.rules.tiers.tiers, key=lambda t: t.rank):
                self._append_row(
                    tier.name,
                    format_amount(tier.spend_floor_minor, currency),
                    tier.visit_floor,
                    tier.benefits,
                    tier.code,
                )
            self.grace.setValue(settings.rules.tiers.grace_reviews)
        self._update_buttons()

    def _append_row(self, name: str, spend: str, visits: int, benefits: str, code: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(CODE_ROLE, code)
        spend_item = QTableWidgetItem(spend)
        spend_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        visits_item = QTableWidgetItem()
        visits_item.setData(Qt.ItemDataRole.EditRole, visits)  # an int: the table edits it with a spin box
        visits_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for col, item in enumerate((name_item, spend_item, visits_item, QTableWidgetItem(benefits))):
            self.table.setItem(row, col, item)

    def revert(self) -> None:
        self.load(self._loaded)

    def pending(self) -> Callable[[ClinicSettings], ClinicSettings]:
        tiers = self._read_tiers()
        grace = self.grace.value()

        def apply(settings: ClinicSettings) -> ClinicSettings:
            rules = dataclasses.replace(settings.rules.tiers, tiers=tiers, grace_reviews=grace)
            return dataclasses.replace(settings, rules=dataclasses.replace(settings.rules, tiers=rules))

        return apply

    def _read_tiers(self) -> tuple[TierDefinition, ...]:
        currency, tiers, problems = self._loaded.currency, [], []
        for row in range(self.table.rowCount()):
            name = self._text(row, COL_NAME)
            try:
                spend = parse_amount(self._text(row, COL_SPEND) or "0", currency)
            except ValueError:
                problems.append(FieldProblem("tiers", "tier_spend", row + 1))
                spend = 0
            visits = int(self.table.item(row, COL_VISITS).data(Qt.ItemDataRole.EditRole) or 0)
            if not name:
                problems.append(FieldProblem("tiers", "tier_name", row + 1))
            if spend < 0 or visits < 0:
                problems.append(FieldProblem("tiers", "tier_spend", row + 1))
            code = self.table.item(row, COL_NAME).data(CODE_ROLE) or self._new_code(name, tiers)
            tiers.append(TierDefinition(code, name, row, spend, visits, self._text(row, COL_BENEFITS)))
        problems += [
            FieldProblem("tiers", "tier_order", row + 1)
            for row, (low, high) in enumerate(itertools.pairwise(tiers), start=1)
            if high.spend_floor_minor < low.spend_floor_minor or high.visit_floor < low.visit_floor
        ]
        if problems:  # one sentence at a time under the table, with its row selected: the first one to fix
            self.table.selectRow((problems[0].row or 1) - 1)
        require_valid(problems[:1])
        return tuple(tiers)

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def _new_code(self, name: str, earlier: list[TierDefinition]) -> str:
        taken = {t.code for t in earlier} | {t.code for t in self._loaded.rules.tiers.tiers}
        base = re.sub(r"\W+", "_", name.casefold()).strip("_") or "tier"
        code, n = base, 2
        while code in taken:
            code, n = f"{base}_{n}", n + 1
        return code

    def problem_texts(self) -> dict[str, str]:
        return {
            "tier_name": self.tr("Every tier needs a name."),
            "tier_spend": self.tr("A spend floor is an amount of zero or more, such as 1,500.00."),
            "tier_order": self.tr("Each tier's floors must be at least those of the tier above it in the list."),
        }

    # -- rows --------------------------------------------------------------------------------
    def _on_add_button_clicked(self) -> None:
        last = self.table.rowCount() - 1
        visits = int(self.table.item(last, COL_VISITS).data(Qt.ItemDataRole.EditRole) or 0) if last >= 0 else 0
        spend = self._text(last, COL_SPEND) if last >= 0 else "0"
        self._append_row("", spend, visits, "", "")
        self.table.setCurrentCell(last + 1, COL_NAME)
        self.table.editItem(self.table.item(last + 1, COL_NAME))
        self._on_edited()
        self._update_buttons()

    def _on_remove_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.table.rowCount() > 1:
            self.table.removeRow(row)
            self._on_edited()
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Also sizes the table to its rows, so the buttons and Save sit right under the last tier."""
        rows = max(self.table.rowCount(), 5)
        height = (
            self.table.horizontalHeader().sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize()
        )
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)
        self.add_button.setEnabled(self.table.rowCount() < MAX_TIERS)
        self.remove_button.setEnabled(self.table.rowCount() > 1)
