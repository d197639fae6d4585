"""The monthly tier review: run and store it (same month again replaces it), tier history, owner overrides."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np

from dermadesk.analytics.segmentation import SEGMENTS
from dermadesk.analytics.tier_review import (
    NO_TIER,
    REASON_CHANGES,
    clv_changed,
    ordered_tiers,
    qualified_tiers,
    review_tiers,
)
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import day_number, from_day_number, month_key
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.ports import ProgressReporter, SilentProgress
from dermadesk.domain.segments import AT_RISK_SEGMENTS, LADDER_ORDER, STAGE_ORDER, Stage
from dermadesk.domain.staff import Permission
from dermadesk.domain.tiers import (
    ReviewFigures,
    TierChange,
    TierChangeReason,
    TierDefinition,
    TierOverride,
    TierReview,
    TierReviewResult,
)
from dermadesk.services.clinic_snapshot import Snapshot, align, take_snapshot
from dermadesk.services.context import ServiceContext
from dermadesk.store.unit_of_work import UnitOfWork

NONE = "none"  # the movement matrix's name for "no tier"


@dataclass(frozen=True)
class ReviewSummary:
    review: TierReview
    per_tier: dict[str, int]
    per_segment: dict[str, int]
    per_stage: dict[str, int]
    moves: dict[tuple[str, str], int]  # (from tier, to tier) -> patients, changes only
    replaced: bool
    clv_flagged: int = 0
    snapshot: Snapshot | None = field(default=None, repr=False, compare=False)  # for the alert run that follows


@dataclass(frozen=True)
class PatientTiers:
    """One patient's membership: every review's figures, the history of changes, overrides."""

    results: list[tuple[TierReview, TierReviewResult]]
    history: list[TierChange]
    overrides: list[TierOverride]
    definitions: list[TierDefinition] = field(default_factory=list)


class TierService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def run_review(self, as_of: date, progress: ProgressReporter | None = None) -> ReviewSummary:
        """Review every patient as of a day and store the run for its month, replacing an earlier run of
        that month. One transaction: a cancelled or failed review leaves the previous state whole."""
        actor = self._ctx.require(Permission.RUN_REPORTS, "run the tier review")
        progress = progress or SilentProgress()
        month = month_key(as_of)
        with self._ctx.store.write() as uow:  # the write lock also keeps a second review of the month out
            uow.lock_for("tier_review")
            rules = uow.settings.clinic().rules
            snap = take_snapshot(uow, as_of, rules, progress)
            if progress.cancelled():
                raise DermaDeskError(ErrorCode.CANCELLED)
            existing = uow.tiers.review_for_month(month)
            if existing is not None:
                uow.tiers.delete_review(existing.id)  # type: ignore[arg-type]
            tiers = ordered_tiers(rules.tiers)
            previous = previous_review(uow, snap, as_of, tiers)
            overrides = _overrides_in_force(uow, snap, as_of, tiers)
            qualified = qualified_tiers(snap.values.monetary, snap.values.frequency, snap.values.active, tiers)
            # an override that ended since the last review hands the patient straight back to the floors:
            # grace is for a slow month, not for the end of an exception the owner made
            ended = _overrides_ended(uow, snap, previous, as_of, tiers)
            outcome = review_tiers(
                qualified,
                np.where(ended, NO_TIER, previous["tier"]),
                np.where(ended, 0, previous["below"]),
                rules.tiers.grace_reviews,
                overrides,
            )
            snap.cache[("current_tiers", as_of)] = outcome.tier  # what an alert run right after needs
            progress.report(6, 6, "Storing the review")
            review = uow.tiers.add_review(
                TierReview(month, as_of, rules.to_dict(), snap.model.as_dict(), self._ctx.clock.now(), actor.id),
                _result_rows(snap, tiers, qualified, outcome.tier, outcome.below_floor),
            )
            changes = _changes(
                snap,
                tiers,
                previous["tier"],
                outcome.tier,
                outcome.reason,
                ended,
                review.id,
                self._ctx.clock.now(),
                actor.id,
            )
            uow.tiers.add_changes(changes)
            self._ctx.audit(uow, AuditAction.CREATE, "tier_review", month)
        return _summary(
            review,
            snap,
            tiers,
            outcome.tier,
            changes,
            existing is not None,
            previous["clv"],
            rules.tiers.clv_change_flag,
        )

    def review(self, month: str) -> TierReview | None:
        self._ctx.require(Permission.RUN_REPORTS, "see tier reviews")
        with self._ctx.store.read() as uow:
            return uow.tiers.review_for_month(month)

    def reviews(self) -> list[TierReview]:
        self._ctx.require(Permission.RUN_REPORTS, "see tier reviews")
        with self._ctx.store.read() as uow:
            return uow.tiers.reviews()

    def results(self, month: str) -> list[TierReviewResult]:
        self._ctx.require(Permission.RUN_REPORTS, "see tier reviews")
        with self._ctx.store.write() as uow:
            review = uow.tiers.review_for_month(month)
            if review is None:
                raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "tier review for", "id": month})
            results = uow.tiers.results(review.id)  # type: ignore[arg-type]
            self._ctx.audit(uow, AuditAction.VIEW, "tier_results", month)
        return results

    def figures(self, month: str) -> ReviewFigures:
        """A stored review's figures, grouped in the database: what the dashboard and the report show."""
        self._ctx.require(Permission.RUN_REPORTS, "see tier reviews")
        with self._ctx.store.read() as uow:
            return review_figures(uow, month)

    def patient(self, patient_id: int) -> PatientTiers:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            uow.patients.require(patient_id)
            view = PatientTiers(
                uow.tiers.patient_results(patient_id),
                uow.tiers.history(patient_id),
                uow.tiers.overrides(patient_id),
                uow.tiers.definitions(),
            )
            self._ctx.audit(uow, AuditAction.VIEW, "tiers", patient_id, patient_id)
        return view

    def override(self, patient_id: int, tier_code: str, reason: str, ends_on: date) -> TierOverride:
        """An owner's override: applies from the next review until its end date; kept in history."""
        actor = self._ctx.require(Permission.OVERRIDE_TIERS, "override a tier")
        with self._ctx.store.write() as uow:
            uow.patients.require(patient_id)
            codes = {t.code for t in uow.tiers.definitions()}
            require_valid(
                [
                    p
                    for p in (
                        FieldProblem("tier", "unknown_choice") if tier_code not in codes else None,
                        FieldProblem("reason", "required") if not reason.strip() else None,
                        FieldProblem("ends_on", "out_of_range") if ends_on < self._ctx.clock.today() else None,
                    )
                    if p
                ]
            )
            saved = uow.tiers.add_override(
                TierOverride(patient_id, tier_code, reason.strip(), ends_on, actor.id), self._ctx.clock.now()
            )
            uow.tiers.add_changes(
                [
                    TierChange(
                        patient_id,
                        _current_tier(uow, patient_id),
                        tier_code,
                        TierChangeReason.OVERRIDE,
                        self._ctx.clock.now(),
                        None,
                        actor.id,
                        reason.strip(),
                    )
                ]
            )
            self._ctx.audit(uow, AuditAction.CREATE, "tier_override", saved.id, patient_id)
        return saved

    def cancel_override(self, override_id: int) -> None:
        self._ctx.require(Permission.OVERRIDE_TIERS, "override a tier")
        with self._ctx.store.write() as uow:
            found = [o for o in uow.tiers.overrides() if o.id == override_id]
            if not found:
                raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "override", "id": override_id})
            uow.tiers.cancel_override(override_id, self._ctx.clock.now())
            self._ctx.audit(uow, AuditAction.UPDATE, "tier_override", override_id, found[0].patient_id)


