"""The owner's monthly tier report: the stored review of a month (never a recomputation) as figures, PDF and CSV."""

from __future__ import annotations

import io
from datetime import date

from dermadesk.documents.default_names import default_name
from dermadesk.domain.alerts import AlertOutcome
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import day_number, month_end
from dermadesk.domain.printables import (
    AlertCounts,
    MonthlyTierReport,
    MovementMatrix,
    Mover,
    NpsCounts,
    TierLine,
)
from dermadesk.domain.segments import STAGE_ORDER
from dermadesk.domain.staff import Permission
from dermadesk.domain.tiers import TierReview
from dermadesk.domain.timeline import EventKind
from dermadesk.services.context import ServiceContext
from dermadesk.services.phones import letterhead
from dermadesk.services.tiering import review_figures
from dermadesk.store.unit_of_work import UnitOfWork

NONE = "none"
MOVERS = 5


class ReportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def monthly(self, month: str, language: str = "en") -> MonthlyTierReport:
        self._ctx.require(Permission.RUN_REPORTS, "print the monthly report")
        with self._ctx.store.write() as uow:
            report = _monthly(uow, month, language)
            self._ctx.audit(uow, AuditAction.PRINT, "monthly_report", month)
        return report

    def monthly_pdf(self, month: str, language: str = "en") -> tuple[MonthlyTierReport, bytes]:
        from dermadesk.documents.monthly_report import build_monthly_report

        report = self.monthly(month, language)
        buffer = io.BytesIO()
        build_monthly_report(report, buffer)
        return report, buffer.getvalue()

    def monthly_csv(self, report: MonthlyTierReport) -> str:
        from dermadesk.documents.monthly_report_csv import write_monthly_report_csv

        self._ctx.require(Permission.RUN_REPORTS, "export the monthly report")
        text = io.StringIO()
        write_monthly_report_csv(report, text)
        with self._ctx.store.write() as uow:
            self._ctx.audit(uow, AuditAction.EXPORT, "monthly_report_csv", report.month)
        return text.getvalue()


def _alerts(uow: UnitOfWork, first: date, last: date) -> AlertCounts:
    alerts = uow.alerts.list()
    raised = sum(first <= a.raised_on <= last for a in alerts)
    handled = [a for a in alerts if a.handled_at and first <= a.handled_at.date() <= last and a.outcome]
    return AlertCounts(raised, len(handled), sum(a.outcome is AlertOutcome.REBOOKED for a in handled))


def _nps(uow: UnitOfWork, first: date, last: date) -> NpsCounts:
    scores = [
        e.details.get("nps")
        for e in uow.timeline.of_kinds_between([EventKind.SURVEY], day_number(first), day_number(last))
    ]
    scores = [s for s in scores if isinstance(s, int)]
    return NpsCounts(sum(s >= 9 for s in scores), sum(7 <= s <= 8 for s in scores), sum(s <= 6 for s in scores))


def _monthly(uow: UnitOfWork, month: str, language: str) -> MonthlyTierReport:
    figures = review_figures(uow, month)
    review, previous = figures.review, figures.previous
    tiers = sorted(uow.tiers.definitions(), key=lambda t: t.rank)
    codes = [NONE, *(t.code for t in tiers)]
    clinic = uow.settings.clinic()
    first = date(review.as_of.year, review.as_of.month, 1)
    retention = figures.retained / figures.were_active if figures.were_active else 0.0
    return MonthlyTierReport(
        month,
        letterhead(clinic),
        clinic.currency,
        tuple(
            TierLine(
                t.code,
                default_name(t.name, language),
                figures.per_tier.get(t.code, 0),
                figures.revenue_12m.get(t.code, 0),
                figures.visits_12m.get(t.code, 0),
            )
            for t in tiers
        ),
        MovementMatrix(tuple(codes), tuple(tuple(figures.moves.get((a, b), 0) for b in codes) for a in codes)),
        tuple(sorted(figures.per_segment.items(), key=lambda kv: -kv[1])),
        tuple((s.value, figures.per_stage.get(s.value, 0)) for s in STAGE_ORDER),
        retention,
        1.0 - retention if figures.were_active else 0.0,
        _alerts(uow, first, month_end(month)),
        _nps(uow, first, month_end(month)),
        *_movers(uow, review, previous, codes),
        figures.at_risk_value,
        figures.at_risk_patients,
        language=language,
    )


def _movers(
    uow: UnitOfWork, review: TierReview, previous: TierReview | None, order: list[str]
) -> tuple[tuple[Mover, ...], tuple[Mover, ...]]:
    """The biggest moves up and down the tiers, then by the change in 12-month spend."""
    if previous is None:
        return (), ()
    rank = {code: i for i, code in enumerate(order)}
    moved = uow.tiers.tier_moves(review, previous)
    names = {pid: p.display_name for pid, p in uow.patients.get_many([m[0] for m in moved]).items()}
    moves = [
        (
            rank.get(now, -1) - rank.get(was, -1),
            spent - before,
            Mover(names.get(pid, str(pid)), was, now, spent - before),
        )
        for pid, was, now, before, spent in moved
    ]
    up = sorted((m for m in moves if m[0] > 0), key=lambda m: (-m[0], -m[1]))[:MOVERS]
    down = sorted((m for m in moves if m[0] < 0), key=lambda m: (m[0], m[1]))[:MOVERS]
    return tuple(m[2] for m in up), tuple(m[2] for m in down)
