"""Which patients each churn rule picks today, with the cause and the figures of its plain-words reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import time, timedelta

import numpy as np

from dermadesk.analytics import churn_rules
from dermadesk.analytics.alert_ranking import rank_scores, recall_eligible
from dermadesk.analytics.churn_rules import RuleHits
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
class Finding:
    """One rule over every patient: who it picks, each pick's cause, and figures for the reason."""

    hit: RuleHits
    cause: Callable[[int], str]
    extra: Callable[[int], dict[str, object]] = lambda i: {}


@dataclass(frozen=True)
class Candidate:
    patient_id: int
    rule: AlertRule
    cause_key: str
    value_at_stake: int
    rank: float
    index: int
    finding: Finding

    def reason(self) -> dict[str, object]:
        """The figures the plain-words reason quotes; built only for the alerts actually raised."""
        figures = {k: _plain(v[self.index]) for k, v in self.finding.hit.figures.items()}
        return figures | self.finding.extra(self.index)


@dataclass(frozen=True)
class Candidates:
    """Picks in rank order: service recovery (always raised) and recalls (as many as the day has room for)."""

    recovery: list[Candidate]
    recalls: Iterator[Candidate]
    recall_count: int


def find_candidates(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules) -> Candidates:
    """Every (patient, rule) the rules pick as of the snapshot's day, best first, before de-duplication.
    Recalls come lazily: a big clinic has six figures of them and the daily cap keeps a few dozen."""
    day = snap.as_of_day
    previous = previous_review(uow, snap, snap.as_of, ordered_tiers(rules.tiers))
    current_tier = _current_tiers(uow, snap, rules)
    findings = [
        _overdue(uow, snap, rules),
        _rhythm(snap, rules),
        _stages(snap, previous["stage"], rules),
        _satisfaction(uow, snap, rules),
        _falling(snap, previous, current_tier, rules),
        _gone_probably(snap, rules),
    ]
    contacted = align(snap.patient_ids, uow.figures.last_contact_attempts(day), default=-1)
    eligible = recall_eligible(_booked(uow, snap), contacted, day, rules.alerts.cool_down_days)
    eligible &= ~np.isin(snap.patient_ids, list(_gone(uow)))
    # no recall (a sales contact) for a patient who withdrew marketing consent (DOMAIN §1) or was erased
    eligible &= ~np.isin(snap.patient_ids, list(uow.patients.marketing_withdrawn() | uow.patients.erased_ids()))
    spend = np.clip(snap.values.monetary, 0, None)
    ranked = _Ranked(
        snap,
        np.maximum(snap.clv_predicted, spend),
        rank_scores(snap.clv_predicted, current_tier, snap.segments, spend),
    )
    recovery = [f for f in findings if f.hit.rule not in RECALL_RULES]
    recalls = [f for f in findings if f.hit.rule in RECALL_RULES]
    recall_picks = [np.flatnonzero(f.hit.mask & eligible) for f in recalls]
    return Candidates(
        list(ranked.walk(recovery, [np.flatnonzero(f.hit.mask) for f in recovery])),
        ranked.walk(recalls, recall_picks),
        sum(len(p) for p in recall_picks),
    )


@dataclass(frozen=True)
class _Ranked:
    snap: Snapshot
    value: np.ndarray
    score: np.ndarray

    def walk(self, findings: list[Finding], picks: list[np.ndarray]) -> Iterator[Candidate]:
        """Candidates best first (ties: lower patient id, then rule order)."""
        if not picks:
            return
        index = np.concatenate(picks)
        which = np.concatenate([np.full(len(p), k) for k, p in enumerate(picks)])
        ids = self.snap.patient_ids
        for k in np.lexsort((which, ids[index], -self.score[index])):
            i, finding = int(index[k]), findings[int(which[k])]
            yield Candidate(
                int(ids[i]), finding.hit.rule, finding.cause(i), int(self.value[i]), float(self.score[i]), i, finding
            )


def _plain(value: object) -> object:
    """numpy scalars to JSON-safe Python values (NaN as None)."""
    item = value.item() if hasattr(value, "item") else value
    return None if isinstance(item, float) and np.isnan(item) else item


