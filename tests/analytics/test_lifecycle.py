"""Lifecycle stages at their day boundaries, and the value ladder's overlapping conditions."""

from __future__ import annotations

import numpy as np
import pytest

from dermadesk.analytics.lifecycle import ladder_levels, lifecycle_stages
from dermadesk.analytics.rfm import NO_DAY
from dermadesk.domain.rules import LadderRules, LifecycleRules
from dermadesk.domain.segments import LADDER_ORDER, STAGE_ORDER, Ladder, Stage

D = 800_000


@pytest.mark.parametrize(
    ("first_back", "last_back", "stage"),
    [
        (None, None, Stage.PROSPECT),
        (0, 0, Stage.NEW),
        (30, 30, Stage.NEW),
        (31, 31, Stage.ACTIVE),
        (31, 5, Stage.ACTIVE),
        (400, 90, Stage.ACTIVE),
        (400, 91, Stage.SILENT),
        (400, 180, Stage.SILENT),
        (400, 181, Stage.DORMANT),
        (400, 365, Stage.DORMANT),
        (400, 366, Stage.LOST),
    ],
)
def test_stage_boundaries(first_back, last_back, stage):
    active = first_back is not None
    first = np.array([D - first_back if active else NO_DAY])
    last = np.array([D - last_back if active else NO_DAY])
    code = lifecycle_stages(np.array([active]), first, last, D, LifecycleRules())[0]
    assert STAGE_ORDER[code] == stage


def test_stage_rules_are_honoured():
    rules = LifecycleRules(new_days=7, active_days=60, silent_days=120, dormant_days=200)
    first = D - np.array([8, 61, 121, 201])
    codes = lifecycle_stages(np.ones(4, bool), first, first, D, rules)
    assert [STAGE_ORDER[c] for c in codes] == [Stage.ACTIVE, Stage.SILENT, Stage.DORMANT, Stage.LOST]


def _ladder(active, visits, spend, visits_12m, categories, clv, referrals):
    codes = ladder_levels(
        *(np.array([v]) for v in (active, visits, spend, visits_12m, categories, clv, referrals)), rules=LadderRules()
    )
    return LADDER_ORDER[codes[0]]


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ((False, 0, 0, 0, 0, 0, 0), Ladder.PROSPECT),
        ((True, 1, 80_000, 1, 1, 0, 0), Ladder.TRIAL),
        ((True, 1, 80_000, 1, 2, 0, 0), Ladder.TRIAL),  # a retail add-on on the first visit
        ((True, 2, 25_000, 2, 2, 0, 0), Ladder.TRIAL),  # two categories but spend under the trial ceiling
        ((True, 2, 50_000, 2, 2, 0, 0), Ladder.REPEAT),
        ((True, 2, 50_000, 2, 1, 0, 0), Ladder.TRIAL),  # neither condition of repeat
        ((True, 3, 9_000, 3, 1, 0, 0), Ladder.REPEAT),  # three visits a year, however cheap
        ((True, 9, 900_000, 2, 1, 0, 0), Ladder.TRIAL),  # old visits: the year counts, not the lifetime
        ((True, 1, 10_000, 1, 1, 500_000, 5), Ladder.SUPER),
        ((True, 3, 900_000, 3, 3, 499_999, 9), Ladder.REPEAT),
        ((True, 3, 900_000, 3, 3, 900_000, 4), Ladder.REPEAT),
    ],
)
def test_ladder(case, expected):
    assert _ladder(*case) == expected
