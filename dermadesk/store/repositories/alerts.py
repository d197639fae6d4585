"""Churn alerts and their life."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dermadesk.domain.alerts import Alert, AlertOutcome, AlertRule, AlertStatus
from dermadesk.store.conflicts import changed_elsewhere
from dermadesk.store.tables import AlertRow

_SIMPLE = (
    "patient_id",
    "cause_key",
    "raised_on",
    "value_at_stake_minor",
    "rank",
    "snoozed_until",
    "handled_at",
    "handled_by",
    "note",
)


def _to_domain(row: AlertRow) -> Alert:
    return Alert(
        rule=AlertRule(row.rule),
        reason=dict(row.reason or {}),
        status=AlertStatus(row.status),
        outcome=AlertOutcome(row.outcome) if row.outcome else None,
        id=row.id,
        version=row.version,
        **{f: getattr(row, f) for f in _SIMPLE},
    )


class AlertRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, alert: Alert) -> Alert:
        row = AlertRow(
            rule=alert.rule.value,
            reason=dict(alert.reason),
            status=alert.status.value,
            outcome=alert.outcome.value if alert.outcome else None,
            **{f: getattr(alert, f) for f in _SIMPLE},
        )
        self._s.add(row)
        self._s.flush()
        return _to_domain(row)

    def get(self, alert_id: int) -> Alert | None:
        row = self._s.get(AlertRow, alert_id)
        return _to_domain(row) if row else None

    def save(self, alert: Alert) -> Alert:
        """Save a change of life made on `alert.version`; refuse if another workstation got there first."""
        assert alert.id is not None
        # locked and read afresh: of two workstations handling the same alert, the second sees the first's save
        row = self._s.get_one(AlertRow, alert.id, with_for_update=True, populate_existing=True)
        if row.version != alert.version:
            raise changed_elsewhere(self._s, "This alert", row.handled_by, row.handled_at)
        row.status, row.snoozed_until, row.handled_at = alert.status.value, alert.snoozed_until, alert.handled_at
        row.handled_by, row.note = alert.handled_by, alert.note
        row.outcome = alert.outcome.value if alert.outcome else None
        self._s.flush()
        return _to_domain(row)

    def list(
        self,
        statuses: Collection[AlertStatus] = (),
        patient_id: int | None = None,
        rules: Collection[AlertRule] = (),
        limit: int | None = None,
    ) -> list[Alert]:
        query = select(AlertRow)
        if statuses:
            query = query.where(AlertRow.status.in_([s.value for s in statuses]))
        if patient_id is not None:
            query = query.where(AlertRow.patient_id == patient_id)
        if rules:
            query = query.where(AlertRow.rule.in_([r.value for r in rules]))
        query = query.order_by(AlertRow.rank.desc(), AlertRow.id)
        if limit:
            query = query.limit(limit)
        return [_to_domain(r) for r in self._s.scalars(query)]

    def known_causes(self) -> set[tuple[int, str, str]]:
        """(patient, rule, cause) of every alert ever raised: the same cause never raises twice."""
        rows = self._s.execute(select(AlertRow.patient_id, AlertRow.rule, AlertRow.cause_key))
        return {(p, r, c) for p, r, c in rows}

    def active_pairs(self) -> set[tuple[int, str]]:
        rows = self._s.execute(
            select(AlertRow.patient_id, AlertRow.rule).where(
                AlertRow.status.in_([AlertStatus.OPEN.value, AlertStatus.SNOOZED.value])
            )
        )
        return {(p, r) for p, r in rows}

    def raised_on(self, day: date) -> int:
        return self._s.scalar(select(func.count()).select_from(AlertRow).where(AlertRow.raised_on == day)) or 0

    def wake_snoozed(self, today: date) -> int:
        rows = list(
            self._s.scalars(
                select(AlertRow).where(AlertRow.status == AlertStatus.SNOOZED.value, AlertRow.snoozed_until <= today)
            )
        )
        for row in rows:
            row.status, row.snoozed_until = AlertStatus.OPEN.value, None
        return len(rows)

    def counts(self) -> dict[tuple[str, str], int]:
        rows = self._s.execute(
            select(AlertRow.rule, AlertRow.status, func.count()).group_by(AlertRow.rule, AlertRow.status)
        )
        return {(rule, status): n for rule, status, n in rows}

    def move(self, from_patient: int, to_patient: int) -> None:
        for row in self._s.scalars(select(AlertRow).where(AlertRow.patient_id == from_patient)):
            row.patient_id = to_patient
