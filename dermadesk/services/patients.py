"""Patients: register, edit, find (names in any script, phones in any format, e-mail) and spot duplicates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from dermadesk.domain.alerts import ACTIVE_STATUSES as ACTIVE_ALERTS
from dermadesk.domain.alerts import AlertStatus
from dermadesk.domain.audit import AuditAction
from dermadesk.domain.dates import clinic_day, day_number, from_day_number
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.patients import (
    CONTRAINDICATIONS,
    Consent,
    ConsentKind,
    Patient,
    PatientSummary,
    current_consents,
)
from dermadesk.domain.search_text import (
    digits,
    edit_distance,
    fold,
    joined_names,
    looks_like_phone,
    name_tokens,
)
from dermadesk.domain.staff import Permission
from dermadesk.domain.tiers import TierReviewResult
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services import phones
from dermadesk.services.context import ServiceContext
from dermadesk.store.unit_of_work import UnitOfWork
from dermadesk.system import pinyin_names

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LANGUAGES = ("en", "zh_CN", "es", "fr", "de", "pl", "ru", "ar", "ko", "el")


def search_terms(patient: Patient) -> Iterator[tuple[str, str]]:
    """(kind, term) pairs a patient is found by."""
    names = name_tokens(patient.given_name, patient.family_name, patient.preferred_name, patient.name_latin)
    pinyin = pinyin_names.search_forms(patient.given_name, patient.family_name)  # 王芳: wang, fang, wangfang…
    for token in names + joined_names(patient.given_name, patient.family_name) + pinyin:
        yield "name", token
    for form in phones.search_forms(patient.phone):
        yield "phone", form
    if patient.email:
        yield "email", patient.email.casefold()


def with_latin_name(patient: Patient) -> Patient:
    """A Chinese name saved without a romanised form gets its pinyin ('Wang Fang'), shown beside the name and
    found by a Latin keyboard; a form the user typed is kept as typed."""
    if patient.name_latin.strip():
        return patient
    latin = pinyin_names.latin_name(patient.given_name, patient.family_name)
    return dataclasses.replace(patient, name_latin=latin) if latin else patient


def validate_patient(patient: Patient, today: date) -> list[FieldProblem]:
    problems = []
    if not patient.given_name.strip() and not patient.family_name.strip():
        problems.append(FieldProblem("family_name", "required"))
    for name in ("given_name", "family_name", "preferred_name"):
        if len(getattr(patient, name)) > 200:
            problems.append(FieldProblem(name, "too_long"))
    if patient.date_of_birth and not date(1900, 1, 1) <= patient.date_of_birth <= today:
        problems.append(FieldProblem("date_of_birth", "out_of_range"))
    if patient.email and not EMAIL.match(patient.email):
        problems.append(FieldProblem("email", "invalid_email"))
    if patient.skin_type is not None and not 1 <= patient.skin_type <= 6:
        problems.append(FieldProblem("skin_type", "out_of_range"))
    if any(c not in CONTRAINDICATIONS for c in patient.contraindications):
        problems.append(FieldProblem("contraindications", "unknown_choice"))
    return problems


class PatientService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def _region(self) -> str:
        with self._ctx.store.read() as uow:
            return uow.settings.clinic().country

    def normalised(self, patient: Patient) -> Patient:
        """Trimmed names, phone as E.164 (a clear error if it is not a number), e-mail as typed but trimmed."""
        phone = patient.phone.strip()
        problems = validate_patient(patient, self._ctx.clock.today())
        if phone:
            e164 = phones.to_e164(phone, self._region())
            if e164 is None:
                problems.append(FieldProblem("phone", "invalid_phone"))
            phone = e164 or phone
        require_valid(problems)
        return with_latin_name(
            dataclasses.replace(
                patient,
                given_name=patient.given_name.strip(),
                family_name=patient.family_name.strip(),
                phone=phone,
                email=patient.email.strip(),
            )
        )

    def _without_stale_pinyin(self, patient: Patient) -> Patient:
        """A renamed Chinese patient whose romanised name was derived (not typed) gets it derived afresh."""
        if patient.id is None or not patient.name_latin:
            return patient
        with self._ctx.store.read() as uow:
            before = uow.patients.get(patient.id)
        if before is None or (before.given_name, before.family_name) == (patient.given_name, patient.family_name):
            return patient
        derived = pinyin_names.latin_name(before.given_name, before.family_name)
        return dataclasses.replace(patient, name_latin="") if patient.name_latin == derived else patient

    def register(self, patient: Patient, consents: Mapping[ConsentKind, bool] | None = None) -> Patient:
        return self.save(patient, consents)

    def update(self, patient: Patient, consents: Mapping[ConsentKind, bool] | None = None) -> Patient:
        return self.save(patient, consents)

    def save(self, patient: Patient, consents: Mapping[ConsentKind, bool] | None = None) -> Patient:
        """Register (no id) or update a patient, with the consent decisions made in the same form, as one
        transaction: a failure leaves neither half behind."""
        actor = self._ctx.require(Permission.EDIT_PATIENTS, "edit patients" if patient.id else "register patients")
        patient = self.normalised(self._without_stale_pinyin(patient))
        now = self._ctx.clock.now()
        with self._ctx.store.write() as uow:
            if patient.id is None:
                saved = uow.patients.add(patient, search_terms(patient), now, actor.id)
            else:
                saved = uow.patients.update(patient, search_terms(patient), now, actor.id)
            recorded = [
                uow.patients.add_consent(Consent(saved.id, kind, granted, now, actor.id))  # type: ignore[arg-type]
                for kind, granted in (consents or {}).items()
            ]
            # one audit entry for the one action: the consents of the same form are named in it
            object_id = f"{saved.id} consents {','.join(str(c.id) for c in recorded)}" if recorded else saved.id
            action = AuditAction.UPDATE if patient.id else AuditAction.CREATE
            self._ctx.audit(uow, action, "patient", object_id, saved.id)
        return saved

    def get(self, patient_id: int) -> Patient:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            patient = uow.patients.require(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "patient", patient_id, patient_id)
        return patient

    def count(self) -> int:
        self._ctx.require_signed_in("count patients")
        with self._ctx.store.read() as uow:
            return uow.patients.count()

    def search(self, query: str, limit: int = 50) -> list[int]:
        """Patient ids for what was typed: every word a prefix of a name word, or a phone, or an e-mail."""
        self._ctx.require(Permission.VIEW_PATIENTS, "search patients")
        query = query.strip()
        if not query:
            return []
        with self._ctx.store.read() as uow:
            if looks_like_phone(query):
                return uow.patients.search_any(phones.query_forms(query, uow.settings.clinic().country), limit)
            if "@" in query:
                return uow.patients.search_any([query.casefold()], limit)
            return uow.patients.search(name_tokens(query), limit)

    def likely_duplicates(self, patient: Patient) -> list[Patient]:
        """Existing patients this one resembles: same phone, same e-mail, or the same name
        (within two edits) and birth date."""
        self._ctx.require(Permission.VIEW_PATIENTS, "search patients")
        patient = dataclasses.replace(patient, phone=phones.to_e164(patient.phone, self._region()) or "")
        exact = [term for term in (digits(patient.phone), patient.email.strip().casefold()) if term]
        full_name = fold(f"{patient.given_name} {patient.family_name}")
        with self._ctx.store.write() as uow:
            found = dict.fromkeys(uow.patients.with_terms(exact, exclude=patient.id))
            first = (name_tokens(patient.family_name) or name_tokens(patient.given_name) or [""])[0][:2]
            for other in uow.patients.by_name_and_birth(first, patient.date_of_birth) if first else []:
                if (
                    other.id != patient.id
                    and edit_distance(fold(f"{other.given_name} {other.family_name}"), full_name, 2) <= 2
                ):
                    found[other.id] = None
            alike = [p for pid in found if (p := uow.patients.get(pid)) is not None and p.merged_into_id is None]
            self._ctx.audit(uow, AuditAction.VIEW, "likely_duplicates", len(alike), patient.id)
        return alike

    def merge(self, keep_id: int, duplicate_id: int) -> Patient:
        """Fold a duplicate record into the one kept: every event, reading, photo, consent, appointment,
        alert and tier record moves; empty fields of the kept record are filled from the duplicate; the
        duplicate stays as a pointer to the kept record. One transaction."""
        actor = self._ctx.require(Permission.EDIT_PATIENTS, "merge patients")
        if keep_id == duplicate_id:
            require_valid([FieldProblem("duplicate", "same_patient")])
        now = self._ctx.clock.now()
        with self._ctx.store.write() as uow:
            keep, dup = uow.patients.require(keep_id), uow.patients.require(duplicate_id)
            for alert in uow.alerts.list(ACTIVE_ALERTS, patient_id=duplicate_id):
                uow.alerts.save(
                    dataclasses.replace(
                        alert,
                        status=AlertStatus.DISMISSED,
                        handled_at=now,
                        handled_by=actor.id,
                        note="merged into another record",
                    )
                )
            moved = uow.timeline.move(duplicate_id, keep_id)
            uow.patients.move_consents(duplicate_id, keep_id)
            uow.readings.move(duplicate_id, keep_id)
            uow.appointments.move(duplicate_id, keep_id)
            uow.alerts.move(duplicate_id, keep_id)
            uow.tiers.move(duplicate_id, keep_id)
            merged = _filled(keep, dup)
            saved = uow.patients.update(merged, search_terms(merged), now, actor.id)
            uow.patients.mark_merged(duplicate_id, keep_id, now, actor.id)
            uow.timeline.add(
                TimelineEvent(
                    keep_id,
                    EventKind.NOTE,
                    now,
                    recorded_by=actor.id,
                    summary=f"Merged the duplicate record #{duplicate_id} ({moved} entries)",
                    details={"merged_from": duplicate_id},
                ),
                day_number(clinic_day(now)),
                now,
            )
            self._ctx.audit(uow, AuditAction.MERGE, "patient", duplicate_id, keep_id)
        return saved

    # -- consents ----------------------------------------------------------------
    def record_consent(
        self, patient_id: int, kind: ConsentKind, granted: bool, procedure: str = "", note: str = ""
    ) -> Consent:
        actor = self._ctx.require(Permission.EDIT_PATIENTS, "record consent")
        with self._ctx.store.write() as uow:
            uow.patients.require(patient_id)
            consent = uow.patients.add_consent(
                Consent(patient_id, kind, granted, self._ctx.clock.now(), actor.id, procedure, note)
            )
            self._ctx.audit(uow, AuditAction.CREATE, "consent", consent.id, patient_id)
        return consent

    def consents(self, patient_id: int) -> list[Consent]:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            history = uow.patients.consents(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "consents", patient_id, patient_id)
        return history


@dataclass(frozen=True)
class PatientProfile:
    """What a profile's header shows."""

    patient: Patient
    summary: PatientSummary
    consents: dict[tuple[ConsentKind, str], Consent]
    latest: TierReviewResult | None