AT_RISK_STAGE_CODES = (Stage.SILENT.value, Stage.DORMANT.value)
ACTIVE_STAGE_CODES = (Stage.NEW.value, Stage.ACTIVE.value)


def review_figures(uow: UnitOfWork, month: str) -> ReviewFigures:
    review = uow.tiers.review_for_month(month)
    if review is None:
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "tier review for", "id": month})
    previous = uow.tiers.latest_review_before(review.as_of, exclude_month=month)
    return uow.tiers.figures(
        review, previous, AT_RISK_STAGE_CODES, sorted(s.value for s in AT_RISK_SEGMENTS), ACTIVE_STAGE_CODES
    )


def _current_tier(uow: UnitOfWork, patient_id: int) -> str | None:
    results = uow.tiers.patient_results(patient_id)
    return results[-1][1].tier if results else None


def previous_review(
    uow: UnitOfWork, snap: Snapshot, as_of: date, tiers: tuple[TierDefinition, ...]
) -> dict[str, np.ndarray]:
    """The last stored review before this one, spread over today's patients (NO_TIER where unknown).
    Kept with the snapshot: the review and the alert run that follows both ask."""
    key = ("previous_review", as_of, tuple(t.code for t in tiers))
    if key not in snap.cache:
        snap.cache[key] = _previous_review(uow, snap, as_of, tiers)
    return snap.cache[key]


