"""One patient's membership: every review's figures, tier history with reasons, overrides, alerts, packets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLocale, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alert_text import RULE_NAMES, describe_reason
from dermadesk.domain.alerts import Alert, AlertStatus
from dermadesk.domain.money import Money
from dermadesk.domain.tiers import TierChangeReason, TierDefinition, TierOverride
from dermadesk.domain.timeline import TimelineEvent
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.patient_table_model import segment_text, stage_text, tier_icon, tier_text
from dermadesk.ui.models.timeline_model import local_text, money_text

if TYPE_CHECKING:
    from dermadesk.services.tiering import PatientTiers

REASONS = {
    TierChangeReason.INITIAL: QT_TR_NOOP("First review"),
    TierChangeReason.PROMOTION: QT_TR_NOOP("Promoted at review"),
    TierChangeReason.DEMOTION: QT_TR_NOOP("Demoted after the grace period"),
    TierChangeReason.OVERRIDE: QT_TR_NOOP("Owner's override"),
    TierChangeReason.OVERRIDE_ENDED: QT_TR_NOOP("Override ended"),
    TierChangeReason.MERGED: QT_TR_NOOP("Records merged"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def _table(headers: Sequence[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([_tr(h) for h in headers])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], empty: str) -> None:
    table.clearSpans()
    table.setRowCount(max(len(rows), 1))
    if not rows:
        table.setItem(0, 0, QTableWidgetItem(empty))
        table.setSpan(0, 0, 1, table.columnCount())
        table.item(0, 0).setForeground(QBrush(QColor("#555b63")))
        return
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # long reasons are cut to the column; the whole text on hover
            table.setItem(r, c, item)


class PatientTiersPanel(QWidget):
    override_requested = Signal()
    end_override_requested = Signal(object)  # TierOverride

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overrides: list[TierOverride] = []
        self._today = date.today()
        self._locale = QLocale()
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.reviews = _table(
            (
                QT_TR_NOOP("Month"),
                QT_TR_NOOP("Tier"),
                QT_TR_NOOP("Qualifies for"),
                QT_TR_NOOP("Segment"),
                QT_TR_NOOP("Stage"),
                QT_TR_NOOP("Spend 12 m"),
                QT_TR_NOOP("Visits 12 m"),
                QT_TR_NOOP("Predicted 12 m"),
                QT_TR_NOOP("P(alive)"),
            ),
            3,
        )
        self.reviews.setMaximumHeight(170)
        self.history = _table(
            (QT_TR_NOOP("When"), QT_TR_NOOP("From"), QT_TR_NOOP("To"), QT_TR_NOOP("Why"), QT_TR_NOOP("Note")), 4
        )
        self.overrides = _table(
            (QT_TR_NOOP("Tier"), QT_TR_NOOP("Reason"), QT_TR_NOOP("Ends on"), QT_TR_NOOP("Status")), 1
        )
        self.alerts = _table((QT_TR_NOOP("Raised"), QT_TR_NOOP("Alert"), QT_TR_NOOP("Why"), QT_TR_NOOP("Status")), 2)
        self.packets = _table((QT_TR_NOOP("When"), QT_TR_NOOP("Packet"), QT_TR_NOOP("How")), 1)
        self.add_override_button = QPushButton(self.tr("&Override tier…"))
        self.end_override_button = QPushButton(self.tr("&End override"))
        self.end_override_button.setEnabled(False)
        overrides_box = self._box(self.tr("Overrides"), self.overrides)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.end_override_button)
        buttons.addWidget(self.add_override_button)
        overrides_box.layout().addLayout(buttons)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self._box(self.tr("Monthly reviews"), self.reviews), 0, 0, 1, 2)
        layout.addWidget(self._box(self.tr("Tier history"), self.history), 1, 0)
        layout.addWidget(overrides_box, 2, 0)
        layout.addWidget(self._box(self.tr("Alerts for this patient"), self.alerts), 1, 1)
        layout.addWidget(self._box(self.tr("Packets printed"), self.packets), 2, 1)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)

    @staticmethod
    def _box(title: str, table: QTableWidget) -> QGroupBox:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.addWidget(table)
        return box

    def _connect_signals(self) -> None:
        self.add_override_button.clicked.connect(self.override_requested)
        self.end_override_button.clicked.connect(self._on_end_override_button_clicked)
        self.overrides.itemSelectionChanged.connect(self._on_overrides_item_selection_changed)

    def set_can_override(self, allowed: bool) -> None:
        self.add_override_button.setVisible(allowed)
        self.end_override_button.setVisible(allowed)

    # -- what the page pushes in -------------------------------------------------------------
    def show_tiers(self, tiers: PatientTiers, staff: Mapping[int, str], currency: str, today: date) -> None:
        defs, self._today = tiers.definitions, today
        self._fill_reviews(tiers, defs, currency)
        # a change made by a review is dated by the review it belongs to, not by when that review was run
        months = {review.id: review.month for review, _ in tiers.results}
        _fill(
            self.history,
            [
                [
                    self.tr("review %1").replace("%1", months[c.review_id])
                    if c.review_id in months
                    else self._when(c.changed_at),
                    tier_text(c.from_tier, defs) or "—",
                    tier_text(c.to_tier, defs) or "—",
                    _tr(REASONS.get(c.reason, c.reason.value)),
                    c.note or staff.get(c.changed_by or 0, ""),
                ]
                for c in reversed(tiers.history)
            ],
            self.tr("No tier changes yet."),
        )
        self._overrides = sorted(tiers.overrides, key=lambda o: o.ends_on, reverse=True)
        _fill(
            self.overrides,
            [
                [tier_text(o.tier_code, defs), o.reason, self._day(o.ends_on), self._override_status(o, today)]
                for o in self._overrides
            ],
            self.tr("No overrides."),
        )
        self.end_override_button.setEnabled(False)

    def show_alerts(self, alerts: Sequence[Alert]) -> None:
        rows = []
        for alert in sorted(alerts, key=lambda a: a.raised_on, reverse=True):
            why = describe_reason(alert.rule, alert.reason, lambda t: QCoreApplication.translate(WORDS, t))
            rows.append([self._day(alert.raised_on), _tr(RULE_NAMES[alert.rule]), why, self._alert_status(alert)])
        _fill(self.alerts, rows, self.tr("No alerts raised for this patient."))

    def show_packets(self, events: Sequence[TimelineEvent], staff: Mapping[int, str]) -> None:
        rows = [
            [
                self._when(e.occurred_at),
                str(e.details.get("packet", "")).replace("_", " ").capitalize(),
                " · ".join(x for x in (_tr(str(e.details.get("how", ""))), staff.get(e.recorded_by or 0, "")) if x),
            ]
            for e in events
        ]
        _fill(self.packets, rows, self.tr("No packets printed yet."))

    # -- formatting ------------------------------------------------------------------------------
    def _fill_reviews(self, tiers: PatientTiers, defs: Sequence[TierDefinition], currency: str) -> None:
        rows = []
        for review, r in reversed(tiers.results):
            rows.append(
                [
                    review.month,
                    tier_text(r.tier, defs) or "—",
                    tier_text(r.qualified_tier, defs) or "—",
                    segment_text(r.segment) or "—",
                    stage_text(r.stage),
                    money_text(Money(r.clv_12m_minor, currency), self._locale),
                    self._locale.toString(r.frequency),
                    money_text(Money(r.clv_predicted_minor, currency), self._locale),
                    "—" if r.p_alive is None else self._locale.toString(r.p_alive * 100, "f", 0) + " %",
                ]
            )
        _fill(self.reviews, rows, self.tr("Not in any monthly review yet."))
        for row, (_review, r) in enumerate(reversed(tiers.results)):
            if r.tier:
                self.reviews.item(row, 1).setIcon(tier_icon(r.tier))

    def _when(self, at: datetime) -> str:
        return local_text(at, self._locale)

    def _day(self, day: date) -> str:
        return self._locale.toString(day, QLocale.FormatType.ShortFormat)

    def _override_status(self, override: TierOverride, today: date) -> str:
        if override.cancelled_at is not None:
            return self.tr("Ended early")
        return self.tr("In force") if override.in_force(today) else self.tr("Expired")

    def _alert_status(self, alert: Alert) -> str:
        if alert.status is AlertStatus.SNOOZED and alert.snoozed_until:
            return self.tr("Snoozed until %1").replace("%1", self._day(alert.snoozed_until))
        if alert.status is AlertStatus.RESOLVED and alert.outcome:
            return self.tr("Resolved: %1").replace("%1", _tr(alert.outcome.value.replace("_", " ")))
        return {AlertStatus.OPEN: self.tr("Open"), AlertStatus.DISMISSED: self.tr("Dismissed")}.get(
            alert.status, alert.status.value
        )

    # -- slots -----------------------------------------------------------------------------------
    def _on_overrides_item_selection_changed(self) -> None:
        row = self.overrides.currentRow()
        chosen = self._overrides[row] if 0 <= row < len(self._overrides) else None
        self.end_override_button.setEnabled(chosen is not None and chosen.in_force(self._today))

    def _on_end_override_button_clicked(self) -> None:
        row = self.overrides.currentRow()
        if 0 <= row < len(self._overrides):
            self.end_override_button.setEnabled(False)
            self.end_override_requested.emit(self._overrides[row])
