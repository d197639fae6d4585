"""Lifecycle stage (DOMAIN §4) and the four-level value ladder (seed 001) as integer codes."""

from __future__ import annotations

import numpy as np

from dermadesk.domain.rules import LadderRules, LifecycleRules
from dermadesk.domain.segments import LADDER_ORDER, STAGE_ORDER, Ladder, Stage

# Codes index STAGE_ORDER and LADDER_ORDER; both orders run from "nothing paid" downstream.
PROSPECT, NEW, ACTIVE, SILENT, DORMANT, LOST = (STAGE_ORDER.index(s) for s in Stage)
LADDER_PROSPECT, TRIAL, REPEAT, SUPER = (LADDER_ORDER.index(level) for level in Ladder)


def lifecycle_stages(
    active: np.ndarray, first_day: np.ndarray, last_day: np.ndarray, as_of_day: int, rules: LifecycleRules
) -> np.ndarray:
    """Stage codes (int8 into STAGE_ORDER) from the first and last visit day.

    With d = days since the event (0 = as_of_day), the first matching line wins:
    prospect: no visit; new: first visit d <= new_days; active: last visit d <= active_days;
    silent: d <= silent_days; dormant: d <= dormant_days; lost: d > dormant_days.
    So with the defaults a last visit 90 days ago is active, 91 silent, 365 dormant, 366 lost.
    """
    act = np.asarray(active, dtype=bool)
    since_first = as_of_day - np.asarray(first_day, dtype=np.int64)
    since_last = as_of_day - np.asarray(last_day, dtype=np.int64)
    conditions = [
        ~act,
        since_first <= rules.new_days,
        since_last <= rules.active_days,
        since_last <= rules.silent_days,
        since_last <= rules.dormant_days,
    ]
    return np.select(conditions, [PROSPECT, NEW, ACTIVE, SILENT, DORMANT], LOST).astype(np.int8)


def ladder_levels(
    active: np.ndarray,
    visits: np.ndarray,
    lifetime_spend: np.ndarray,
    visits_12m: np.ndarray,
    categories: np.ndarray,
    clv_12m: np.ndarray,
    referrals_12m: np.ndarray,
    rules: LadderRules,
) -> np.ndarray:
    """Ladder codes (int8 into LADDER_ORDER); the seed's conditions overlap, so they are read in this order.

    prospect: no paid visit.
    super: 12-month CLV (the caller's predicted figure, minor units) >= super floor and referrals in the
        year >= super_referrals.
    repeat: >= repeat_visits visit days in the year; or >= repeat_categories categories, unless the
        patient still looks like a trial (one visit ever, or lifetime spend <= trial ceiling), because
        a retail add-on on the first visit is not a repeat (seed 001 also asks a spend floor there).
    trial: every other paying patient.
    """
    trial_like = (np.asarray(visits) <= 1) | (np.asarray(lifetime_spend) <= rules.trial_ceiling_minor)
    is_super = (np.asarray(clv_12m) >= rules.super_clv_floor_minor) & (
        np.asarray(referrals_12m) >= rules.super_referrals
    )
    is_repeat = (np.asarray(visits_12m) >= rules.repeat_visits) | (
        (np.asarray(categories) >= rules.repeat_categories) & ~trial_like
    )
    act = np.asarray(active, dtype=bool)
    return np.select([~act, is_super, is_repeat], [LADDER_PROSPECT, SUPER, REPEAT], TRIAL).astype(np.int8)
