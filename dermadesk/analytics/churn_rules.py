"""The six churn-alert rules of DOMAIN §5 on arrays: who fires, with the figures each reason quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dermadesk.domain.alerts import AlertRule
from dermadesk.domain.rules import AlertRules
from dermadesk.domain.segments import STAGE_ORDER

_EPS = 1e-9  # float products like 90 x 1.2 must not move a boundary case to the other side


@dataclass(frozen=True)
class RuleHits:
    """One rule over all patients: who fires (mask) and per-patient figures for the plain-words reason."""

    rule: AlertRule
    mask: np.ndarray
    figures: dict[str, np.ndarray] = field(default_factory=dict)


def _off(rule: AlertRule, n: int) -> RuleHits:
    return RuleHits(rule, np.zeros(n, dtype=bool))


def overdue_follow_up(days_since_treatment: np.ndarray, usual_interval_days: np.ndarray, rules: AlertRules) -> RuleHits:
    """Fires when days since the last treatment > its usual interval x (1 + grace).

    days_since_treatment < 0 (no treatment) or interval <= 0 (no follow-up for it) never fire.
    Figures: days_since, usual_interval, days_overdue (days past the usual interval: "overdue by 3 weeks").
    """
    since = np.asarray(days_since_treatment, dtype=np.int64)
    interval = np.asarray(usual_interval_days, dtype=np.int64)
    if not rules.overdue_enabled:
        return _off(AlertRule.OVERDUE_FOLLOW_UP, since.size)
    mask = (since >= 0) & (interval > 0) & (since > interval * (1.0 + rules.overdue_grace) + _EPS)
    figures = {"days_since": since, "usual_interval": interval, "days_overdue": since - interval}
    return RuleHits(AlertRule.OVERDUE_FOLLOW_UP, mask, figures)


def broken_rhythm(visits: np.ndarray, recency: np.ndarray, median_gap: np.ndarray, rules: AlertRules) -> RuleHits:
    """Fires with >= rhythm_min_visits visit days when days since the last > factor x median gap.

    median_gap from visits.gap_stats (NaN without gaps). Figures: days_since, usual_gap.
    """
    recency = np.asarray(recency, dtype=np.int64)
    gap = np.asarray(median_gap, dtype=np.float64)
    if not rules.rhythm_enabled:
        return _off(AlertRule.BROKEN_RHYTHM, recency.size)
    with np.errstate(invalid="ignore"):
        mask = (
            (np.asarray(visits) >= rules.rhythm_min_visits) & (gap > 0) & (recency > rules.rhythm_factor * gap + _EPS)
        )
    return RuleHits(AlertRule.BROKEN_RHYTHM, mask, {"days_since": recency, "usual_gap": gap})


def stage_crossing(previous_stage: np.ndarray, current_stage: np.ndarray, rules: AlertRules) -> RuleHits:
    """Fires when the stage moved further down the funnel into one of rules.stage_targets.

    Stage codes index STAGE_ORDER; previous < 0 (no earlier review) never fires, so a clinic's first
    review does not flood the inbox with every patient who was already silent.
    Figures: previous_stage, current_stage.
    """
    prev = np.asarray(previous_stage, dtype=np.int64)
    cur = np.asarray(current_stage, dtype=np.int64)
    if not rules.stage_enabled:
        return _off(AlertRule.STAGE_CROSSING, cur.size)
    targets = [STAGE_ORDER.index(s) for s in STAGE_ORDER if s in rules.stage_targets]
    mask = (prev >= 0) & (cur > prev) & np.isin(cur, targets)
    return RuleHits(AlertRule.STAGE_CROSSING, mask, {"previous_stage": prev, "current_stage": cur})


def low_satisfaction(post_treatment: np.ndarray, csat: np.ndarray, nps: np.ndarray, rules: AlertRules) -> RuleHits:
    """Fires on the latest scores: post-treatment <= satisfaction_max, CSAT <= csat_max or NPS <= nps_max.

    Scores are floats with NaN where the patient has none. Figures: the three scores and which fired.
    """
    scores = [np.asarray(s, dtype=np.float64) for s in (post_treatment, csat, nps)]
    if not rules.satisfaction_enabled:
        return _off(AlertRule.LOW_SATISFACTION, scores[0].size)
    limits = (rules.satisfaction_max, rules.csat_max, rules.nps_max)
    with np.errstate(invalid="ignore"):  # NaN compares False: no survey, no alert
        low = [s <= limit for s, limit in zip(scores, limits, strict=True)]
    figures = {
        "post_treatment": scores[0],
        "csat": scores[1],
        "nps": scores[2],
        "post_treatment_low": low[0],
        "csat_low": low[1],
        "nps_low": low[2],
    }
    return RuleHits(AlertRule.LOW_SATISFACTION, low[0] | low[1] | low[2], figures)


def falling_value(
    demoted: np.ndarray, previous_clv: np.ndarray, current_clv: np.ndarray, rules: AlertRules
) -> RuleHits:
    """Fires when the tier was demoted in this review or predicted CLV fell by >= value_drop.

    previous_clv NaN or <= 0 gives no drop. Figures: demoted, clv_drop (fraction lost, NaN without basis).
    """
    demoted = np.asarray(demoted, dtype=bool)
    if not rules.value_enabled:
        return _off(AlertRule.FALLING_VALUE, demoted.size)
    prev = np.asarray(previous_clv, dtype=np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        drop = np.where(prev > 0, (prev - np.asarray(current_clv, dtype=np.float64)) / prev, np.nan)
        mask = demoted | (drop >= rules.value_drop - _EPS)
    return RuleHits(AlertRule.FALLING_VALUE, mask, {"demoted": demoted, "clv_drop": drop})


def probably_gone(p_alive: np.ndarray, visits: np.ndarray, rules: AlertRules) -> RuleHits:
    """Fires when P(alive) < gone_p_alive for a patient with >= gone_min_visits visit days.

    NaN P(alive) (no model fit) never fires. Figures: p_alive, visits.
    """
    p = np.asarray(p_alive, dtype=np.float64)
    if not rules.gone_enabled:
        return _off(AlertRule.PROBABLY_GONE, p.size)
    with np.errstate(invalid="ignore"):
        mask = (p < rules.gone_p_alive) & (np.asarray(visits) >= rules.gone_min_visits)
    return RuleHits(AlertRule.PROBABLY_GONE, mask, {"p_alive": p, "visits": np.asarray(visits)})