def _previous_review(
    uow: UnitOfWork, snap: Snapshot, as_of: date, tiers: tuple[TierDefinition, ...]
) -> dict[str, np.ndarray]:
    n = len(snap.patient_ids)
    empty = {
        "tier": np.full(n, NO_TIER),
        "below": np.zeros(n, dtype=np.int64),
        "stage": np.full(n, -1),
        "clv": np.full(n, np.nan),
    }
    before = uow.tiers.latest_review_before(as_of, exclude_month=month_key(as_of))
    if before is None:
        return empty
    columns = ("patient_id", "tier", "below_floor_reviews", "stage", "clv_predicted_minor")
    rows = uow.tiers.result_columns(before.id, *columns)  # type: ignore[arg-type]
    index = {t.code: i for i, t in enumerate(tiers)}
    stage_index = {s.value: i for i, s in enumerate(STAGE_ORDER)}
    keyed = np.array(
        [(p, index.get(t, NO_TIER) if t else NO_TIER, b, stage_index.get(s, -1), c) for p, t, b, s, c in rows],
        dtype=np.int64,
    ).reshape(-1, 5)
    clv = align(snap.patient_ids, keyed, 4, default=-1).astype(np.float64)
    return {
        "tier": align(snap.patient_ids, keyed, 1, NO_TIER),
        "below": align(snap.patient_ids, keyed, 2),
        "stage": align(snap.patient_ids, keyed, 3, -1),
        "clv": np.where(clv < 0, np.nan, clv),
        "as_of": np.array([day_number(before.as_of)]),
    }


def _overrides_in_force(uow: UnitOfWork, snap: Snapshot, as_of: date, tiers: tuple[TierDefinition, ...]) -> np.ndarray:
    index = {t.code: i for i, t in enumerate(tiers)}
    forced = [
        (o.patient_id, index[o.tier_code]) for o in uow.tiers.overrides() if o.in_force(as_of) and o.tier_code in index
    ]
    return align(snap.patient_ids, np.array(forced, dtype=np.int64).reshape(-1, 2), 1, NO_TIER)


def _code(tiers: tuple[TierDefinition, ...], index: int) -> str | None:
    return tiers[index].code if index != NO_TIER else None


