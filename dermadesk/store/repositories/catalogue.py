"""The treatment catalogue and the skin-metric catalogue."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from dermadesk.domain.catalogue import TreatmentCategory, TreatmentType
from dermadesk.domain.readings import ConcernWhen, Metric
from dermadesk.store.tables import MetricRow, TreatmentTypeRow

_TREATMENT_FIELDS = (
    "code",
    "name",
    "default_price_minor",
    "follow_up_min_days",
    "follow_up_max_days",
    "aftercare_template",
    "active",
)
_METRIC_FIELDS = ("code", "name", "unit", "threshold", "healthy_low", "healthy_high", "builtin", "active")


def _treatment(row: TreatmentTypeRow) -> TreatmentType:
    return TreatmentType(
        category=TreatmentCategory(row.category), id=row.id, **{f: getattr(row, f) for f in _TREATMENT_FIELDS}
    )


def _metric(row: MetricRow) -> Metric:
    return Metric(concern_when=ConcernWhen(row.concern_when), id=row.id, **{f: getattr(row, f) for f in _METRIC_FIELDS})


class CatalogueRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add_treatment(self, treatment: TreatmentType) -> TreatmentType:
        row = TreatmentTypeRow(
            category=treatment.category.value, **{f: getattr(treatment, f) for f in _TREATMENT_FIELDS}
        )
        self._s.add(row)
        self._s.flush()
        return dataclasses.replace(treatment, id=row.id)

    def save_treatment(self, treatment: TreatmentType) -> TreatmentType:
        if treatment.id is None:
            return self.add_treatment(treatment)
        row = self._s.get_one(TreatmentTypeRow, treatment.id)
        for f in _TREATMENT_FIELDS:
            setattr(row, f, getattr(treatment, f))
        row.category = treatment.category.value
        return treatment

    def treatments(self, include_inactive: bool = True) -> list[TreatmentType]:
        query = select(TreatmentTypeRow).order_by(TreatmentTypeRow.name)
        if not include_inactive:
            query = query.where(TreatmentTypeRow.active)
        return [_treatment(r) for r in self._s.scalars(query)]

    def treatment(self, treatment_id: int) -> TreatmentType | None:
        row = self._s.get(TreatmentTypeRow, treatment_id)
        return _treatment(row) if row else None

    def add_metric(self, metric: Metric) -> Metric:
        row = MetricRow(concern_when=metric.concern_when.value, **{f: getattr(metric, f) for f in _METRIC_FIELDS})
        self._s.add(row)
        self._s.flush()
        return dataclasses.replace(metric, id=row.id)

    def save_metric(self, metric: Metric) -> Metric:
        if metric.id is None:
            return self.add_metric(metric)
        row = self._s.get_one(MetricRow, metric.id)
        for f in _METRIC_FIELDS:
            setattr(row, f, getattr(metric, f))
        row.concern_when = metric.concern_when.value
        return metric

    def metrics(self, include_inactive: bool = True) -> list[Metric]:
        query = select(MetricRow).order_by(MetricRow.id)
        if not include_inactive:
            query = query.where(MetricRow.active)
        return [_metric(r) for r in self._s.scalars(query)]
