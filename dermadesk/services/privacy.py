"""Privacy requests: a patient's own data (JSON + PDF), erasure on request, and withdrawing marketing consent."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from typing import Any

from dermadesk.domain.alerts import ACTIVE_STATUSES, AlertStatus
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number
from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, require_valid
from dermadesk.domain.patients import Consent, ConsentKind, Patient
from dermadesk.domain.privacy import AccessExport, ErasureResult, PatientDataReport
from dermadesk.domain.staff import Permission
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services import phones
from dermadesk.services.alert_candidates import RECALL_RULES
from dermadesk.services.context import ServiceContext
from dermadesk.services.privacy_sections import sections
from dermadesk.store.scrub import checkpoint

MARKETING = (ConsentKind.MARKETING_SMS, ConsentKind.MARKETING_EMAIL)


class PrivacyService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def access_export(self, patient_id: int) -> AccessExport:
        """Everything stored about the patient (and nothing about anyone else) as JSON and a readable PDF."""
        self._ctx.require(Permission.EXPORT_DATA, "export a patient's data")
        with self._ctx.store.write() as uow:
            patient = uow.patients.require(patient_id)
            self._refuse_erased(patient.erased, patient_id)
            rows = uow.patient_data.collect(patient_id)
            staff = uow.patient_data.staff_names()
            metrics = {m.id: m.name for m in uow.catalogue.metrics()}
            clinic = uow.settings.clinic()
            # built inside the transaction: the export is audited if and only if it was produced
            mentioned = {
                r.get(k)
                for table in rows.values()
                for r in table
                for k in ("recorded_by", "practitioner_id", "operator_id", "handled_by", "created_by", "changed_by")
            }
            document = {
                "format": "dermadesk-patient-data/1",
                "generated_at": self._ctx.clock.now().isoformat(),
                "clinic": clinic.name,
                "currency": clinic.currency,
                "patient_id": patient_id,
                "staff": {str(k): v for k, v in staff.items() if k in mentioned},
                "data": rows,
            }
            report = PatientDataReport(
                phones.letterhead(clinic),
                patient_id,
                patient.display_name,
                self._ctx.clock.today(),
                tuple(sections(rows, staff, metrics, clinic.currency)),
            )
            pdf = io.BytesIO()
            from dermadesk.documents.patient_data_report import build_patient_data_report  # reportlab: not at start

            build_patient_data_report(report, pdf)
            json_text = json.dumps(document, ensure_ascii=False, indent=2, default=_plain)
            self._ctx.audit(uow, AuditAction.EXPORT, "patient_data", patient_id, patient_id)
        return AccessExport(patient_id, json_text, pdf.getvalue())

    def erase(self, patient_id: int, reason: str) -> ErasureResult:
        """Erase the patient's personal data on request; paid events stay as an anonymous record for the
        books. The decision (who, when, why) is kept on the anonymous record and in the audit log; the
        database is checkpointed so the old pages leave the write-ahead log (secure_delete zeroes the rest)."""
        actor = self._ctx.require(Permission.ERASE_PATIENTS, "erase a patient's data")
        require_valid([] if reason.strip() else [FieldProblem("reason", "required")])
        now = self._ctx.clock.now()
        with self._ctx.store.write() as uow:
            patient = uow.patients.require(patient_id)
            self._refuse_erased(patient.erased or patient.merged_into_id is not None, patient_id)
            erased, kept = uow.patient_data.erase(patient_id, now)
            decision = TimelineEvent(
                patient_id,
                EventKind.NOTE,
                now,
                summary=f"Personal data erased on request. Reason: {_without_names(reason.strip(), patient)}",
                recorded_by=actor.id,
                details={"erasure": True},
            )
            uow.timeline.add(decision, day_number(clinic_day(now)), now)
            self._ctx.audit(uow, AuditAction.ERASE, "patient", patient_id, patient_id)
        checkpoint(self._ctx.store.engine)
        return ErasureResult(patient_id, tuple(erased), kept)

    def withdraw_marketing(self, patient_id: int, note: str = "") -> int:
        """One action: marketing by SMS and by e-mail withdrawn, and the patient's open recall alerts
        dismissed (the alert run leaves them out from now on). Returns the number of alerts dismissed."""
        actor = self._ctx.require(Permission.EDIT_PATIENTS, "record consent")
        now = self._ctx.clock.now()
        with self._ctx.store.write() as uow:
            uow.patients.require(patient_id)
            for kind in MARKETING:
                uow.patients.add_consent(
                    Consent(patient_id, kind, False, now, actor.id, note=note or "Marketing withdrawn")
                )
            dismissed = 0
            for alert in uow.alerts.list(ACTIVE_STATUSES, patient_id=patient_id):
                if alert.rule in RECALL_RULES:  # a recall is a sales contact; service recovery is not
                    uow.alerts.save(
                        dataclasses.replace(
                            alert,
                            status=AlertStatus.DISMISSED,
                            handled_at=now,
                            handled_by=actor.id,
                            note="marketing consent withdrawn",
                        )
                    )
                    dismissed += 1
            self._ctx.audit(uow, AuditAction.UPDATE, "consent:marketing", patient_id, patient_id)
        return dismissed

    @staticmethod
    def _refuse_erased(refused: bool, patient_id: int) -> None:
        if refused:
            raise DermaDeskError(
                ErrorCode.INVALID_STATE,
                {"what": f"Patient #{patient_id}", "action": "used", "detail": "the record was erased or merged"},
            )


def _without_names(text: str, patient: Patient) -> str:
    """The reason as kept: any of the patient's names in it replaced, since the reason outlives the erasure."""
    for name in sorted(
        {patient.display_name, patient.given_name, patient.family_name, patient.preferred_name}, key=len, reverse=True
    ):
        if len(name.strip()) > 1:
            text = re.sub(re.escape(name.strip()), "the patient", text, flags=re.IGNORECASE)
    return text


def _plain(value: Any) -> Any:
    return str(value)