def _result_rows(
    snap: Snapshot, tiers: tuple[TierDefinition, ...], qualified: np.ndarray, tier: np.ndarray, below: np.ndarray
) -> dict[str, list[object]]:
    """The run's per-patient results, column by column (TierReviewResult field -> values)."""
    v, s = snap.values, snap.scores
    codes = [t.code for t in tiers] + [None]  # index NO_TIER (-1) is the last slot: no tier
    segments = [seg.value for seg in SEGMENTS] + [None]
    return {
        "patient_id": snap.patient_ids.tolist(),
        "recency_days": [None if r < 0 else r for r in v.recency.tolist()],
        "frequency": v.frequency.tolist(),
        "monetary_minor": v.monetary.tolist(),
        "r": [x or None for x in s.r.tolist()],
        "f": [x or None for x in s.f.tolist()],
        "m": [x or None for x in s.m.tolist()],
        "segment": [segments[c] for c in snap.segments.tolist()],
        "stage": [STAGE_ORDER[c].value for c in snap.stages.tolist()],
        "ladder": [LADDER_ORDER[c].value for c in snap.ladder.tolist()],
        "tier": [codes[t] for t in tier.tolist()],
        "qualified_tier": [codes[q] for q in qualified.tolist()],
        "below_floor_reviews": below.tolist(),
        "clv_12m_minor": v.monetary.tolist(),
        "clv_lifetime_minor": v.lifetime_spend.tolist(),
        "clv_predicted_minor": snap.clv_predicted.tolist(),
        "p_alive": _floats(snap.p_alive),
        "expected_visits_90": _floats(snap.visits_90),
        "expected_visits_365": _floats(snap.visits_365),
        "rfm2": np.round(snap.rfm2, 2).tolist(),
    }


def _floats(values: np.ndarray) -> list[float | None]:
    rounded = np.round(values, 4).astype(object)
    rounded[np.isnan(values)] = None
    return rounded.tolist()


def _overrides_ended(
    uow: UnitOfWork, snap: Snapshot, previous: dict[str, np.ndarray], as_of: date, tiers: tuple[TierDefinition, ...]
) -> np.ndarray:
    """Patients whose override was in force at the previous review and is not now."""
    if "as_of" not in previous:
        return np.zeros(len(snap.patient_ids), dtype=bool)
    then = from_day_number(int(previous["as_of"][0]))
    was = {o.patient_id for o in uow.tiers.overrides() if o.in_force(then) and not o.in_force(as_of)}
    still = {o.patient_id for o in uow.tiers.overrides() if o.in_force(as_of)}
    return np.isin(snap.patient_ids, list(was - still))


def _changes(
    snap: Snapshot,
    tiers: tuple[TierDefinition, ...],
    previous: np.ndarray,
    tier: np.ndarray,
    reason: np.ndarray,
    ended: np.ndarray,
    review_id: int | None,
    at: datetime,
    by: int | None,
) -> list[TierChange]:
    changes = []
    for i in np.flatnonzero((reason != 0) | ended):
        if ended[i]:
            if tier[i] == previous[i]:
                continue
            why = TierChangeReason.OVERRIDE_ENDED
        else:
            why = REASON_CHANGES[int(reason[i])]  # type: ignore[assignment]
        changes.append(
            TierChange(
                int(snap.patient_ids[i]),
                _code(tiers, int(previous[i])),
                _code(tiers, int(tier[i])),
                why,
                at,
                review_id,
                by,
            )
        )
    return changes


def _counts(codes: np.ndarray, names: list[str], missing: str | None) -> dict[str, int]:
    """How many of each code (index into names; -1 counted as `missing`, or skipped if None)."""
    counts = np.bincount(np.asarray(codes, dtype=np.int64) + 1, minlength=len(names) + 1)
    named = {names[i]: int(n) for i, n in enumerate(counts[1:]) if n}
    return named | ({missing: int(counts[0])} if missing and counts[0] else {})


def _summary(
    review: TierReview,
    snap: Snapshot,
    tiers: tuple[TierDefinition, ...],
    tier: np.ndarray,
    changes: list[TierChange],
    replaced: bool,
    previous_clv: np.ndarray,
    flag: float,
) -> ReviewSummary:
    per_tier = _counts(tier, [t.code for t in tiers], NONE)
    per_segment = _counts(snap.segments, [s.value for s in SEGMENTS], None)
    per_stage = _counts(snap.stages, [s.value for s in STAGE_ORDER], None)
    moves = Counter((c.from_tier or NONE, c.to_tier or NONE) for c in changes)
    flagged = int(clv_changed(previous_clv, snap.clv_predicted.astype(np.float64), flag).sum())
    return ReviewSummary(
        review, dict(per_tier), dict(per_segment), dict(per_stage), dict(moves), replaced, flagged, snap
    )
