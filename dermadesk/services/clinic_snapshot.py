"""Every patient's figures as of a day: aggregated in SQL, scored with numpy. Shared by the tier review,
the churn alerts and the RFM exports, so each rule has one implementation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from dermadesk.analytics.bgnbd import BgNbdFit, fit_bgnbd, p_alive
from dermadesk.analytics.clv import WEEKS, bgnbd_inputs, expected_visits_next, predicted_clv_12m, spend_inputs
from dermadesk.analytics.gamma_gamma import GammaGammaFit, fit_gamma_gamma
from dermadesk.analytics.lifecycle import ladder_levels, lifecycle_stages
from dermadesk.analytics.rfm import RfmValues, rfm_from_aggregates, rfm_values
from dermadesk.analytics.rfm2 import rfm2_score
from dermadesk.analytics.scores import RfmScores, rfm_scores
from dermadesk.analytics.segmentation import segment_codes
from dermadesk.analytics.visits import GapStats, gap_stats, group_starts
from dermadesk.domain.dates import day_number
from dermadesk.domain.ports import ProgressReporter, SilentProgress
from dermadesk.domain.rules import ClinicRules
from dermadesk.domain.timeline import EventKind
from dermadesk.store.repositories.clinic_figures import PaidRows
from dermadesk.store.unit_of_work import UnitOfWork

FIT_SAMPLE = 20_000  # patients the churn model is fitted on; more moves the estimates by less than their error
ENGAGEMENT_KINDS = (EventKind.CALL, EventKind.MESSAGE, EventKind.EMAIL, EventKind.SURVEY)


@dataclass(frozen=True)
class ChurnModel:
    bgnbd: BgNbdFit | None
    spend: GammaGammaFit | None

    def as_dict(self) -> dict[str, float]:
        data: dict[str, float] = {}
        if self.bgnbd:
            data.update({f"bgnbd_{k}": v for k, v in self.bgnbd.as_dict().items()})
        if self.spend:
            data.update({f"gg_{k}": v for k, v in self.spend.as_dict().items()})
        return data


@dataclass(frozen=True)
class Snapshot:
    """Arrays aligned on `patient_ids` (every patient not merged or erased, ascending id)."""

    as_of: date
    patient_ids: np.ndarray
    values: RfmValues
    scores: RfmScores
    segments: np.ndarray
    stages: np.ndarray
    ladder: np.ndarray
    model: ChurnModel
    p_alive: np.ndarray  # NaN where the model has no answer (no visit, or no fit)
    visits_90: np.ndarray
    visits_365: np.ndarray
    clv_predicted: np.ndarray  # minor units
    rfm2: np.ndarray
    gaps: GapStats
    categories_12m: np.ndarray
    referrals_12m: np.ndarray
    last_treatment_day: np.ndarray  # -1 where none
    last_treatment_type: np.ndarray  # treatment type id, -1 where none
    cache: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)  # figures read once

    @property
    def as_of_day(self) -> int:
        return day_number(self.as_of)


def align(patient_ids: np.ndarray, keyed: np.ndarray, column: int = 1, default: int = 0) -> np.ndarray:
    """Spread a (patient, value, ...) array from the store over all patients, `default` for the missing."""
    out = np.full(len(patient_ids), default, dtype=np.int64)
    if keyed.size:
        pos = np.searchsorted(patient_ids, keyed[:, 0])
        ok = (pos < len(patient_ids)) & (patient_ids[np.clip(pos, 0, len(patient_ids) - 1)] == keyed[:, 0])
        out[pos[ok]] = keyed[ok, column]
    return out


def rfm_only(uow: UnitOfWork, as_of: date, rules: ClinicRules) -> tuple[np.ndarray, RfmValues, RfmScores, np.ndarray]:
    """Patient ids, R/F/M values, scores and segments: the fast path for scoring alone."""
    ids = uow.figures.patient_ids()
    summary = uow.figures.paid_summary(day_number(as_of), rules.rfm.window_days)
    values = _values(ids, summary.patient_id, summary.columns, as_of, rules)
    scores = rfm_scores(values, rules.rfm)
    return ids, values, scores, segment_codes(values, scores, rules.rfm)


def _values(
    ids: np.ndarray, summary_ids: np.ndarray, columns: dict[str, np.ndarray], as_of: date, rules: ClinicRules
) -> RfmValues:
    keyed = {name: np.column_stack([summary_ids, col]) for name, col in columns.items()}
    defaults = {"last_visit": -1, "first_visit": -1}
    spread = {name: align(ids, data, default=defaults.get(name, 0)) for name, data in keyed.items()}
    return rfm_from_aggregates(day_number(as_of), rules.rfm.window_days, **spread)


@dataclass(frozen=True)
class LifetimeFigures:
    """What one scan of the paid events gives, aligned on the patients: R/F/M with the churn model's
    inputs, the rhythm of visits, treatment breadth and each patient's latest treatment."""

    patient_ids: np.ndarray
    values: RfmValues
    gaps: GapStats
    categories_12m: np.ndarray
    last_treatment_day: np.ndarray  # -1 where the patient never had a treatment
    last_treatment_type: np.ndarray  # treatment type id, -1 where none


