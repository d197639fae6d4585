"""Named groups patients fall into: RFM segments, lifecycle stages and the value ladder."""

from __future__ import annotations

from enum import StrEnum


class Segment(StrEnum):
    # the R x F grid (DOMAIN §4)
    CHAMPIONS = "champions"
    LOYAL = "loyal"
    POTENTIAL_LOYALIST = "potential_loyalist"
    NEW = "new"
    PROMISING = "promising"
    NEED_ATTENTION = "need_attention"
    ABOUT_TO_SLEEP = "about_to_sleep"
    AT_RISK = "at_risk"
    CANT_LOSE = "cant_lose"
    HIBERNATING = "hibernating"
    LOST = "lost"
    # the 8 groups of seed 001 (R, F, M each high or low against the mean)
    IMPORTANT_VALUE = "important_value"
    IMPORTANT_DEVELOP = "important_develop"
    IMPORTANT_KEEP = "important_keep"
    IMPORTANT_RETAIN = "important_retain"
    GENERAL_VALUE = "general_value"
    GENERAL_DEVELOP = "general_develop"
    GENERAL_KEEP = "general_keep"
    GENERAL_RETAIN = "general_retain"


GRID_SEGMENTS = tuple(Segment)[:11]
EIGHT_GROUPS = tuple(Segment)[11:]
# Segments whose patients are worth a call before they go: they rank first in the inbox.
AT_RISK_SEGMENTS = frozenset(
    {Segment.CANT_LOSE, Segment.AT_RISK, Segment.ABOUT_TO_SLEEP, Segment.IMPORTANT_KEEP, Segment.IMPORTANT_RETAIN}
)


class SegmentMap(StrEnum):
    GRID = "grid"
    EIGHT_GROUPS = "eight_groups"


class Stage(StrEnum):
    PROSPECT = "prospect"
    NEW = "new"
    ACTIVE = "active"
    SILENT = "silent"
    DORMANT = "dormant"
    LOST = "lost"


STAGE_ORDER = tuple(Stage)


class Ladder(StrEnum):
    PROSPECT = "prospect"
    TRIAL = "trial"
    REPEAT = "repeat"
    SUPER = "super"


LADDER_ORDER = tuple(Ladder)
