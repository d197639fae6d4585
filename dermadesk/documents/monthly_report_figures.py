"""Every figure of the monthly tier report, derived once, so the PDF and the CSV cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dermadesk.documents.formatting import money_plain, percent_value
from dermadesk.domain.printables import MonthlyTierReport, Mover


@dataclass(frozen=True)
class TierFigures:
    code: str
    name: str
    patients: int
    share_pct: Decimal
    revenue_minor: int
    visits: int


@dataclass(frozen=True)
class CountLine:
    code: str
    label: str
    count: int


@dataclass(frozen=True)
class FigureRow:
    """One CSV line: which part of the report, which row, which column, the value and its unit."""

    section: str
    code: str
    item: str
    measure: str
    value: str
    unit: str = ""


@dataclass(frozen=True)
class ReportFigures:
    report: MonthlyTierReport
    tiers: tuple[TierFigures, ...]
    total_patients: int
    total_revenue_minor: int
    total_visits: int
    movement_labels: tuple[str, ...]
    segments: tuple[CountLine, ...]
    funnel: tuple[CountLine, ...]
    retention_pct: Decimal
    churn_pct: Decimal
    nps_score: int | None

    def tier_label(self, code: str) -> str:
        index = self.report.movement.codes.index(code) if code in self.report.movement.codes else -1
        return self.movement_labels[index] if index >= 0 else code


def share(part: int, whole: int) -> Decimal:
    """A share as a percentage with one decimal, computed exactly (no float on the way)."""
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def nps_score(promoters: int, detractors: int, responses: int) -> int | None:
    """% promoters minus % detractors, rounded half up to a whole number, as NPS is quoted."""
    if not responses:
        return None
    return int((Decimal(promoters - detractors) * 100 / Decimal(responses)).quantize(Decimal(1), ROUND_HALF_UP))


def report_figures(report: MonthlyTierReport, words: dict[str, str]) -> ReportFigures:
    total = sum(t.patients for t in report.tiers)
    names = {t.code: t.name for t in report.tiers}
    return ReportFigures(
        report=report,
        tiers=tuple(
            TierFigures(t.code, t.name, t.patients, share(t.patients, total), t.revenue_minor, t.visits)
            for t in report.tiers
        ),
        total_patients=total,
        total_revenue_minor=sum(t.revenue_minor for t in report.tiers),
        total_visits=sum(t.visits for t in report.tiers),
        movement_labels=tuple(words["none"] if c == "none" else names.get(c, c) for c in report.movement.codes),
        segments=tuple(CountLine(c, words.get(f"segment.{c}", c), n) for c, n in report.segments),
        funnel=tuple(CountLine(c, words.get(f"stage.{c}", c), n) for c, n in report.funnel),
        retention_pct=percent_value(report.retention_rate),
        churn_pct=percent_value(report.churn_rate),
        nps_score=nps_score(report.nps.promoters, report.nps.detractors, report.nps.responses),
    )


def figure_rows(fig: ReportFigures) -> list[FigureRow]:
    """The figures as flat rows, in the order the report prints them."""
    report = fig.report
    rows = [*_summary_rows(fig), *_tier_rows(fig)]
    rows.append(FigureRow("risk", "", "", "at_risk_patients", str(report.at_risk_patients)))
    rows += _movement_rows(fig)
    rows += _mover_rows("movers_up", report.movers_up, fig) + _mover_rows("movers_down", report.movers_down, fig)
    rows += [
        FigureRow("alerts", "", "", measure, str(getattr(report.alerts, measure)))
        for measure in ("raised", "resolved", "rebooked")
    ]
    rows += [
        FigureRow("nps", "", "", measure, str(getattr(report.nps, measure)))
        for measure in ("promoters", "passives", "detractors", "responses")
    ]
    rows += [FigureRow("segments", s.code, s.label, "patients", str(s.count)) for s in fig.segments]
    rows += [FigureRow("funnel", s.code, s.label, "patients", str(s.count)) for s in fig.funnel]
    return rows


def _summary_rows(fig: ReportFigures) -> list[FigureRow]:
    report, cur = fig.report, fig.report.currency
    return [
        FigureRow("summary", "", "", "patients", str(fig.total_patients)),
        FigureRow("summary", "", "", "revenue", money_plain(fig.total_revenue_minor, cur), cur),
        FigureRow("summary", "", "", "visits", str(fig.total_visits)),
        FigureRow("summary", "", "", "retention_rate", str(fig.retention_pct), "%"),
        FigureRow("summary", "", "", "churn_rate", str(fig.churn_pct), "%"),
        FigureRow("summary", "", "", "nps", "" if fig.nps_score is None else str(fig.nps_score)),
        FigureRow("summary", "", "", "alerts_raised", str(report.alerts.raised)),
        FigureRow("summary", "", "", "revenue_at_risk", money_plain(report.revenue_at_risk_minor, cur), cur),
    ]


def _tier_rows(fig: ReportFigures) -> list[FigureRow]:
    cur = fig.report.currency
    rows: list[FigureRow] = []
    for t in fig.tiers:
        rows += [
            FigureRow("tiers", t.code, t.name, "patients", str(t.patients)),
            FigureRow("tiers", t.code, t.name, "share", str(t.share_pct), "%"),
            FigureRow("tiers", t.code, t.name, "revenue", money_plain(t.revenue_minor, cur), cur),
            FigureRow("tiers", t.code, t.name, "visits", str(t.visits)),
        ]
    return rows


def _movement_rows(fig: ReportFigures) -> list[FigureRow]:
    codes, labels = fig.report.movement.codes, fig.movement_labels
    return [
        FigureRow("movement", f"{codes[i]}>{codes[j]}", labels[i], f"to {labels[j]}", str(n))
        for i, counts in enumerate(fig.report.movement.counts)
        for j, n in enumerate(counts)
    ]


def _mover_rows(section: str, movers: tuple[Mover, ...], fig: ReportFigures) -> list[FigureRow]:
    currency = fig.report.currency
    rows: list[FigureRow] = []
    for rank, mover in enumerate(movers, start=1):
        rows += [
            FigureRow(section, str(rank), mover.name, "from", fig.tier_label(mover.from_tier)),
            FigureRow(section, str(rank), mover.name, "to", fig.tier_label(mover.to_tier)),
            FigureRow(section, str(rank), mover.name, "change", money_plain(mover.change_minor, currency), currency),
        ]
    return rows
