"""Every rule behind RFM, stages, the ladder, tiers and alerts, as data with the seeds' defaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from dermadesk.domain.segments import SegmentMap
from dermadesk.domain.tiers import DEFAULT_TIERS, TierDefinition


class Scoring(StrEnum):
    QUINTILES = "quintiles"  # 1 + floor(5 W / N), W = patients strictly worse
    FIXED_BANDS = "fixed_bands"  # seed 001's bands


@dataclass(frozen=True)
class RfmRules:
    window_days: int = 365
    scoring: Scoring = Scoring.QUINTILES
    segment_map: SegmentMap = SegmentMap.GRID
    # fixed bands (seed 001): R in days (ascending upper edges for scores 5..2), F visits a year, M in minor units
    recency_bands: tuple[int, ...] = (90, 180, 270, 365)
    frequency_bands: tuple[int, ...] = (2, 3, 4, 6)  # F >= 2 repeat, >= 4 fan
    monetary_bands: tuple[int, ...] = (20_000, 60_000, 150_000, 300_000)
    rfm2_weights: tuple[float, float, float, float] = (0.3, 0.3, 0.3, 0.1)


@dataclass(frozen=True)
class LifecycleRules:
    new_days: int = 30
    active_days: int = 90
    silent_days: int = 180
    dormant_days: int = 365


@dataclass(frozen=True)
class LadderRules:
    trial_ceiling_minor: int = 30_000
    repeat_visits: int = 3
    repeat_categories: int = 2
    super_clv_floor_minor: int = 500_000
    super_referrals: int = 5


@dataclass(frozen=True)
class TierRules:
    tiers: tuple[TierDefinition, ...] = DEFAULT_TIERS
    grace_reviews: int = 2  # demote only after this many consecutive reviews below the floor
    clv_change_flag: float = 0.20


@dataclass(frozen=True)
class AlertRules:
    overdue_enabled: bool = True
    overdue_grace: float = 0.20
    rhythm_enabled: bool = True
    rhythm_min_visits: int = 3
    rhythm_factor: float = 2.0
    stage_enabled: bool = True
    stage_targets: tuple[str, ...] = ("silent", "dormant", "lost")
    satisfaction_enabled: bool = True
    satisfaction_max: int = 6
    csat_max: int = 2
    nps_max: int = 6
    value_enabled: bool = True
    value_drop: float = 0.20
    gone_enabled: bool = True
    gone_p_alive: float = 0.3
    gone_min_visits: int = 2
    cool_down_days: int = 14
    daily_cap: int = 40


@dataclass(frozen=True)
class ClinicRules:
    """All the clinic's rules together: what a tier review stores with its run."""

    rfm: RfmRules = field(default_factory=RfmRules)
    lifecycle: LifecycleRules = field(default_factory=LifecycleRules)
    ladder: LadderRules = field(default_factory=LadderRules)
    tiers: TierRules = field(default_factory=TierRules)
    alerts: AlertRules = field(default_factory=AlertRules)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClinicRules:
        return ClinicRules(
            rfm=_build(RfmRules, data.get("rfm", {})),
            lifecycle=_build(LifecycleRules, data.get("lifecycle", {})),
            ladder=_build(LadderRules, data.get("ladder", {})),
            tiers=_build_tiers(data.get("tiers", {})),
            alerts=_build(AlertRules, data.get("alerts", {})),
        )


T = TypeVar("T")


def _build(kind: type[T], values: dict[str, Any]) -> T:
    """A rules object from stored JSON, keeping defaults for keys an older version did not store."""
    defaults = kind()
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(kind):  # type: ignore[arg-type]
        if f.name not in values:
            continue
        default = getattr(defaults, f.name)
        value = values[f.name]
        if isinstance(default, StrEnum):
            value = type(default)(value)
        elif isinstance(default, tuple):
            value = tuple(value)
        kwargs[f.name] = value
    return kind(**kwargs)


def _build_tiers(values: dict[str, Any]) -> TierRules:
    rules = _build(TierRules, {k: v for k, v in values.items() if k != "tiers"})
    if "tiers" in values:
        tiers = tuple(TierDefinition(**{k: v for k, v in t.items() if k != "id"}) for t in values["tiers"])
        rules = dataclasses.replace(rules, tiers=tiers)
    return rules
