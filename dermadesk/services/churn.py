"""Fitting the churn model (BG/NBD and Gamma-Gamma) on a clinic's history or a transactions CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dermadesk.analytics.clv import DAYS, WEEKS
from dermadesk.domain.rules import ClinicRules
from dermadesk.domain.staff import Permission
from dermadesk.services.clinic_snapshot import ChurnModel, fit_model, lifetime_values
from dermadesk.services.context import ServiceContext
from dermadesk.services.transactions_csv import load_into_memory
from dermadesk.store.unit_of_work import Store

UNITS = {"days": DAYS, "weeks": WEEKS}
NO_SAMPLING = 10**9


def _fit(store: Store, calibration_end: date, unit: str) -> ChurnModel:
    with store.read() as uow:
        values = lifetime_values(uow, calibration_end, ClinicRules()).values
    return fit_model(values, sample=NO_SAMPLING, unit_days=UNITS[unit])


class ChurnService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def fit(self, calibration_end: date, unit: str = "weeks") -> ChurnModel:
        """The model on every patient's history up to the calibration end (no sampling: this is for study)."""
        self._ctx.require(Permission.RUN_REPORTS, "fit the churn model")
        return _fit(self._ctx.store, calibration_end, unit)


def fit_transactions(path: Path, calibration_end: date, unit: str = "weeks", currency: str = "GBP") -> ChurnModel:
    store, _ = load_into_memory(path, currency)
    try:
        return _fit(store, calibration_end, unit)
    finally:
        store.dispose()
