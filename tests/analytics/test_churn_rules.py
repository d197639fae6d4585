"""Each churn rule fires on its case, stays quiet on the near miss, and is silent when switched off."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from dermadesk.analytics.churn_rules import (
    broken_rhythm,
    falling_value,
    low_satisfaction,
    overdue_follow_up,
    probably_gone,
    stage_crossing,
)
from dermadesk.analytics.lifecycle import ACTIVE, DORMANT, LOST, NEW, SILENT
from dermadesk.analytics.visits import gap_stats
from dermadesk.domain.alerts import AlertRule
from dermadesk.domain.rules import AlertRules

RULES = AlertRules()
NAN = np.nan


def off(**flag: bool) -> AlertRules:
    return dataclasses.replace(RULES, **flag)


def test_overdue_follow_up():
    # botulinum toxin every 90 days, grace 20 %: due until day 108, overdue from day 109
    hits = overdue_follow_up(np.array([108, 109, 130, -1, 400]), np.array([90, 90, 90, 90, 0]), RULES)
    assert hits.rule == AlertRule.OVERDUE_FOLLOW_UP
    assert hits.mask.tolist() == [False, True, True, False, False]
    assert hits.figures["days_overdue"][2] == 40 and hits.figures["usual_interval"][2] == 90
    assert not overdue_follow_up(np.array([500]), np.array([90]), off(overdue_enabled=False)).mask.any()


def test_broken_rhythm_with_the_median_gap_from_visit_days():
    # patient 0 visits every 41 days (4 visits); patient 1 only twice; days since the last visit below
    days = np.array([0, 41, 82, 123, 0, 41])
    stats = gap_stats(np.array([0, 0, 0, 0, 1, 1]), days, 2)
    visits = np.array([4, 2])
    assert stats.median.tolist() == [41.0, 41.0]
    assert not broken_rhythm(visits, np.array([82, 500]), stats.median, RULES).mask.any()  # 2 x 41 is not more
    hits = broken_rhythm(visits, np.array([83, 500]), stats.median, RULES)
    assert hits.mask.tolist() == [True, False]  # patient 1 has too few visits for a rhythm
    assert hits.figures["usual_gap"][0] == 41.0 and hits.figures["days_since"][0] == 83
    assert not broken_rhythm(np.array([5]), np.array([900]), np.array([NAN]), RULES).mask.any()
    assert not broken_rhythm(visits, np.array([143, 500]), stats.median, off(rhythm_enabled=False)).mask.any()


@pytest.mark.parametrize(
    ("previous", "current", "fires"),
    [
        (ACTIVE, SILENT, True),
        (SILENT, DORMANT, True),
        (DORMANT, LOST, True),
        (NEW, SILENT, True),
        (SILENT, SILENT, False),
        (NEW, ACTIVE, False),
        (SILENT, ACTIVE, False),
        (-1, SILENT, False),
    ],
)
def test_stage_crossing(previous, current, fires):
    assert stage_crossing(np.array([previous]), np.array([current]), RULES).mask[0] == fires


def test_stage_crossing_targets_and_switch():
    only_lost = off(stage_targets=("lost",))
    assert stage_crossing(np.array([ACTIVE, DORMANT]), np.array([SILENT, LOST]), only_lost).mask.tolist() == [
        False,
        True,
    ]
    assert not stage_crossing(np.array([ACTIVE]), np.array([SILENT]), off(stage_enabled=False)).mask.any()


def test_low_satisfaction_each_score_and_its_near_miss():
    post = np.array([6, 7, NAN, NAN, NAN, NAN, NAN])
    csat = np.array([NAN, NAN, 2, 3, NAN, NAN, NAN])
    nps = np.array([NAN, NAN, NAN, NAN, 6, 7, NAN])
    hits = low_satisfaction(post, csat, nps, RULES)
    assert hits.mask.tolist() == [True, False, True, False, True, False, False]
    assert hits.figures["csat_low"].tolist() == [False, False, True, False, False, False, False]
    assert not low_satisfaction(post, csat, nps, off(satisfaction_enabled=False)).mask.any()


def test_falling_value():
    demoted = np.array([True, False, False, False, False])
    previous = np.array([1000.0, 1000.0, 1000.0, 0.0, NAN])
    current = np.array([1000.0, 800.0, 801.0, 0.0, 10.0])
    hits = falling_value(demoted, previous, current, RULES)
    assert hits.mask.tolist() == [True, True, False, False, False]
    assert hits.figures["clv_drop"][1] == pytest.approx(0.2)
    assert not falling_value(demoted, previous, current, off(value_enabled=False)).mask.any()


def test_probably_gone():
    hits = probably_gone(np.array([0.29, 0.30, 0.10, NAN]), np.array([2, 2, 1, 9]), RULES)
    assert hits.mask.tolist() == [True, False, False, False]
    assert hits.figures["p_alive"][0] == 0.29
    assert not probably_gone(np.array([0.01]), np.array([5]), off(gone_enabled=False)).mask.any()
