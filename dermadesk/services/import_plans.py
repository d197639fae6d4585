"""How each row of an import turns out: refused, repeated, already in the clinic, or new (and then stored)."""

from __future__ import annotations

import dataclasses

from dermadesk.domain.dates import clinic_day, day_number
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.import_values import DateFormat
from dermadesk.domain.patients import Consent, Patient
from dermadesk.domain.ports import ProgressReporter
from dermadesk.domain.search_text import digits, fold
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services import phones
from dermadesk.services.context import ServiceContext
from dermadesk.services.import_cells import RowCells
from dermadesk.services.import_file import RawTable
from dermadesk.services.import_history_rows import Lookups, dedup_key, event_from_row
from dermadesk.services.import_patient_rows import consents_from_row, patient_from_row
from dermadesk.services.import_report import RowOutcome, RowResult
from dermadesk.services.patients import search_terms
from dermadesk.services.timeline import permission_for
from dermadesk.store.unit_of_work import UnitOfWork

REPORT_EVERY = 250


def step(progress: ProgressReporter, done: int, total: int, writing: bool) -> None:
    """Progress every few hundred rows, and Cancel honoured there (the transaction then rolls back whole)."""
    if done % REPORT_EVERY == 0:
        progress.report(done, total, "Importing rows" if writing else "Checking rows")
        if progress.cancelled():
            raise DermaDeskError(ErrorCode.CANCELLED)


class PatientPlan:
    """Each row: refused, the same as an earlier row, already in the clinic, or new. Patients are matched by
    external id; then by phone, then by e-mail, when the name agrees too (a family often shares a phone)."""

    def __init__(
        self, ctx: ServiceContext, uow: UnitOfWork, date_format: DateFormat, write: bool, progress: ProgressReporter
    ) -> None:
        self.ctx, self.uow, self.date_format, self.write, self.progress = ctx, uow, date_format, write, progress
        self.region = uow.settings.clinic().country
        self.seen: dict[str, int] = {}  # match key -> first row of the file with it
        self.new_patients: list[Patient] = []
        self.notes: list[tuple[TimelineEvent, int]] = []
        self.consents: list[Consent] = []
        self.next_id: int | None = None
        self.next_event_id: int | None = None

    def rows(self, table: RawTable, mapping: dict[str, int]) -> tuple[list[RowResult], int]:
        results, created = [], 0
        for index, (number, cells) in enumerate(table.rows):
            step(self.progress, index, len(table.rows), self.write)
            row = RowCells(number, cells, mapping, self.date_format, len(table.headers))
            patient = patient_from_row(row, self.region, self.ctx.clock.today())
            if patient is None:
                results.append(RowResult(number, RowOutcome.ERROR, problems=tuple(row.problems)))
                continue
            keys = _match_keys(patient)
            if earlier := next((self.seen[k] for k in keys if k in self.seen), None):
                results.append(RowResult(number, RowOutcome.REPEATED, same_as_row=earlier))
                continue
            self.seen.update(dict.fromkeys(keys, number))
            existing = self._existing(patient)
            if existing is not None:
                results.append(RowResult(number, RowOutcome.EXISTING, patient_id=existing))
                continue
            results.append(RowResult(number, RowOutcome.NEW, patient_id=self._add(patient, row)))
            created += 1
        if self.write:
            self.flush()
        return results, created

    def _existing(self, patient: Patient) -> int | None:
        if patient.external_id and (found := self.uow.patients.by_external_id(patient.external_id)):
            return found.id
        name = fold(f"{patient.given_name} {patient.family_name}")
        for term in (digits(patient.phone), patient.email.casefold()):
            for pid in self.uow.patients.with_terms([term]) if term else []:
                other = self.uow.patients.get(pid)
                if other and other.merged_into_id is None and fold(f"{other.given_name} {other.family_name}") == name:
                    return pid
        return None

    def _add(self, patient: Patient, row: RowCells) -> int | None:
        """A new patient's id (taken now, so the report can name it); stored in bulk by flush()."""
        if not self.write:
            return None
        if self.next_id is None:
            ids = self.uow.bulk.next_ids()
            self.next_id, self.next_event_id = ids["patients"], ids["timeline_events"]
        now = self.ctx.clock.now()
        patient = dataclasses.replace(
            patient, id=self.next_id, created_at=now, updated_at=now, updated_by=self.ctx.actor_id
        )
        self.next_id += 1
        self.new_patients.append(patient)
        for kind, granted in consents_from_row(row).items():
            self.consents.append(Consent(patient.id, kind, granted, now, self.ctx.actor_id, note="imported"))  # type: ignore[arg-type]
        if row.has("notes"):
            note = TimelineEvent(
                patient.id,
                EventKind.NOTE,
                now,
                id=self.next_event_id,
                summary=row.get("notes"),
                recorded_by=self.ctx.actor_id,
                recorded_at=now,
            )  # type: ignore[arg-type]
            self.next_event_id += 1  # type: ignore[operator]
            self.notes.append((note, day_number(clinic_day(now))))
        return patient.id

    def flush(self) -> None:
        """New patients, their search terms and notes, each table in one executemany."""
        terms = [(p.id, kind, term) for p in self.new_patients for kind, term in search_terms(p)]
        self.uow.bulk.patients(self.new_patients, terms, self.ctx.clock.now())  # type: ignore[arg-type]
        self.uow.bulk.events(self.notes)
        self.uow.bulk.consents(self.consents)


