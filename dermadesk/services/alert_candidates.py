"""Which patients each churn rule picks today, with the cause and the figures of its plain-words reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

import numpy as np

from dermadesk.analytics import churn_rules
from dermadesk.analytics.alert_ranking import rank_scores, recall_eligible
from dermadesk.analytics.tier_review import NO_TIER, ordered_tiers
from dermadesk.domain.alerts import AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.dates import local_instant
from dermadesk.domain.rules import ClinicRules
from dermadesk.domain.segments import STAGE_ORDER
from dermadesk.services.clinic_snapshot import Snapshot, align
from dermadesk.services.tiering import previous_review
from dermadesk.store.unit_of_work import UnitOfWork

SURVEY_LOOKBACK_DAYS = 30
# Service recovery is not a recall: it is raised whatever the bookings, the cool-down and the daily cap.
RECALL_RULES = frozenset(AlertRule) - {AlertRule.LOW_SATISFACTION}
GONE_OUTCOMES = (AlertOutcome.DECEASED.value, AlertOutcome.MOVED.value)


@dataclass(frozen=True)
class Candidate:
    patient_id: int
    rule: AlertRule
    cause_key: str
    reason: dict[str, object]
    value_at_stake: int
    rank: float


def find_candidates(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules) -> list[Candidate]:
    """Every (patient, rule) the rules pick as of the snapshot's day, best first, before de-duplication."""
    day, n = snap.as_of_day, len(snap.patient_ids)
    previous = previous_review(uow, snap, snap.as_of, ordered_tiers(rules.tiers))
    current_tier = _current_tiers(uow, snap, rules)
    hits = [
        _overdue(uow, snap, rules),
        _rhythm(snap, rules),
        _stages(snap, previous["stage"], rules),
        _satisfaction(uow, snap, rules),
        _falling(snap, previous, current_tier, rules),
        _gone_probably(snap, rules),
    ]
    eligible = recall_eligible(
        _booked(uow, snap),
        align(snap.patient_ids, uow.figures.last_contact_attempts(day), default=-1),
        day,
        rules.alerts.cool_down_days,
    )
    eligible &= ~np.isin(snap.patient_ids, list(_gone(uow)))
    value = np.maximum(snap.clv_predicted, np.clip(snap.values.monetary, 0, None))
    score = rank_scores(snap.clv_predicted, current_tier, snap.segments, np.clip(snap.values.monetary, 0, None))
    found: list[Candidate] = []
    for hit, causes in hits:
        mask = hit.mask & (eligible if hit.rule in RECALL_RULES else np.ones(n, dtype=bool))
        for i in np.flatnonzero(mask):
            reason = {k: _plain(v[i]) for k, v in hit.figures.items()}
            found.append(
                Candidate(int(snap.patient_ids[i]), hit.rule, causes(i, reason), reason, int(value[i]), float(score[i]))
            )
    found.sort(key=lambda c: (-c.rank, c.patient_id, list(AlertRule).index(c.rule)))
    return found


def _plain(value: object) -> object:
    """numpy scalars to JSON-safe Python values (NaN as None)."""
    item = value.item() if hasattr(value, "item") else value
    return None if isinstance(item, float) and np.isnan(item) else item


def _current_tiers(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules) -> np.ndarray:
    latest = uow.tiers.latest_review_before(snap.as_of + timedelta(days=1))
    if latest is None:
        return np.full(len(snap.patient_ids), NO_TIER)
    index = {t.code: i for i, t in enumerate(ordered_tiers(rules.tiers))}
    rows = uow.tiers.result_columns(latest.id, "patient_id", "tier")  # type: ignore[arg-type]
    keyed = np.array([(p, index.get(t, NO_TIER) if t else NO_TIER) for p, t in rows], dtype=np.int64).reshape(-1, 2)
    return align(snap.patient_ids, keyed, 1, NO_TIER)


def _booked(uow: UnitOfWork, snap: Snapshot) -> np.ndarray:
    after = local_instant(snap.as_of, time(23, 59))
    return np.isin(snap.patient_ids, list(uow.appointments.patients_booked_after(after)))


def _gone(uow: UnitOfWork) -> set[int]:
    """Patients a recall must never chase again: resolved as deceased or moved away."""
    return {
        a.patient_id for a in uow.alerts.list([AlertStatus.RESOLVED]) if a.outcome and a.outcome.value in GONE_OUTCOMES
    }


