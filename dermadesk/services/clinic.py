"""The clinic itself: first-time setup with the seeds' defaults, details and rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.catalogue import DEFAULT_TREATMENTS
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.readings import DEFAULT_METRICS
from dermadesk.domain.staff import Permission
from dermadesk.services.context import ServiceContext
from dermadesk.store.unit_of_work import UnitOfWork


def seed_defaults(uow: UnitOfWork, settings: ClinicSettings, at: object) -> None:
    """A new clinic starts with the default catalogue, metrics, tiers and rules."""
    uow.settings.save_clinic(settings, at)  # type: ignore[arg-type]
    for treatment in DEFAULT_TREATMENTS:
        uow.catalogue.add_treatment(treatment)
    for metric in DEFAULT_METRICS:
        uow.catalogue.add_metric(metric)
    uow.tiers.replace_definitions(settings.rules.tiers.tiers)


def validate_settings(settings: ClinicSettings) -> list[FieldProblem]:
    problems = []
    if not settings.name.strip():
        problems.append(FieldProblem("clinic_name", "required"))
    if len(settings.currency) != 3 or not settings.currency.isalpha():
        problems.append(FieldProblem("currency", "unknown_choice"))
    if not 1 <= settings.idle_lock_minutes <= 240:
        problems.append(FieldProblem("idle_lock_minutes", "out_of_range"))
    return problems


class ClinicService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def settings(self) -> ClinicSettings:
        with self._ctx.store.read() as uow:
            return uow.settings.clinic()

    def save_settings(self, settings: ClinicSettings) -> ClinicSettings:
        return self.change_settings(lambda _stored: settings)

    def change_settings(self, patch: Callable[[ClinicSettings], ClinicSettings]) -> ClinicSettings:
        """Apply one section's changes to the settings as stored at this moment, read and written in one locked
        transaction: two workstations saving different sections at once both keep their changes."""
        actor = self._ctx.require(Permission.CHANGE_SETTINGS, "change clinic settings")
        with self._ctx.store.write() as uow:
            uow.lock_for("clinic_settings")
            settings = patch(uow.settings.clinic())
            require_valid(validate_settings(settings))
            uow.settings.save_clinic(settings, self._ctx.clock.now(), actor.id)
            uow.tiers.replace_definitions(settings.rules.tiers.tiers)
            self._ctx.audit(uow, AuditAction.UPDATE, "clinic_settings")
        self._ctx.store.currency = settings.currency
        return settings

    def rename(self, name: str) -> ClinicSettings:
        return self.save_settings(dataclasses.replace(self.settings(), name=name))