def _current_tiers(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules) -> np.ndarray:
    """Each patient's tier in the latest review on or before the day (the review just run, if any)."""
    if ("current_tiers", snap.as_of) in snap.cache:
        return snap.cache[("current_tiers", snap.as_of)]
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


def _overdue(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules) -> Finding:
    treatments = {t.id: t for t in uow.catalogue.treatments()}
    follow_up = np.zeros(max((tid or 0 for tid in treatments), default=0) + 1, dtype=np.int64)
    for tid, t in treatments.items():
        follow_up[tid] = t.follow_up_days or 0
    when, kind = snap.last_treatment_day, snap.last_treatment_type
    interval = np.where((kind >= 0) & (kind < follow_up.size), follow_up[np.clip(kind, 0, follow_up.size - 1)], 0)
    since = np.where(when >= 0, snap.as_of_day - when, -1)
    hit = churn_rules.overdue_follow_up(since, interval, rules.alerts)
    name = {tid: t.name for tid, t in treatments.items()}
    return Finding(hit, lambda i: f"treatment-day:{int(when[i])}", lambda i: {"treatment": name.get(int(kind[i]), "")})


def _rhythm(snap: Snapshot, rules: ClinicRules) -> Finding:
    hit = churn_rules.broken_rhythm(snap.values.visits, snap.values.recency, snap.gaps.median, rules.alerts)
    return Finding(hit, lambda i: f"last-visit:{int(snap.values.last_day[i])}")


def _stages(snap: Snapshot, previous_stage: np.ndarray, rules: ClinicRules) -> Finding:
    hit = churn_rules.stage_crossing(previous_stage, snap.stages, rules.alerts)

    def extra(i: int) -> dict[str, object]:
        return {
            "previous_stage": STAGE_ORDER[int(previous_stage[i])].value,
            "current_stage": STAGE_ORDER[int(snap.stages[i])].value,
            "days_since": int(snap.values.recency[i]),
        }

    return Finding(hit, lambda i: f"{STAGE_ORDER[int(snap.stages[i])].value}:{int(snap.values.last_day[i])}", extra)


def _gone_probably(snap: Snapshot, rules: ClinicRules) -> Finding:
    hit = churn_rules.probably_gone(snap.p_alive, snap.values.visits, rules.alerts)
    return Finding(
        hit,
        lambda i: f"last-visit:{int(snap.values.last_day[i])}",
        lambda i: {"days_since": int(snap.values.recency[i])},
    )


def _satisfaction(uow: UnitOfWork, snap: Snapshot, rules: ClinicRules) -> Finding:
    """The latest survey of the last 30 days per patient; each low survey raises one alert."""
    n = len(snap.patient_ids)
    scores = {name: np.full(n, np.nan) for name in ("satisfaction", "csat", "nps")}
    survey_id = np.full(n, -1, dtype=np.int64)
    for event_id, patient_id, _, details in uow.figures.surveys(snap.as_of_day - SURVEY_LOOKBACK_DAYS, snap.as_of_day):
        i = int(np.searchsorted(snap.patient_ids, patient_id))
        if i < n and snap.patient_ids[i] == patient_id:
            survey_id[i] = event_id
            for name, values in scores.items():
                values[i] = np.nan if details.get(name) is None else details[name]
    hit = churn_rules.low_satisfaction(scores["satisfaction"], scores["csat"], scores["nps"], rules.alerts)
    return Finding(hit, lambda i: f"survey:{int(survey_id[i])}", lambda i: {"survey_id": int(survey_id[i])})


def _falling(snap: Snapshot, previous: dict[str, np.ndarray], current_tier: np.ndarray, rules: ClinicRules) -> Finding:
    tiers = ordered_tiers(rules.tiers)
    was, now = previous["tier"], current_tier
    demoted = (was != NO_TIER) & (now != NO_TIER) & (now < was)
    hit = churn_rules.falling_value(demoted, previous["clv"], snap.clv_predicted, rules.alerts)

    def cause(i: int) -> str:
        return f"value:{int(was[i])}>{int(now[i])}:{int(np.nan_to_num(previous['clv'][i], nan=-1))}"

    def extra(i: int) -> dict[str, object]:
        return {"from_tier": tiers[int(was[i])].name, "to_tier": tiers[int(now[i])].name} if demoted[i] else {}

    return Finding(hit, cause, extra)