class PatientDirectory:
    """Rows for patient lists and the profile header: tier badge, segment, stage, last visit, next booking."""

    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def summaries(self, ids: Sequence[int]) -> list[PatientSummary]:
        """In the order given (search order), for the patients that exist."""
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            found = _summaries(uow, ids, self._ctx.clock.now())
            # a list of many patients is one view: the entry names the single patient when there is one
            single = found[0].id if len(found) == 1 else None
            self._ctx.audit(uow, AuditAction.VIEW, "patient_list", f"{len(found)} patients", single)
        return found

    def profile(self, patient_id: int) -> PatientProfile:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            patient = uow.patients.require(patient_id)
            summary = _summaries(uow, [patient_id], self._ctx.clock.now())[0]
            consents = current_consents(uow.patients.consents(patient_id))
            latest = uow.tiers.latest_results_for([patient_id]).get(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "patient", patient_id, patient_id)
        return PatientProfile(patient, summary, consents, latest)


def _summaries(uow: UnitOfWork, ids: Sequence[int], now: datetime) -> list[PatientSummary]:
    rows = uow.patients.list_rows(ids)
    results = uow.tiers.latest_results_for(ids)
    last = uow.timeline.last_visit_days(ids)
    booked = uow.appointments.next_booking(list(ids), now)
    summaries = []
    for pid in ids:
        if pid not in rows:
            continue
        row, r = rows[pid], results.get(pid)
        flags = tuple(
            f for f, on in (("allergy", row.has_allergies), ("contraindication", row.has_contraindications)) if on
        )
        summaries.append(
            PatientSummary(
                pid,
                row.display_name,
                phones.national(row.phone) if row.phone else "",
                row.email,
                row.date_of_birth,
                r.tier if r else None,
                r.segment if r else None,
                r.stage if r else None,
                from_day_number(last[pid]) if pid in last else None,
                booked.get(pid),
                flags,
                pinyin_names.sort_key(row.display_name),
            )
        )
    return summaries


def _filled(keep: Patient, duplicate: Patient) -> Patient:
    """The kept record, with its empty fields taken from the duplicate."""
    names = (
        "preferred_name",
        "name_latin",
        "date_of_birth",
        "sex",
        "phone",
        "email",
        "address",
        "skin_type",
        "allergies",
        "medications",
        "acquisition_source",
        "referred_by_id",
        "first_contact_on",
        "external_id",
    )
    changes = {n: getattr(duplicate, n) for n in names if not getattr(keep, n) and getattr(duplicate, n)}
    changes["concerns"] = tuple(dict.fromkeys(keep.concerns + duplicate.concerns))
    changes["contraindications"] = tuple(dict.fromkeys(keep.contraindications + duplicate.contraindications))
    return dataclasses.replace(keep, **changes)
