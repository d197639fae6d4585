"""Clinic preferences stored as JSON per key."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.rules import ClinicRules
from dermadesk.store.tables import ClinicSettingRow

CLINIC_KEY = "clinic"
RULES_KEY = "rules"


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, key: str) -> dict[str, Any] | None:
        row = self._s.get(ClinicSettingRow, key)
        return dict(row.value) if row else None

    def put(self, key: str, value: dict[str, Any], at: datetime, by: int | None = None) -> None:
        row = self._s.get(ClinicSettingRow, key)
        if row is None:
            self._s.add(ClinicSettingRow(key=key, value=value, updated_at=at, updated_by=by))
        else:
            row.value, row.updated_at, row.updated_by = value, at, by

    def clinic(self) -> ClinicSettings:
        details = self.get(CLINIC_KEY) or {}
        rules = ClinicRules.from_dict(self.get(RULES_KEY) or {})
        known = {f.name for f in dataclasses.fields(ClinicSettings)} - {"rules"}
        return ClinicSettings(**{k: v for k, v in details.items() if k in known}, rules=rules)

    def save_clinic(self, settings: ClinicSettings, at: datetime, by: int | None = None) -> None:
        details = {f.name: getattr(settings, f.name) for f in dataclasses.fields(settings) if f.name != "rules"}
        self.put(CLINIC_KEY, details, at, by)
        self.put(RULES_KEY, settings.rules.to_dict(), at, by)
