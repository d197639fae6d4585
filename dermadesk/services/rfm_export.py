"""RFM rows for every patient, from a clinic database or from a plain transactions CSV: one code path."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from dermadesk.analytics.segmentation import SEGMENTS
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.csv_safety import safe_row
from dermadesk.domain.money import Money
from dermadesk.domain.rules import ClinicRules
from dermadesk.domain.segments import STAGE_ORDER
from dermadesk.domain.staff import Permission
from dermadesk.services.clinic_snapshot import Snapshot, take_snapshot
from dermadesk.services.context import ServiceContext
from dermadesk.services.transactions_csv import load_into_memory

HEADER = (
    "patient_id",
    "recency_days",
    "frequency",
    "monetary",
    "r",
    "f",
    "m",
    "segment",
    "stage",
    "tier",
    "p_alive",
    "clv_12m",
)


@dataclass(frozen=True)
class RfmRow:
    patient_id: str
    recency_days: int | None
    frequency: int
    monetary: Money
    r: int | None
    f: int | None
    m: int | None
    segment: str
    stage: str
    tier: str
    p_alive: float | None
    clv_12m: Money | None

    def as_csv(self) -> list[str]:
        def text(value: object) -> str:
            return "" if value is None else str(value)

        return [
            self.patient_id,
            text(self.recency_days),
            str(self.frequency),
            self.monetary.format_plain(),
            text(self.r),
            text(self.f),
            text(self.m),
            self.segment,
            self.stage,
            self.tier,
            "" if self.p_alive is None else f"{self.p_alive:.4f}",
            self.clv_12m.format_plain() if self.clv_12m else "",
        ]


def snapshot_rows(snap: Snapshot, currency: str, names: dict[int, str], tiers: dict[int, str]) -> list[RfmRow]:
    v, s = snap.values, snap.scores
    rows = []
    for i, pid in enumerate(snap.patient_ids.tolist()):
        alive = snap.p_alive[i]
        rows.append(
            RfmRow(
                names.get(pid, str(pid)),
                int(v.recency[i]) if v.active[i] else None,
                int(v.frequency[i]),
                Money(int(v.monetary[i]), currency),
                int(s.r[i]) or None,
                int(s.f[i]) or None,
                int(s.m[i]) or None,
                SEGMENTS[snap.segments[i]].value if snap.segments[i] >= 0 else "",
                STAGE_ORDER[snap.stages[i]].value,
                tiers.get(pid, ""),
                None if np.isnan(alive) else float(alive),
                Money(int(snap.clv_predicted[i]), currency) if v.active[i] else None,
            )
        )
    return rows


def write_rows(rows: list[RfmRow], target: Path) -> None:
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        # patient ids come from other systems' files: a cell a spreadsheet would run is neutralised
        writer.writerows(safe_row(row.as_csv()) for row in rows)


class RfmExportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def export(self, as_of: date, *, marketing: bool = False) -> list[RfmRow]:
        """Every patient of the clinic, with the tier of the latest review on or before the day. A list for a
        campaign (`marketing`) holds only patients whose marketing consent stands, never an erased one."""
        self._ctx.require(Permission.EXPORT_DATA, "export patient data")
        with self._ctx.store.write() as uow:
            clinic = uow.settings.clinic()
            snap = take_snapshot(uow, as_of, clinic.rules)
            latest = [r for r in uow.tiers.reviews() if r.as_of <= as_of]
            tiers = dict(uow.tiers.result_columns(latest[-1].id, "patient_id", "tier")) if latest else {}  # type: ignore[arg-type]
            allowed = uow.patients.marketing_consented() - uow.patients.erased_ids() if marketing else None
            self._ctx.audit(uow, AuditAction.EXPORT, "rfm_marketing" if marketing else "rfm", as_of.isoformat())
        rows = snapshot_rows(snap, clinic.currency, {}, {k: v or "" for k, v in tiers.items()})
        return rows if allowed is None else [r for r in rows if int(r.patient_id) in allowed]


def score_transactions(
    path: Path, as_of: date, currency: str = "GBP", rules: ClinicRules | None = None
) -> list[RfmRow]:
    """Score a CSV of patient_id,date,amount without a clinic database, by the clinic's own code path."""
    store, names = load_into_memory(path, currency)
    try:
        with store.read() as uow:
            snap = take_snapshot(uow, as_of, rules or ClinicRules())
        return snapshot_rows(snap, currency, names, {})
    finally:
        store.dispose()
