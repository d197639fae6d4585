"""The Tiers dashboard (owner): a stored monthly review's patients per tier, segment and stage, revenue per
tier, the value at risk, the month's movement matrix; and running a review in the background."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dermadesk.domain.alerts import AlertRule
from dermadesk.domain.dates import month_key
from dermadesk.domain.ports import ProgressReporter, SilentProgress
from dermadesk.domain.segments import AT_RISK_SEGMENTS, EIGHT_GROUPS, GRID_SEGMENTS, STAGE_ORDER, Segment, Stage
from dermadesk.domain.staff import Permission
from dermadesk.domain.tiers import ReviewFigures, TierDefinition, TierReview
from dermadesk.services.alerts import AlertRunSummary
from dermadesk.services.tiering import NONE, ReviewSummary
from dermadesk.services.workspace import Services
from dermadesk.ui import i18n
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.document_dialog import DocumentDialog
from dermadesk.ui.i18n import list_separator
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import date_edit_format, display_locale, money_text
from dermadesk.ui.models.patient_table_model import segment_text, stage_text, tier_text
from dermadesk.ui.pages.base_page import Page
from dermadesk.ui.tasks import Task
from dermadesk.ui.widgets.movement_matrix import MovementMatrix

if TYPE_CHECKING:
    from dermadesk.ui.charts.tier_charts import BarChart

AT_RISK_STAGES = (Stage.SILENT, Stage.DORMANT)
NOTICE_STYLE = {False: "background:#e8f0fe; color:#1e3a8a", True: "background:#fde8e8; color:#8a1c1c"}
CARD_STYLE = "QFrame#card { background: #f6f7f9; border: 1px solid #e3e6ea; border-radius: 6px; }"


@dataclass(frozen=True)
class TierFigures:
    """One review's figures, computed off the GUI thread from its stored results."""

    review: TierReview
    previous: TierReview | None
    tier_codes: list[str]  # NONE first, then the tiers lowest first
    per_tier: dict[str, int]
    revenue: dict[str, int]  # 12-month spend per tier, minor units
    per_segment: dict[str, int]
    per_stage: dict[str, int]
    moves: dict[tuple[str, str], int]  # (tier at the previous review, tier now) -> patients
    at_risk_minor: int
    at_risk_patients: int
    at_risk_segments: tuple[str, ...]  # the at-risk segments of the segment map in use


@dataclass(frozen=True)
class Dashboard:
    reviews: list[TierReview]
    figures: TierFigures | None = None
    definitions: list[TierDefinition] = field(default_factory=list)


def tier_figures(figures: ReviewFigures, definitions: Sequence[TierDefinition]) -> TierFigures:
    """The page's view of a review's figures (grouped by the service, in the database)."""
    ranked = [t.code for t in sorted(definitions, key=lambda t: t.rank)]
    seen = set(figures.per_tier) | {a for a, _ in figures.moves} | {b for _, b in figures.moves}
    codes = [NONE, *ranked, *sorted(seen - set(ranked) - {NONE})]  # a tier since removed from the rules still shows
    eight = any(Segment(s) in EIGHT_GROUPS for s in figures.per_segment)  # which segment map the review used
    return TierFigures(
        figures.review,
        figures.previous,
        codes,
        dict(figures.per_tier),
        dict(figures.revenue_12m),
        dict(figures.per_segment),
        dict(figures.per_stage),
        dict(figures.moves),
        figures.at_risk_value,
        figures.at_risk_patients,
        tuple(s.value for s in (EIGHT_GROUPS if eight else GRID_SEGMENTS) if s in AT_RISK_SEGMENTS),
    )


def load_dashboard(
    services: Services, month: str | None, progress: ProgressReporter | None = None, steps: Sequence[str] = ("", "")
) -> Dashboard | None:
    """The stored reviews and, for the chosen month (the latest if none), its figures against the review before.
    Reading a big clinic's two reviews takes seconds, so it reports progress; None when cancelled."""
    progress = progress or SilentProgress()
    reviews = services.tiers.reviews()
    definitions = list(services.clinic.settings().rules.tiers.tiers)
    chosen = next((r for r in reviews if r.month == month), reviews[-1] if reviews else None)
    if chosen is None:
        return Dashboard(reviews, None, definitions)
    progress.report(0, 1, steps[0])
    figures = services.tiers.figures(chosen.month)
    progress.report(1, 1, steps[1])
    return Dashboard(reviews, tier_figures(figures, definitions), definitions)


