"""The owner's monthly tier report: the stored review of a month (never a recomputation) as figures, PDF and CSV."""

from __future__ import annotations

import io
from collections import Counter
from datetime import date

from dermadesk.domain.alerts import AlertOutcome
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import day_number, month_end
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.printables import (
    AlertCounts,
    MonthlyTierReport,
    MovementMatrix,
    Mover,
    NpsCounts,
    TierLine,
)
from dermadesk.domain.segments import AT_RISK_SEGMENTS, STAGE_ORDER, Stage
from dermadesk.domain.staff import Permission
from dermadesk.domain.tiers import TierReviewResult
from dermadesk.domain.timeline import EventKind
from dermadesk.services.context import ServiceContext
from dermadesk.services.phones import letterhead
from dermadesk.store.unit_of_work import UnitOfWork

NONE = "none"
RETAINED_STAGES = {Stage.NEW.value, Stage.ACTIVE.value}
AT_RISK_STAGES = {Stage.SILENT.value, Stage.DORMANT.value}
MOVERS = 5


def at_risk(result: TierReviewResult) -> bool:
    """Worth a call before they go: going quiet, or in an at-risk segment."""
    return result.stage in AT_RISK_STAGES or (result.segment in {s.value for s in AT_RISK_SEGMENTS})


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

        text = io.StringIO()
        write_monthly_report_csv(report, text)
        return text.getvalue()


def _monthly(uow: UnitOfWork, month: str, language: str) -> MonthlyTierReport:
    review = uow.tiers.review_for_month(month)
    if review is None:
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "tier review for", "id": month})
    results = uow.tiers.results(review.id)  # type: ignore[arg-type]
    previous = uow.tiers.latest_review_before(review.as_of, exclude_month=month)
    before = {r.patient_id: r for r in uow.tiers.results(previous.id)} if previous else {}  # type: ignore[arg-type]
    tiers = sorted(uow.tiers.definitions(), key=lambda t: t.rank)
    clinic = uow.settings.clinic()
    names = {pid: p.display_name for pid, p in uow.patients.get_many([r.patient_id for r in results]).items()}
    first = date(review.as_of.year, review.as_of.month, 1)
    return MonthlyTierReport(
        month,
        letterhead(clinic),
        clinic.currency,
        tuple(
            TierLine(
                t.code,
                t.name,
                sum(r.tier == t.code for r in results),
                sum(r.monetary_minor for r in results if r.tier == t.code),
                sum(r.frequency for r in results if r.tier == t.code),
            )
            for t in tiers
        ),
        _movement([NONE, *(t.code for t in tiers)], results, before),
        tuple(sorted(Counter(r.segment for r in results if r.segment).items(), key=lambda kv: -kv[1])),
        tuple((s.value, sum(r.stage == s.value for r in results)) for s in STAGE_ORDER),
        *_retention(results, before),
        _alerts(uow, first, month_end(month)),
        _nps(uow, first, month_end(month)),
        *_movers(results, before, names, [t.code for t in tiers]),
        sum(r.clv_predicted_minor for r in results if at_risk(r)),
        sum(at_risk(r) for r in results),
        language=language,
    )


def _movement(codes: list[str], results: list[TierReviewResult], before: dict[int, TierReviewResult]) -> MovementMatrix:
    index = {code: i for i, code in enumerate(codes)}
    counts = [[0] * len(codes) for _ in codes]
    for r in results:
        was = before[r.patient_id].tier if r.patient_id in before else None
        counts[index.get(was or NONE, 0)][index.get(r.tier or NONE, 0)] += 1
    return MovementMatrix(tuple(codes), tuple(tuple(row) for row in counts))


def _retention(results: list[TierReviewResult], before: dict[int, TierReviewResult]) -> tuple[float, float]:
    """Of the patients active at the previous review, the share still active now; churn is the rest."""
    was_active = [pid for pid, r in before.items() if r.stage in RETAINED_STAGES]
    if not was_active:
        return 0.0, 0.0
    now = {r.patient_id: r.stage for r in results}
    kept = sum(now.get(pid) in RETAINED_STAGES for pid in was_active) / len(was_active)
    return kept, 1.0 - kept


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


def _movers(
    results: list[TierReviewResult], before: dict[int, TierReviewResult], names: dict[int, str], order: list[str]
) -> tuple[tuple[Mover, ...], tuple[Mover, ...]]:
    """The biggest moves up and down the tiers, then by the change in 12-month spend."""
    rank = {code: i for i, code in enumerate(order)}
    moves = []
    for r in results:
        old = before.get(r.patient_id)
        if old is None or old.tier == r.tier:
            continue
        steps = rank.get(r.tier or NONE, -1) - rank.get(old.tier or NONE, -1)
        moves.append(
            (
                steps,
                r.monetary_minor - old.monetary_minor,
                Mover(
                    names.get(r.patient_id, str(r.patient_id)),
                    old.tier or NONE,
                    r.tier or NONE,
                    r.monetary_minor - old.monetary_minor,
                ),
            )
        )
    up = sorted((m for m in moves if m[0] > 0), key=lambda m: (-m[0], -m[1]))[:MOVERS]
    down = sorted((m for m in moves if m[0] < 0), key=lambda m: (m[0], m[1]))[:MOVERS]
    return tuple(m[2] for m in up), tuple(m[2] for m in down)
