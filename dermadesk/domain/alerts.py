"""Churn alerts: the six rules, an alert's life and its reason in data (words come later)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class AlertRule(StrEnum):
    OVERDUE_FOLLOW_UP = "overdue_follow_up"
    BROKEN_RHYTHM = "broken_rhythm"
    STAGE_CROSSING = "stage_crossing"
    LOW_SATISFACTION = "low_satisfaction"
    FALLING_VALUE = "falling_value"
    PROBABLY_GONE = "probably_gone"


class AlertStatus(StrEnum):
    OPEN = "open"
    SNOOZED = "snoozed"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


ACTIVE_STATUSES = frozenset({AlertStatus.OPEN, AlertStatus.SNOOZED})


class AlertOutcome(StrEnum):
    REBOOKED = "rebooked"
    DECLINED = "declined"  # reached, not interested
    NO_ANSWER = "no_answer"
    MOVED = "moved"
    DECEASED = "deceased"
    OTHER = "other"


@dataclass(frozen=True)
class Alert:
    patient_id: int
    rule: AlertRule
    cause_key: str  # what raised it; the same cause never raises a second alert
    raised_on: date
    reason: dict[str, object] = field(default_factory=dict)  # the figures the plain-words reason uses
    value_at_stake_minor: int = 0
    rank: float = 0.0
    status: AlertStatus = AlertStatus.OPEN
    snoozed_until: date | None = None
    handled_at: datetime | None = None
    handled_by: int | None = None
    outcome: AlertOutcome | None = None
    note: str = ""
    id: int | None = None
    version: int = 1
