"""Skin readings: one trend chart per metric, and two sessions compared side by side as a table of changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.readings import ConcernWhen, Metric, ReadingSession
from dermadesk.ui.charts.metric_words import short_name
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.models.timeline_model import local_text

if TYPE_CHECKING:
    from dermadesk.services.readings import MetricDelta

CHART_COLUMNS = 3
BETTER, WORSE = "#1b7f3b", "#b00020"


class ReadingsPanel(QWidget):
    add_requested = Signal()
    compare_requested = Signal(object, object)  # ReadingSession, ReadingSession (earlier, later)

    def __init__(self, settings_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings_key = settings_key
        self.charts: dict[str, QWidget] = {}  # metric code -> ReadingsChart
        self._sessions: list[ReadingSession] = []
        self._setup_ui()
        self._connect_signals()

    def _setup_ui(self) -> None:
        self.add_button = QPushButton(self.tr("Add reading &session…"))
        self.empty_label = QLabel(self.tr("No skin readings recorded for this patient yet."))
        self.empty_label.setStyleSheet("color: #555b63; padding: 24px")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self._compare_box())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = QSettings().value(self._settings_key)
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([760, 360])  # the trends get the room; the comparison is a side table
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Dashed red line: concern threshold; red diamonds cross it.")))
        top.addStretch()
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)

    def _compare_box(self) -> QWidget:
        box = QWidget()
        self.first_combo, self.second_combo = QComboBox(), QComboBox()
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.deltas = QTableWidget(0, 4)
        self.deltas.setHorizontalHeaderLabels(
            [self.tr("Metric"), self.tr("Before"), self.tr("After"), self.tr("Change")]
        )
        self.deltas.verticalHeader().hide()
        self.deltas.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deltas.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.deltas.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        form = QFormLayout()
        form.addRow(self.tr("&Before:"), self.first_combo)
        form.addRow(self.tr("&After:"), self.second_combo)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Compare two sessions</b>")))
        layout.addLayout(form)
        layout.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.deltas, 1)
        return box

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_requested)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)

    # -- what the page pushes in -----------------------------------------------------------------
    def show_sessions(self, metrics: Sequence[Metric], sessions: Sequence[ReadingSession]) -> None:
        """Sessions oldest first; a chart for every metric that has a value in any session."""
        self._sessions = list(sessions)
        self._build_charts([m for m in metrics if any(m.code in s.values for s in sessions)])
        for code, chart in self.charts.items():
            taken = [s for s in sessions if code in s.values]
            chart.set_readings([s.taken_at for s in taken], [s.values[code] for s in taken])
        self._fill_combos()
        self.empty_label.setVisible(not sessions)
        self.splitter.setVisible(bool(sessions))

    def show_deltas(self, deltas: Sequence[MetricDelta]) -> None:
        self.deltas.setRowCount(len(deltas))
        for row, delta in enumerate(deltas):
            cells = [
                f"{short_name(delta.metric)} ({delta.metric.unit})",
                self._number(delta.before),
                self._number(delta.after),
                self._change(delta.change),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(f"{_tr_name(delta.metric)} ({delta.metric.unit})")
                self.deltas.setItem(row, col, item)
            colour = _change_colour(delta.metric, delta.change)
            if colour:
                self.deltas.item(row, 3).setForeground(QBrush(QColor(colour)))

    def set_can_add(self, allowed: bool) -> None:
        self.add_button.setVisible(allowed)

    def chosen_sessions(self) -> tuple[ReadingSession, ReadingSession] | None:
        first, second = self.first_combo.currentData(), self.second_combo.currentData()
        return (first, second) if first is not None and second is not None else None

    # -- building ---------------------------------------------------------------------------------
    def _build_charts(self, metrics: Sequence[Metric]) -> None:
        if [m.code for m in metrics] == list(self.charts):
            return  # the same metrics: keep the charts, just give them new data
        for chart in self.charts.values():
            self._grid.removeWidget(chart)
            chart.hide()
            chart.deleteLater()  # still parented until then: only the GUI thread ever deletes it
        self.charts = {}
        for i, metric in enumerate(metrics):
            from dermadesk.ui.charts.readings_chart import ReadingsChart  # pyqtgraph loads on first use

            chart = ReadingsChart(metric)
            self._grid.addWidget(chart, i // CHART_COLUMNS, i % CHART_COLUMNS)
            self.charts[metric.code] = chart

    def _fill_combos(self) -> None:
        for combo in (self.first_combo, self.second_combo):
            combo.clear()
            for session in reversed(self._sessions):  # newest first, as everywhere else
                combo.addItem(self._session_label(session), session)
        if len(self._sessions) >= 2:
            self.first_combo.setCurrentIndex(1)  # the one before the latest…
            self.second_combo.setCurrentIndex(0)  # …against the latest
        self.compare_button.setEnabled(len(self._sessions) >= 2)

    def _session_label(self, session: ReadingSession) -> str:
        label = local_text(session.taken_at)
        return f"{label} · {session.device}" if session.device else label

    def _number(self, value: float | None) -> str:
        return "—" if value is None else QLocale().toString(float(value), "f", 1)

    def _change(self, change: float | None) -> str:
        if change is None:
            return "—"
        sign = "+" if change > 0 else ""
        return sign + QLocale().toString(float(change), "f", 1)

    # -- slots ----------------------------------------------------------------------------------------
    def _on_compare_button_clicked(self) -> None:
        chosen = self.chosen_sessions()
        if chosen is None:
            return
        first, second = sorted(chosen, key=lambda s: s.taken_at)
        self.compare_requested.emit(first, second)

    def _on_splitter_moved(self, *_args: int) -> None:
        QSettings().setValue(self._settings_key, self.splitter.saveState())


def _tr_name(metric: Metric) -> str:
    return QCoreApplication.translate(WORDS, metric.name)


def _change_colour(metric: Metric, change: float | None) -> str | None:
    """Green when the change moves away from the concern side, red when it moves towards it."""
    if not change:
        return None
    towards_concern = change < 0 if metric.concern_when in (ConcernWhen.BELOW, ConcernWhen.AT_OR_BELOW) else change > 0
    return WORSE if towards_concern else BETTER