def _match_keys(patient: Patient) -> list[str]:
    name = fold(f"{patient.given_name} {patient.family_name}")
    keys = [f"ext:{patient.external_id}"] if patient.external_id else []
    keys += [f"{name}|phone:{patient.phone}"] if patient.phone else []
    keys += [f"{name}|email:{patient.email.casefold()}"] if patient.email else []
    return keys


class HistoryPlan:
    """Each row: refused, a repeat of an earlier row, already imported before, or new."""

    def __init__(
        self, ctx: ServiceContext, uow: UnitOfWork, date_format: DateFormat, write: bool, progress: ProgressReporter
    ) -> None:
        self.ctx, self.uow, self.date_format, self.write, self.progress = ctx, uow, date_format, write, progress
        clinic = uow.settings.clinic()
        self.region = clinic.country
        self.lookups = Lookups.of(uow.catalogue.treatments(), uow.staff.all(), clinic.currency)
        self.seen: dict[str, int] = {}
        self.pending: list[TimelineEvent] = []
        self.patients: dict[tuple[str, str, str], list[int]] = {}  # a file names each patient many times

    def rows(self, table: RawTable, mapping: dict[str, int]) -> tuple[list[RowResult], int]:
        rows = [RowCells(number, cells, mapping, self.date_format, len(table.headers)) for number, cells in table.rows]
        patients = {row.number: self._patient(row) for row in rows}
        known = self.uow.timeline.import_keys({pid for pid in patients.values() if pid is not None})
        results, created = [], 0
        for index, row in enumerate(rows):
            step(self.progress, index, len(rows), self.write)
            pid = patients[row.number]
            event = event_from_row(row, pid, self.lookups, self.ctx.clock.now()) if pid is not None else None
            if event is not None and not self.ctx.actor.may(permission_for(event.kind)):  # type: ignore[union-attr]
                row.problem("kind", "not_permitted")
            if event is None or row.problems:
                results.append(RowResult(row.number, RowOutcome.ERROR, pid, problems=tuple(row.problems)))
                continue
            key = dedup_key(row, event)
            if key in self.seen:
                results.append(RowResult(row.number, RowOutcome.REPEATED, pid, same_as_row=self.seen[key]))
            elif key in known:
                results.append(RowResult(row.number, RowOutcome.EXISTING, pid))
            else:
                self.seen[key] = row.number
                self._add(event, key)
                results.append(RowResult(row.number, RowOutcome.NEW, pid))
                created += 1
        if self.write:
            self.flush()
        return results, created

    def _patient(self, row: RowCells) -> int | None:
        """The patient a row belongs to: external id, then phone, then e-mail; one patient, or a problem."""
        key = (row.get("patient_external_id"), row.get("patient_phone"), row.get("patient_email"))
        if key not in self.patients:
            self.patients[key] = self._candidates(row)
        candidates = self.patients[key]
        if len(candidates) != 1:
            row.problem("patient", "patient_not_found" if not candidates else "ambiguous_patient")
            return None
        return candidates[0]

    def _candidates(self, row: RowCells) -> list[int]:
        if row.has("patient_external_id"):
            found = self.uow.patients.by_external_id(row.get("patient_external_id"))
            candidates = [found.id] if found and found.id is not None else []
        elif row.has("patient_phone"):
            e164 = phones.to_e164(row.get("patient_phone"), self.region)
            candidates = self.uow.patients.with_terms([digits(e164)]) if e164 else []
        else:
            candidates = self.uow.patients.with_terms([row.get("patient_email").casefold()])
        return candidates

    def _add(self, event: TimelineEvent, key: str) -> None:
        if self.write:
            details = {**event.details, "import_key": key}
            self.pending.append(
                dataclasses.replace(
                    event, details=details, recorded_by=self.ctx.actor_id, recorded_at=self.ctx.clock.now()
                )
            )

    def flush(self) -> None:
        """Every new event in one executemany: an import of 10,000 rows is one statement, not 10,000."""
        first = self.uow.bulk.next_ids()["timeline_events"]
        self.uow.bulk.events(
            [
                (dataclasses.replace(e, id=first + i), day_number(clinic_day(e.occurred_at)))
                for i, e in enumerate(self.pending)
            ]
        )
