"""The treatment catalogue and the metric catalogue: read by everyone, changed by the owner."""

from __future__ import annotations

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.catalogue import TreatmentType
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.readings import Metric
from dermadesk.domain.staff import Permission
from dermadesk.services.context import ServiceContext


class CatalogueService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def treatments(self, include_inactive: bool = False) -> list[TreatmentType]:
        with self._ctx.store.read() as uow:
            return uow.catalogue.treatments(include_inactive=include_inactive)

    def metrics(self, include_inactive: bool = False) -> list[Metric]:
        with self._ctx.store.read() as uow:
            return uow.catalogue.metrics(include_inactive=include_inactive)

    def save_treatment(self, treatment: TreatmentType) -> TreatmentType:
        self._ctx.require(Permission.CHANGE_SETTINGS, "change the treatment catalogue")
        problems = []
        if not treatment.name.strip() or not treatment.code.strip():
            problems.append(FieldProblem("name", "required"))
        if treatment.default_price_minor < 0:
            problems.append(FieldProblem("default_price", "not_negative"))
        low, high = treatment.follow_up_min_days, treatment.follow_up_max_days
        if (low is not None and low <= 0) or (low is not None and high is not None and high < low):
            problems.append(FieldProblem("follow_up", "out_of_range"))
        require_valid(problems)
        with self._ctx.store.write() as uow:
            saved = uow.catalogue.save_treatment(treatment)
            self._ctx.audit(uow, AuditAction.UPDATE, "treatment_type", saved.id)
        return saved

    def save_metric(self, metric: Metric) -> Metric:
        self._ctx.require(Permission.CHANGE_SETTINGS, "change the metric catalogue")
        require_valid([FieldProblem("name", "required")] if not metric.name.strip() or not metric.code.strip() else [])
        with self._ctx.store.write() as uow:
            saved = uow.catalogue.save_metric(metric)
            self._ctx.audit(uow, AuditAction.UPDATE, "metric", saved.id)
        return saved