def _overdue(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules):  # type: ignore[no-untyped-def]
    last = uow.figures.last_treatments(snap.as_of_day)
    treatments = {t.id: t for t in uow.catalogue.treatments()}
    intervals = np.array(
        [[t, treatments[t].follow_up_days or 0] for t in np.unique(last[:, 2]) if t in treatments], dtype=np.int64
    ).reshape(-1, 2)
    lookup = dict(intervals.tolist())
    interval = align(snap.patient_ids, np.column_stack([last[:, 0], [lookup.get(t, 0) for t in last[:, 2]]]))
    when = align(snap.patient_ids, last, 1, -1)
    kind = align(snap.patient_ids, last, 2, -1)
    since = np.where(when >= 0, snap.as_of_day - when, -1)
    hit = churn_rules.overdue_follow_up(since, interval, rules.alerts)

    def cause(i: int, reason: dict[str, object]) -> str:
        reason["treatment"] = treatments[int(kind[i])].name if int(kind[i]) in treatments else ""
        return f"treatment-day:{int(when[i])}"

    return hit, cause


def _rhythm(snap: Snapshot, rules: ClinicRules):  # type: ignore[no-untyped-def]
    hit = churn_rules.broken_rhythm(snap.values.visits, snap.values.recency, snap.gaps.median, rules.alerts)
    return hit, lambda i, reason: f"last-visit:{int(snap.values.last_day[i])}"


def _stages(snap: Snapshot, previous_stage: np.ndarray, rules: ClinicRules):  # type: ignore[no-untyped-def]
    hit = churn_rules.stage_crossing(previous_stage, snap.stages, rules.alerts)

    def cause(i: int, reason: dict[str, object]) -> str:
        reason["previous_stage"] = STAGE_ORDER[int(previous_stage[i])].value
        reason["current_stage"] = STAGE_ORDER[int(snap.stages[i])].value
        reason["days_since"] = int(snap.values.recency[i])
        return f"{reason['current_stage']}:{int(snap.values.last_day[i])}"

    return hit, cause


def _gone_probably(snap: Snapshot, rules: ClinicRules):  # type: ignore[no-untyped-def]
    hit = churn_rules.probably_gone(snap.p_alive, snap.values.visits, rules.alerts)

    def cause(i: int, reason: dict[str, object]) -> str:
        reason["days_since"] = int(snap.values.recency[i])
        return f"last-visit:{int(snap.values.last_day[i])}"

    return hit, cause


def _satisfaction(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules):  # type: ignore[no-untyped-def]
    """The latest survey of the last 30 days per patient; each low survey raises one alert."""
    n = len(snap.patient_ids)
    scores = {name: np.full(n, np.nan) for name in ("satisfaction", "csat", "nps")}
    survey_id = np.full(n, -1, dtype=np.int64)
    for event_id, patient_id, _, details in uow.figures.surveys(snap.as_of_day - SURVEY_LOOKBACK_DAYS, snap.as_of_day):
        i = int(np.searchsorted(snap.patient_ids, patient_id))
        if i < n and snap.patient_ids[i] == patient_id:
            survey_id[i] = event_id
            for name, values in scores.items():
                values[i] = details.get(name, np.nan) if details.get(name) is not None else np.nan
    hit = churn_rules.low_satisfaction(scores["satisfaction"], scores["csat"], scores["nps"], rules.alerts)

    def cause(i: int, reason: dict[str, object]) -> str:
        reason["survey_id"] = int(survey_id[i])
        return f"survey:{int(survey_id[i])}"

    return hit, cause


def _falling(  # type: ignore[no-untyped-def]
    snap: Snapshot, previous: dict[str, np.ndarray], current_tier: np.ndarray, rules: ClinicRules
):
    tiers = ordered_tiers(rules.tiers)
    demoted = (previous["tier"] != NO_TIER) & (current_tier != NO_TIER) & (current_tier < previous["tier"])
    hit = churn_rules.falling_value(demoted, previous["clv"], snap.clv_predicted, rules.alerts)

    def cause(i: int, reason: dict[str, object]) -> str:
        if reason.get("demoted"):
            reason["from_tier"] = tiers[int(previous["tier"][i])].name
            reason["to_tier"] = tiers[int(current_tier[i])].name
        baseline = int(np.nan_to_num(previous["clv"][i], nan=-1))
        return f"value:{int(previous['tier'][i])}>{int(current_tier[i])}:{baseline}"

    return hit, cause
