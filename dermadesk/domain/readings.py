"""Skin-test readings: the metric catalogue, reading sessions and concern thresholds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class ConcernWhen(StrEnum):
    BELOW = "<"
    ABOVE = ">"
    AT_OR_ABOVE = ">="
    AT_OR_BELOW = "<="


@dataclass(frozen=True)
class Metric:
    code: str
    name: str
    unit: str
    concern_when: ConcernWhen
    threshold: float
    healthy_low: float | None = None
    healthy_high: float | None = None
    builtin: bool = True
    active: bool = True
    id: int | None = None

    def is_concern(self, value: float) -> bool:
        return {
            ConcernWhen.BELOW: value < self.threshold,
            ConcernWhen.ABOVE: value > self.threshold,
            ConcernWhen.AT_OR_ABOVE: value >= self.threshold,
            ConcernWhen.AT_OR_BELOW: value <= self.threshold,
        }[self.concern_when]


DEFAULT_METRICS: tuple[Metric, ...] = (
    Metric("hydration", "Hydration", "%", ConcernWhen.BELOW, 35, 40, 60),
    Metric("sebum", "Sebum", "µg/cm²", ConcernWhen.ABOVE, 150, 50, 120),
    Metric("elasticity", "Elasticity / collagen density", "%", ConcernWhen.BELOW, 30, 45, 80),
    Metric("pigmentation", "Pigmentation / spot coverage", "% of area", ConcernWhen.ABOVE, 15, 0, 8),
    Metric("uv_damage", "UV damage index", "0–10", ConcernWhen.AT_OR_ABOVE, 7, 0, 4),
    Metric("redness", "Redness / erythema index", "0–100", ConcernWhen.ABOVE, 60, 0, 40),
    Metric("pores", "Pores", "per cm²", ConcernWhen.ABOVE, 40, 0, 25),
    Metric("wrinkles", "Wrinkle score", "0–10", ConcernWhen.AT_OR_ABOVE, 6, 0, 3),
    Metric("tewl", "TEWL", "g/m²/h", ConcernWhen.ABOVE, 25, 5, 15),
)


@dataclass(frozen=True)
class ReadingSession:
    patient_id: int
    taken_at: datetime
    values: dict[str, float] = field(default_factory=dict)  # metric code -> value
    device: str = ""
    operator_id: int | None = None
    zones: tuple[str, ...] = ()
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Photo:
    """A before/after photo, held encrypted inside the database, never as a loose file."""

    patient_id: int
    taken_at: datetime
    mime_type: str
    data: bytes
    event_id: int | None = None
    reading_session_id: int | None = None
    caption: str = ""
    id: int | None = None