def default_as_of(today: date) -> date:
    """The last day of the previous month: a review describes a whole month."""
    return today.replace(day=1) - timedelta(days=1)


@dataclass(frozen=True)
class DashboardCharts:
    """The dashboard's four bar charts; made on first use, because pyqtgraph takes a moment to load."""

    tier: BarChart
    revenue: BarChart
    segment: BarChart
    stage: BarChart


class TiersPage(Page):
    required_permission = Permission.RUN_REPORTS
    page_id = "tiers"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dashboard: Dashboard | None = None
        self.review_task: Task | None = None
        self._filling = False
        self._setup_ui()
        self._connect_signals()
        self._restore_state()

    def title(self) -> str:
        return self.tr("Tiers")

    # -- building ----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._make_top())
        self.caption = QLabel(styleSheet="color: #4b5563")
        self.notice = QLabel(wordWrap=True)
        self.notice.hide()
        layout.addWidget(self.caption)
        layout.addWidget(self.notice)
        layout.addLayout(self._make_cards())
        self.charts: DashboardCharts | None = None  # built when the page is first shown: pyqtgraph loads late
        self.matrix = MovementMatrix(display_locale())
        self.matrix_title = QLabel(styleSheet="font-weight: 600")
        self.matrix_legend = QLabel(
            self.tr("Green: moved up a tier · red: moved down · grey: stayed. Hover a cell for its meaning."),
            styleSheet="color: #4b5563",
            wordWrap=True,
        )
        self.top_row = self._row()
        self.bottom_row = self._row(self._titled(self.matrix_title, self.matrix, self.matrix_legend), stretch=(2,))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.top_row)
        self.splitter.addWidget(self.bottom_row)
        layout.addWidget(self.splitter, 1)

    def _make_top(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tiers"), styleSheet="font-size: 15pt; font-weight: 600"))
        top.addSpacing(12)
        self.month_combo = QComboBox(minimumWidth=160)
        self.month_combo.setToolTip(self.tr("Which monthly review to show"))
        month_label = QLabel(self.tr("&Review"))
        month_label.setBuddy(self.month_combo)
        top.addWidget(month_label)
        top.addWidget(self.month_combo)
        top.addStretch(1)
        today = self.ctx.services.context.clock.today()
        self.as_of_edit = QDateEdit(QDate(default_as_of(today)), calendarPopup=True)
        self.as_of_edit.setMaximumDate(QDate(today))
        self.as_of_edit.setDisplayFormat(date_edit_format())
        self.as_of_edit.setToolTip(self.tr("The day the review looks back from; it is stored for that day's month"))
        as_of_label = QLabel(self.tr("&As of"))
        as_of_label.setBuddy(self.as_of_edit)
        self.run_button = QPushButton(self.tr("Run review…"))
        self.run_button.setToolTip(self.tr("Work out every patient's tier, segment and stage as of that day"))
        self.report_button = QPushButton(self.tr("Monthly &report…"))
        self.report_button.setToolTip(self.tr("Print or save the owner's report of the chosen month, with its CSV"))
        for widget in (as_of_label, self.as_of_edit, self.run_button, self.report_button):
            top.addWidget(widget)
        return top

    def _make_cards(self) -> QGridLayout:
        grid = QGridLayout()
        self.members_value = self._card(grid, 0, self.tr("Patients with a tier"))
        self.revenue_value = self._card(grid, 1, self.tr("Revenue, last 12 months"))
        self.at_risk_value = self._card(grid, 2, self.tr("Value at risk (next 12 months)"))
        self.moves_value = self._card(grid, 3, self.tr("Tier moves this month"))
        return grid

    def _card(self, grid: QGridLayout, column: int, title: str) -> QLabel:
        card = QFrame(objectName="card")
        card.setStyleSheet(CARD_STYLE)
        box = QVBoxLayout(card)
        box.setContentsMargins(12, 8, 12, 8)
        box.addWidget(QLabel(title, styleSheet="color: #4b5563"))
        value = QLabel("—", styleSheet="font-size: 15pt; font-weight: 600")
        box.addWidget(value)
        grid.addWidget(card, 0, column)
        return value

    @staticmethod
    def _row(*widgets: QWidget, stretch: Sequence[int] = ()) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, widget in enumerate(widgets):
            layout.addWidget(widget, stretch[i] if stretch else 1)
        return box

    @staticmethod
    def _titled(title: QLabel, *widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addStretch(1)
        return box

    def _connect_signals(self) -> None:
        self.month_combo.currentIndexChanged.connect(self._on_month_combo_changed)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.report_button.clicked.connect(self._on_report_button_clicked)
        self.splitter.splitterMoved.connect(self._save_state)

    def _restore_state(self) -> None:
        state = QSettings().value(f"{self.page_id}/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def _save_state(self) -> None:
        QSettings().setValue(f"{self.page_id}/splitter", self.splitter.saveState())

    # -- loading -----------------------------------------------------------------------------
    def activate(self) -> None:
        self._ensure_charts()
        self.reload(self.month_combo.currentData())

    def _ensure_charts(self) -> None:
        if self.charts is None:
            from dermadesk.ui.charts.tier_charts import BarChart

            locale = display_locale()
            self.charts = DashboardCharts(
                BarChart(self.tr("Patients per tier"), locale=locale),
                BarChart(self.tr("Revenue per tier (last 12 months)"), locale=locale),
                BarChart(self.tr("Patients per segment"), horizontal=True, locale=locale),
                BarChart(self.tr("Lifecycle"), horizontal=True, locale=locale),
            )
            self.top_row.layout().addWidget(self.charts.tier, 1)
            self.top_row.layout().addWidget(self.charts.revenue, 1)
            self.top_row.layout().addWidget(self.charts.segment, 1)
            self.bottom_row.layout().addWidget(self.charts.stage, 1)

    def reload(self, month: str | None = None) -> None:
        services = self.ctx.services
        steps = (self.tr("Reading the review…"), self.tr("Reading the review before it…"))
        self.ctx.db(
            lambda progress: load_dashboard(services, month, progress, steps),
            on_done=self._on_loaded,
            on_error=self._on_failed,
            progress=self.tr("Loading the tier review"),
            parent=self,
        )

    def _on_month_combo_changed(self) -> None:
        if not self._filling:
            self.reload(self.month_combo.currentData())

    def _on_loaded(self, dashboard: Dashboard | None) -> None:
        if dashboard is None:  # cancelled: keep showing what was there, and say which month that is
            if self.dashboard is not None:
                self._fill_months(self.dashboard)
            return
        self.dashboard = dashboard
        self._fill_months(dashboard)
        figures = dashboard.figures
        if figures is None:
            self.caption.setText(self.tr("No tier review yet. Choose a day and run the first one."))
            return
        self._show_caption(figures)
        self._show_cards(figures)
        self._show_charts(figures)
        self._show_matrix(figures)

    def _fill_months(self, dashboard: Dashboard) -> None:
        self._filling = True  # filling the list is not the owner choosing a month
        self.month_combo.clear()
        for review in reversed(dashboard.reviews):
            self.month_combo.addItem(self._month_name(review.month), review.month)
        if dashboard.figures is not None:
            self.month_combo.setCurrentIndex(self.month_combo.findData(dashboard.figures.review.month))
        self._filling = False

    def _month_name(self, month: str) -> str:
        year, mon = (int(x) for x in month.split("-"))
        return display_locale().toString(date(year, mon, 1), self.tr("MMMM yyyy"))

    def tier_label(self, code: str) -> str:
        if code == NONE:
            return self.tr("No tier")
        definitions = self.dashboard.definitions if self.dashboard else []
        return tier_text(code, definitions)

    # -- showing -----------------------------------------------------------------------------
    def _show_caption(self, f: TierFigures) -> None:
        locale = display_locale()
        parts = [
            self.tr("As of %1").replace("%1", locale.toString(f.review.as_of, QLocale.FormatType.LongFormat)),
            self.tr("patients reviewed: %1").replace("%1", locale.toString(sum(f.per_tier.values()))),
            self.tr("compared with %1").replace("%1", self._month_name(f.previous.month))
            if f.previous
            else self.tr("the first review: every patient starts from no tier"),
        ]
        self.caption.setText(" · ".join(parts))

    def _money(self, minor: int) -> str:
        return money_text(minor, self.ctx.clinic.currency, decimals=False)

    def _show_cards(self, f: TierFigures) -> None:
        locale = display_locale()
        self.members_value.setText(locale.toString(sum(n for code, n in f.per_tier.items() if code != NONE)))
        self.revenue_value.setText(self._money(sum(f.revenue.values())))
        self.at_risk_value.setText(self._money(f.at_risk_minor))
        stages = list_separator().join(stage_text(s.value) for s in AT_RISK_STAGES)
        segments = list_separator().join(segment_text(s) for s in f.at_risk_segments)
        self.at_risk_value.parentWidget().setToolTip(  # the whole card explains itself
            self.tr("Predicted value for the next 12 months of the %1 patients who are %2, or in the segments %3.")
            .replace("%1", locale.toString(f.at_risk_patients))
            .replace("%2", stages)
            .replace("%3", segments)
        )
        up = sum(n for (a, b), n in f.moves.items() if f.tier_codes.index(b) > f.tier_codes.index(a))
        down = sum(n for (a, b), n in f.moves.items() if f.tier_codes.index(b) < f.tier_codes.index(a))
        moves = self.tr("↑ %1   ↓ %2").replace("%1", locale.toString(up)).replace("%2", locale.toString(down))
        self.moves_value.setText(moves)
        self.moves_value.parentWidget().setToolTip(self.tr("Patients promoted ↑ and demoted ↓ since the review before"))

    def _show_charts(self, f: TierFigures) -> None:
        labels = [self.tier_label(c) for c in f.tier_codes]
        from dermadesk.ui.charts.tier_charts import tier_colour

        self._ensure_charts()
        assert self.charts is not None
        colours = [tier_colour(None if c == NONE else c) for c in f.tier_codes]
        self.charts.tier.set_bars(labels, [f.per_tier.get(c, 0) for c in f.tier_codes], colours)
        self.charts.revenue.set_bars(
            labels, [f.revenue.get(c, 0) for c in f.tier_codes], colours, lambda v: self._money(int(v))
        )
        segments = [s.value for s in Segment if f.per_segment.get(s.value)]
        self.charts.segment.set_bars(
            [segment_text(s) for s in segments],
            [f.per_segment[s] for s in segments],
            ["#e8833a" if s in AT_RISK_SEGMENTS else "#5b8def" for s in segments],
        )
        stages = [s.value for s in STAGE_ORDER]
        self.charts.stage.set_bars(
            [stage_text(s) for s in stages],
            [f.per_stage.get(s, 0) for s in stages],
            ["#e8833a" if s in AT_RISK_STAGES else "#7c8ea6" for s in stages],
        )

    def _show_matrix(self, f: TierFigures) -> None:
        index = {code: i for i, code in enumerate(f.tier_codes)}
        self.matrix.set_matrix(
            [self.tier_label(c) for c in f.tier_codes], {(index[a], index[b]): n for (a, b), n in f.moves.items()}
        )
        since = self._month_name(f.previous.month) if f.previous else self.tr("no review")
        self.matrix_title.setText(self.tr("Moves from %1 (rows) to %2 (columns)").replace("%1", since)
                                  .replace("%2", self._month_name(f.review.month)))  # fmt: skip

    # -- running a review --------------------------------------------------------------------
    def _on_report_button_clicked(self) -> None:
        """The chosen month's report: the PDF in a print dialog, and its figures as CSV beside it."""
        month = self.month_combo.currentData()
        if not month:
            return
        reports = self.ctx.services.reports

        def build(language: str | None) -> bytes:
            return reports.monthly_pdf(month, language or workstation)[1]

        workstation = i18n.current_language()  # the report speaks the workstation's language unless changed
        dialog = DocumentDialog(
            self.ctx,
            self.tr("Monthly tier report %1").replace("%1", month),
            f"tier-report-{month}.pdf",
            build,
            language=workstation,
            parent=self,
            for_patient=False,
        )
        dialog.save_csv_button = dialog.buttons.addButton(self.tr("Save &CSV…"), dialog.buttons.ButtonRole.ActionRole)
        dialog.save_csv_button.clicked.connect(lambda: self._save_csv(month))
        dialog.show()

    def _save_csv(self, month: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report's figures"), f"tier-report-{month}.csv", self.tr("CSV (*.csv)")
        )
        if not path:
            return
        reports = self.ctx.services.reports
        self.ctx.db(
            lambda: reports.monthly_csv(reports.monthly(month, "en")),
            lambda text: _write_text(self, path, text),
            parent=self,
        )

    def _on_run_button_clicked(self) -> None:
        as_of: date = self.as_of_edit.date().toPython()  # type: ignore[assignment]
        month = month_key(as_of)
        existing = next((r for r in (self.dashboard.reviews if self.dashboard else []) if r.month == month), None)
        if existing is not None and not self._confirm_replace(existing):
            return
        tiers, alerts = self.ctx.services.tiers, self.ctx.services.alerts

        def run(progress: object) -> tuple[ReviewSummary, AlertRunSummary]:
            summary = tiers.run_review(as_of, progress)  # type: ignore[arg-type]
            return summary, alerts.run(as_of, snapshot=summary.snapshot)  # the same day's alerts, same figures

        self.run_button.setEnabled(False)
        self.review_task = self.ctx.db(
            run,
            on_done=self._on_review_done,
            on_error=self._on_review_failed,
            progress=self.tr("Running the tier review…"),
            parent=self,
        )

    def _confirm_replace(self, existing: TierReview) -> bool:
        when = display_locale().toString(existing.as_of, QLocale.FormatType.ShortFormat)
        text = self.tr("%1 already has a review (as of %2). Running it again replaces it. Continue?")
        answer = QMessageBox.question(
            self,
            self.tr("Replace the review?"),
            text.replace("%1", self._month_name(existing.month)).replace("%2", when),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _on_review_done(self, result: tuple[ReviewSummary, AlertRunSummary]) -> None:
        summary, alert_run = result
        self.review_task = None
        self.run_button.setEnabled(True)
        raised = sum(alert_run.raised.get(rule, 0) for rule in AlertRule)
        number = display_locale().toString
        self._notify(
            self.tr("Review of %1 done: %2 patients; %3 moved up, %4 down. New alerts: %5.")
            .replace("%1", self._month_name(summary.review.month))
            .replace("%2", number(sum(summary.per_tier.values())))
            .replace("%3", number(self._count_moves(summary, up=True)))
            .replace("%4", number(self._count_moves(summary, up=False)))
            .replace("%5", number(raised))
        )
        self.ctx.signals.review_finished.emit()
        self.ctx.signals.alerts_changed.emit()
        self.reload(summary.review.month)

    def _count_moves(self, summary: ReviewSummary, up: bool) -> int:
        order = {NONE: -1, **{t.code: t.rank for t in self.ctx.clinic.rules.tiers.tiers}}
        return sum(n for (a, b), n in summary.moves.items() if (order.get(b, 0) > order.get(a, 0)) == up and a != b)

    def _on_review_failed(self, error: BaseException) -> None:
        self.review_task = None
        self.run_button.setEnabled(True)
        self._notify(error_text(error) + " " + self.tr("The stored reviews are unchanged."), error=True)

    def _notify(self, text: str, error: bool = False) -> None:
        self.notice.setStyleSheet(f"{NOTICE_STYLE[error]}; padding: 6px 10px; border-radius: 4px")
        self.notice.setText(text)
        self.notice.show()

    def _on_failed(self, error: BaseException) -> None:
        self._notify(error_text(error), error=True)


def _write_text(parent: QWidget, path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:  # a BOM so spreadsheets read UTF-8
            handle.write(text)
    except OSError as error:
        QMessageBox.warning(
            parent, QCoreApplication.translate("TiersPage", "Could not save"), error.strerror or str(error)
        )
