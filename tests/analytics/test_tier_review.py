"""Membership tiers: floors, three monthly reviews with grace, overrides, the CLV-change flag."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from dermadesk.analytics.tier_review import (
    NO_TIER,
    REASON_CHANGES,
    ReviewReason,
    clv_changed,
    ordered_tiers,
    qualified_tiers,
    review_tiers,
)
from dermadesk.domain.rules import TierRules
from dermadesk.domain.tiers import TierChangeReason

TIERS = ordered_tiers(TierRules())
BRONZE, SILVER, GOLD, PLATINUM, DIAMOND = range(5)


def test_ordered_tiers_sort_by_rank():
    shuffled = TierRules(tiers=tuple(reversed(TierRules().tiers)))
    assert [t.code for t in ordered_tiers(shuffled)] == ["bronze", "silver", "gold", "platinum", "diamond"]


@pytest.mark.parametrize(
    ("spend", "visits", "active", "tier"),
    [
        (0, 0, True, BRONZE),  # paid once, long ago: the entry tier
        (50_000, 1, True, BRONZE),  # silver's spend but not its visits
        (49_999, 2, True, BRONZE),
        (50_000, 2, True, SILVER),
        (150_000, 4, True, GOLD),
        (1_000_000, 3, True, SILVER),  # visits cap the tier
        (600_000, 10, True, DIAMOND),
        (0, 0, False, NO_TIER),  # never paid
    ],
)
def test_qualified_tier_needs_spend_and_visits(spend, visits, active, tier):
    assert qualified_tiers(np.array([spend]), np.array([visits]), np.array([active]), TIERS)[0] == tier


def test_no_tier_when_the_entry_tier_has_a_floor():
    strict = tuple(dataclasses.replace(t, visit_floor=max(t.visit_floor, 1)) for t in TIERS)
    assert qualified_tiers(np.array([10]), np.array([0]), np.array([True]), strict)[0] == NO_TIER


def test_three_monthly_reviews():
    # patients:        0 slipping  1 recovers  2 promoted  3 override  4 new      5 never paid
    previous = np.array([GOLD, GOLD, BRONZE, BRONZE, NO_TIER, NO_TIER])
    counter = np.zeros(6, dtype=np.int64)
    months = [
        # qualified tier each month, and the override in force
        (np.array([SILVER, SILVER, PLATINUM, BRONZE, BRONZE, NO_TIER]), np.array([-1, -1, -1, DIAMOND, -1, -1])),
        (np.array([SILVER, GOLD, PLATINUM, BRONZE, BRONZE, NO_TIER]), np.array([-1, -1, -1, DIAMOND, -1, -1])),
        (np.array([SILVER, SILVER, SILVER, BRONZE, SILVER, NO_TIER]), np.array([-1, -1, -1, -1, -1, -1])),
    ]
    history = []
    for qualified, override in months:
        outcome = review_tiers(qualified, previous, counter, grace_reviews=2, override_tier=override)
        history.append(outcome)
        previous, counter = outcome.tier, outcome.below_floor
    first, second, third = history
    r = ReviewReason
    assert first.tier.tolist() == [GOLD, GOLD, PLATINUM, DIAMOND, BRONZE, NO_TIER]
    assert first.below_floor.tolist() == [1, 1, 0, 0, 0, 0]
    assert first.reason.tolist() == [r.NONE, r.NONE, r.PROMOTION, r.OVERRIDE, r.INITIAL, r.NONE]
    # second review: 0 is demoted after its second month below the floor; 1 is back and its counter resets
    assert second.tier.tolist() == [SILVER, GOLD, PLATINUM, DIAMOND, BRONZE, NO_TIER]
    assert second.below_floor.tolist() == [0, 0, 0, 0, 0, 0]
    assert second.reason.tolist() == [r.DEMOTION, r.NONE, r.NONE, r.NONE, r.NONE, r.NONE]
    # third review: 1 slips again (first month: kept); 2 slips (kept); the override ended: grace starts for 3
    assert third.tier.tolist() == [SILVER, GOLD, PLATINUM, DIAMOND, SILVER, NO_TIER]
    assert third.below_floor.tolist() == [0, 1, 1, 1, 0, 0]
    assert third.reason.tolist() == [r.NONE, r.NONE, r.NONE, r.NONE, r.PROMOTION, r.NONE]


def test_demotion_goes_to_the_qualified_tier_not_one_step():
    outcome = review_tiers(np.array([BRONZE]), np.array([DIAMOND]), np.array([1]))
    assert outcome.tier.tolist() == [BRONZE] and outcome.reason.tolist() == [ReviewReason.DEMOTION]


def test_grace_of_one_demotes_at_once():
    outcome = review_tiers(np.array([SILVER]), np.array([GOLD]), np.array([0]), grace_reviews=1)
    assert outcome.tier.tolist() == [SILVER] and outcome.below_floor.tolist() == [0]


def test_override_below_the_qualified_tier_also_wins():
    outcome = review_tiers(np.array([GOLD]), np.array([GOLD]), np.array([0]), override_tier=np.array([BRONZE]))
    assert outcome.tier.tolist() == [BRONZE] and outcome.reason.tolist() == [ReviewReason.OVERRIDE]


def test_reason_codes_map_to_domain_change_reasons():
    assert REASON_CHANGES[ReviewReason.NONE] is None
    assert REASON_CHANGES[ReviewReason.DEMOTION] == TierChangeReason.DEMOTION
    assert [REASON_CHANGES[r] for r in ReviewReason][1:] == [
        TierChangeReason.INITIAL,
        TierChangeReason.PROMOTION,
        TierChangeReason.DEMOTION,
        TierChangeReason.OVERRIDE,
    ]


def test_clv_change_flag_at_twenty_percent_either_way():
    previous = np.array([1000.0, 1000.0, 1000.0, 1000.0, np.nan, 0.0, 333.0])
    current = np.array([1200.0, 1199.0, 800.0, 801.0, 5000.0, 5000.0, 266.4])
    assert clv_changed(previous, current, 0.20).tolist() == [True, False, True, False, False, False, True]
