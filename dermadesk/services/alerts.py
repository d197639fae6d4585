"""The churn-alert inbox: raise today's alerts (ranked, capped, never twice for one cause) and work them."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from datetime import date

from dermadesk.domain.alerts import ACTIVE_STATUSES, Alert, AlertOutcome, AlertRule, AlertStatus
from dermadesk.domain.appointments import Appointment, AppointmentStatus
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number, local_instant
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.patients import Patient
from dermadesk.domain.ports import ProgressReporter
from dermadesk.domain.staff import Permission
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.alert_candidates import Candidate, Candidates, find_candidates
from dermadesk.services.clinic_snapshot import Snapshot, take_snapshot
from dermadesk.services.context import ServiceContext
from dermadesk.store.conflicts import changed_elsewhere
from dermadesk.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class AlertRunSummary:
    raised: dict[AlertRule, int]
    skipped_known: int  # already open for that rule, or this cause was raised before
    over_cap: int  # recall picks the daily cap left for another day (some may be known already)
    woken: int  # snoozed alerts whose date came


@dataclass(frozen=True)
class AlertView:
    alert: Alert
    patient: Patient


class AlertService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def run(
        self, as_of: date, progress: ProgressReporter | None = None, snapshot: Snapshot | None = None
    ) -> AlertRunSummary:
        """Raise the alerts of a day. Safe to run again: nothing is raised twice for one cause. A snapshot
        already taken for that day (by the tier review just run) saves computing it twice."""
        self._ctx.require(Permission.WORK_ALERTS, "run the churn alerts")
        with self._ctx.store.write() as uow:
            woken = uow.alerts.wake_snoozed(as_of)
            rules = uow.settings.clinic().rules
            snap = snapshot if snapshot and snapshot.as_of == as_of else take_snapshot(uow, as_of, rules, progress)
            room = max(rules.alerts.daily_cap - uow.alerts.raised_on(as_of), 0)
            raised, known, over = self._raise(uow, find_candidates(uow, snap, rules), room, as_of)
            self._ctx.audit(uow, AuditAction.CREATE, "alert_run", as_of.isoformat())
        return AlertRunSummary(dict(Counter(raised)), known, over, woken)

    def _raise(
        self, uow: UnitOfWork, candidates: Candidates, room: int, as_of: date
    ) -> tuple[list[AlertRule], int, int]:
        """Skip what is open or was raised for that cause; raise every service-recovery alert and as many
        recalls as the day has room for. Returns (rules raised, skipped as known, recalls left for later)."""
        active, known = uow.alerts.active_pairs(), uow.alerts.known_causes()
        raised: list[AlertRule] = []
        skipped = examined = 0

        def take(c: Candidate) -> bool:
            nonlocal skipped
            pair = (c.patient_id, c.rule.value)
            if pair in active or (c.patient_id, c.rule.value, c.cause_key) in known:
                skipped += 1
                return False
            uow.alerts.add(Alert(c.patient_id, c.rule, c.cause_key, as_of, c.reason(), c.value_at_stake, c.rank))
            active.add(pair)
            raised.append(c.rule)
            return True

        for candidate in candidates.recovery:
            take(candidate)
        for candidate in candidates.recalls:
            if room <= 0:
                break
            examined += 1
            room -= take(candidate)
        return raised, skipped, candidates.recall_count - examined

    # -- reading ---------------------------------------------------------------------------
    def inbox(
        self,
        statuses: tuple[AlertStatus, ...] = (AlertStatus.OPEN,),
        rules: tuple[AlertRule, ...] = (),
        limit: int | None = 500,
    ) -> list[AlertView]:
        """Alerts ranked by value at stake, with their patients."""
        self._ctx.require(Permission.WORK_ALERTS, "work the alerts inbox")
        with self._ctx.store.write() as uow:
            alerts = uow.alerts.list(statuses, rules=rules, limit=limit)
            patients = uow.patients.get_many([a.patient_id for a in alerts])
            self._ctx.audit(uow, AuditAction.VIEW, "alerts_inbox", f"{len(alerts)} alerts")
        return [AlertView(a, patients[a.patient_id]) for a in alerts if a.patient_id in patients]

    def for_patient(self, patient_id: int) -> list[Alert]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            found = uow.alerts.list(patient_id=patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "alerts", patient_id, patient_id)
        return found

    def counts(self) -> dict[AlertRule, int]:
        """Open alerts per rule, for the inbox's filter chips."""
        self._ctx.require(Permission.WORK_ALERTS, "work the alerts inbox")
        with self._ctx.store.read() as uow:
            counts = uow.alerts.counts()
        return {rule: counts.get((rule.value, AlertStatus.OPEN.value), 0) for rule in AlertRule}

    def no_shows(self, since: date) -> list[tuple[Appointment, Patient]]:
        """Missed appointments since a day: their own list, not recall alerts."""
        self._ctx.require(Permission.WORK_ALERTS, "work the alerts inbox")
        with self._ctx.store.write() as uow:
            missed = [
                a
                for a in uow.appointments.between(local_instant(since), self._ctx.clock.now())
                if a.status is AppointmentStatus.NO_SHOW
            ]
            patients = uow.patients.get_many([a.patient_id for a in missed])
            self._ctx.audit(uow, AuditAction.VIEW, "no_shows", since.isoformat())
        return [(a, patients[a.patient_id]) for a in missed]

    # -- the alert's life ------------------------------------------------------------------
    def resolve(self, alert_id: int, outcome: AlertOutcome, note: str = "", version: int | None = None) -> Alert:
        return self._handle(alert_id, AlertStatus.RESOLVED, outcome=outcome, note=note, version=version)

    def rebook(
        self, alert_id: int, appointment: Appointment, note: str = "", version: int | None = None
    ) -> tuple[Appointment, Alert]:
        """Book the patient and resolve the alert as rebooked, as one action: if another workstation handled
        the alert first, nothing is booked."""
        self._ctx.require(Permission.LOG_INTERACTIONS, "book appointments")
        with self._ctx.store.write() as uow:
            alert = _require(uow, alert_id)
            if appointment.patient_id != alert.patient_id:
                require_valid([FieldProblem("patient", "unknown_choice")])
            booked = uow.appointments.add(
                dataclasses.replace(appointment, status=AppointmentStatus.BOOKED), self._ctx.clock.now()
            )
            resolved = self._handle_in(
                uow,
                alert,
                AlertStatus.RESOLVED,
                outcome=AlertOutcome.REBOOKED,
                note=note,
                until=None,
                version=version,
                audited=False,
            )
            # one action, one audit entry: the booking and the alert it resolves
            self._ctx.audit(
                uow, AuditAction.CREATE, "appointment:rebooked", f"{booked.id} alert {alert.id}", booked.patient_id
            )
        return booked, resolved

    def dismiss(self, alert_id: int, note: str = "", version: int | None = None) -> Alert:
        return self._handle(alert_id, AlertStatus.DISMISSED, note=note, version=version)

    def snooze(self, alert_id: int, until: date, version: int | None = None) -> Alert:
        if until <= self._ctx.clock.today():
            require_valid([FieldProblem("until", "out_of_range")])
        return self._handle(alert_id, AlertStatus.SNOOZED, until=until, version=version)

    def log_call(self, alert_id: int, summary: str) -> TimelineEvent:
        """A contact attempt for an alert: on the timeline, and the start of the cool-down."""
        actor = self._ctx.require(Permission.WORK_ALERTS, "work the alerts inbox")
        require_valid([FieldProblem("summary", "required")] if not summary.strip() else [])
        with self._ctx.store.write() as uow:
            alert = _require(uow, alert_id)
            event = _add_event(
                uow,
                TimelineEvent(
                    alert.patient_id,
                    EventKind.CALL,
                    self._ctx.clock.now(),
                    summary=summary.strip(),
                    alert_id=alert_id,
                    recorded_by=actor.id,
                    details={"direction": "out", "rule": alert.rule.value},
                ),
                self._ctx,
            )
            self._ctx.audit(uow, AuditAction.CREATE, "event:call", event.id, alert.patient_id)
        return event

    def _handle(
        self,
        alert_id: int,
        status: AlertStatus,
        *,
        outcome: AlertOutcome | None = None,
        note: str = "",
        until: date | None = None,
        version: int | None = None,
    ) -> Alert:
        """One transaction: the alert's new state and, when it leaves the inbox, its timeline entry."""
        with self._ctx.store.write() as uow:
            return self._handle_in(
                uow, _require(uow, alert_id), status, outcome=outcome, note=note, until=until, version=version
            )

    def _handle_in(
        self,
        uow: UnitOfWork,
        alert: Alert,
        status: AlertStatus,
        *,
        outcome: AlertOutcome | None,
        note: str,
        until: date | None,
        version: int | None,
        audited: bool = True,
    ) -> Alert:
        """A stale version (another workstation handled it first) is refused."""
        actor = self._ctx.require(Permission.WORK_ALERTS, "work the alerts inbox")
        if alert.status not in ACTIVE_STATUSES or (version is not None and version != alert.version):
            raise changed_elsewhere(uow.session, "This alert", alert.handled_by, alert.handled_at)
        changed = dataclasses.replace(
            alert,
            status=status,
            outcome=outcome,
            note=note.strip(),
            snoozed_until=until,
            handled_at=self._ctx.clock.now(),
            handled_by=actor.id,
        )
        saved = uow.alerts.save(changed)
        if status in (AlertStatus.RESOLVED, AlertStatus.DISMISSED):
            _add_event(
                uow,
                TimelineEvent(
                    alert.patient_id,
                    EventKind.ALERT_HANDLED,
                    self._ctx.clock.now(),
                    alert_id=alert.id,
                    summary=note.strip(),
                    recorded_by=actor.id,
                    details={"rule": alert.rule.value, "outcome": outcome.value if outcome else "dismissed"},
                ),
                self._ctx,
            )
        if audited:
            self._ctx.audit(uow, AuditAction.UPDATE, f"alert:{status.value}", alert.id, alert.patient_id)
        return saved


def _require(uow: UnitOfWork, alert_id: int) -> Alert:
    alert = uow.alerts.get(alert_id)
    if alert is None:
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "alert", "id": alert_id})
    return alert


def _add_event(uow: UnitOfWork, event: TimelineEvent, ctx: ServiceContext) -> TimelineEvent:
    return uow.timeline.add(event, day_number(clinic_day(event.occurred_at)), ctx.clock.now())