def lifetime_values(uow: UnitOfWork, as_of: date, rules: ClinicRules) -> LifetimeFigures:
    """Every lifetime figure from one read of the paid events (merged and erased patients' rows left out)."""
    day = day_number(as_of)
    ids = uow.figures.patient_ids()
    rows = uow.figures.paid_rows(day)
    pos = np.searchsorted(ids, rows.patient_id)
    known = (pos < len(ids)) & (ids[np.clip(pos, 0, max(len(ids) - 1, 0))] == rows.patient_id)
    if not known.all():
        pos = pos[known]
        rows = PaidRows(rows.patient_id[known], rows.day[known], rows.amount[known], rows.treatment_type[known])
    values = rfm_values(pos, rows.day, rows.amount, len(ids), day, rules.rfm.window_days)
    visit = rows.amount >= 0
    treated = rows.treatment_type > 0
    last_day, last_type = _last_treatments(pos[treated], rows.day[treated], rows.treatment_type[treated], len(ids))
    in_year = treated & (rows.day > day - rules.rfm.window_days)
    categories = _distinct_categories(uow, pos[in_year], rows.treatment_type[in_year], len(ids))
    return LifetimeFigures(
        ids, values, gap_stats(pos[visit], rows.day[visit], len(ids)), categories, last_day, last_type
    )


def _last_treatments(pos: np.ndarray, day: np.ndarray, treatment: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each patient's latest treatment day and type, from rows sorted by patient and day (on a day with
    several treatments, the highest type id)."""
    last_day = np.full(n, -1, dtype=np.int64)
    last_type = np.full(n, -1, dtype=np.int64)
    if pos.size:
        span = int(treatment.max()) + 1
        starts = group_starts(pos)
        latest = np.maximum.reduceat(day * span + treatment, starts)
        last_day[pos[starts]], last_type[pos[starts]] = np.divmod(latest, span)
    return last_day, last_type


def _distinct_categories(uow: UnitOfWork, pos: np.ndarray, treatment: np.ndarray, n: int) -> np.ndarray:
    """How many treatment categories each patient had (the breadth the value ladder and RFM² reward)."""
    categories = {t.id: t.category for t in uow.catalogue.treatments() if t.id is not None}
    codes = {category: i for i, category in enumerate(sorted(set(categories.values()), key=str))}
    lookup = np.full(max(categories, default=0) + 1, -1, dtype=np.int64)
    for treatment_id, category in categories.items():
        lookup[treatment_id] = codes[category]
    category = lookup[np.clip(treatment, 0, lookup.size - 1)]
    known = (treatment < lookup.size) & (category >= 0)
    pairs = np.unique(pos[known] * len(codes) + category[known])
    return np.bincount(pairs // max(len(codes), 1), minlength=n).astype(np.int64)


def take_snapshot(
    uow: UnitOfWork, as_of: date, rules: ClinicRules, progress: ProgressReporter | None = None
) -> Snapshot:
    progress = progress or SilentProgress()
    day = day_number(as_of)
    progress.report(1, 6, "Adding up visits and spend")
    lifetime = lifetime_values(uow, as_of, rules)
    ids, values, gaps, categories = lifetime.patient_ids, lifetime.values, lifetime.gaps, lifetime.categories_12m
    progress.report(2, 6, "Counting referrals and contacts")
    year = (day - rules.rfm.window_days + 1, day)
    referrals = align(ids, uow.figures.counts_per_patient((EventKind.REFERRAL,), *year))
    engagement = align(ids, uow.figures.counts_per_patient(ENGAGEMENT_KINDS, *year))
    progress.report(3, 6, "Scoring")
    scores = rfm_scores(values, rules.rfm)
    progress.report(4, 6, "Fitting the churn model")
    model = fit_model(values)
    x, t_x, age = bgnbd_inputs(values.first_day, values.last_day, values.visits - 1, day, WEEKS)
    alive = p_alive(model.bgnbd, x, t_x, age) if model.bgnbd else np.full(len(ids), np.nan)
    visits_90 = expected_visits_next(model.bgnbd, 90.0, x, t_x, age, values.frequency * 90 / 365, WEEKS)
    visits_365, _, clv = predicted_clv_12m(model.bgnbd, model.spend, values, WEEKS)
    progress.report(5, 6, "Placing patients")
    weights = rules.rfm.rfm2_weights
    return Snapshot(
        as_of=as_of,
        patient_ids=ids,
        values=values,
        scores=scores,
        segments=segment_codes(values, scores, rules.rfm),
        stages=lifecycle_stages(values.active, values.first_day, values.last_day, day, rules.lifecycle),
        ladder=ladder_levels(
            values.active,
            values.visits,
            values.lifetime_spend,
            values.frequency,
            categories,
            clv,
            referrals,
            rules.ladder,
        ),
        model=model,
        p_alive=alive,
        visits_90=visits_90,
        visits_365=visits_365,
        clv_predicted=clv,
        rfm2=rfm2_score(categories, engagement, gaps.cv, referrals, weights),
        gaps=gaps,
        categories_12m=categories,
        referrals_12m=referrals,
        last_treatment_day=lifetime.last_treatment_day,
        last_treatment_type=lifetime.last_treatment_type,
    )


def fit_model(values: RfmValues, sample: int = FIT_SAMPLE, unit_days: float = WEEKS) -> ChurnModel:
    """BG/NBD and Gamma-Gamma on the clinic's own history (a fixed random sample of a big clinic: the same
    clinic gives the same sample, so the same figures)."""
    active = np.flatnonzero(values.active)
    if active.size > sample:
        active = np.sort(np.random.default_rng(20261123).choice(active, sample, replace=False))
    x, t_x, age = bgnbd_inputs(
        values.first_day[active], values.last_day[active], values.visits[active] - 1, values.as_of_day, WEEKS
    )
    repeats, mean_spend = spend_inputs(values)
    return ChurnModel(fit_bgnbd(x, t_x, age), fit_gamma_gamma(repeats[active], mean_spend[active]))
