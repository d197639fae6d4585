"""Patients: register, edit, find (names in any script, phones in any format, e-mail) and spot duplicates."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.patients import CONTRAINDICATIONS, Consent, ConsentKind, Patient
from dermadesk.domain.search_text import (
    digits,
    edit_distance,
    fold,
    joined_names,
    looks_like_phone,
    name_tokens,
)
from dermadesk.domain.staff import Permission
from dermadesk.services import phones
from dermadesk.services.context import ServiceContext

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LANGUAGES = ("en", "zh_CN", "es", "fr", "de", "pl", "ru", "ar", "ko", "el")


def search_terms(patient: Patient) -> Iterator[tuple[str, str]]:
    """(kind, term) pairs a patient is found by."""
    names = name_tokens(patient.given_name, patient.family_name, patient.preferred_name, patient.name_latin)
    for token in names + joined_names(patient.given_name, patient.family_name):
        yield "name", token
    for form in phones.search_forms(patient.phone):
        yield "phone", form
    if patient.email:
        yield "email", patient.email.casefold()


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
        return dataclasses.replace(
            patient,
            given_name=patient.given_name.strip(),
            family_name=patient.family_name.strip(),
            phone=phone,
            email=patient.email.strip(),
        )

    def register(self, patient: Patient) -> Patient:
        actor = self._ctx.require(Permission.EDIT_PATIENTS, "register patients")
        patient = self.normalised(patient)
        with self._ctx.store.write() as uow:
            saved = uow.patients.add(patient, search_terms(patient), self._ctx.clock.now(), actor.id)
            self._ctx.audit(uow, AuditAction.CREATE, "patient", saved.id, saved.id)
        return saved

    def update(self, patient: Patient) -> Patient:
        actor = self._ctx.require(Permission.EDIT_PATIENTS, "edit patients")
        patient = self.normalised(patient)
        with self._ctx.store.write() as uow:
            saved = uow.patients.update(patient, search_terms(patient), self._ctx.clock.now(), actor.id)
            self._ctx.audit(uow, AuditAction.UPDATE, "patient", saved.id, saved.id)
        return saved

    def get(self, patient_id: int) -> Patient:
        self._ctx.require(Permission.VIEW_PATIENTS, "view patients")
        with self._ctx.store.write() as uow:
            patient = uow.patients.require(patient_id)
            self._ctx.audit(uow, AuditAction.VIEW, "patient", patient_id, patient_id)
        return patient

    def count(self) -> int:
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
        with self._ctx.store.read() as uow:
            found = dict.fromkeys(uow.patients.with_terms(exact, exclude=patient.id))
            first = (name_tokens(patient.family_name) or name_tokens(patient.given_name) or [""])[0][:2]
            for other in uow.patients.by_name_and_birth(first, patient.date_of_birth) if first else []:
                if (
                    other.id != patient.id
                    and edit_distance(fold(f"{other.given_name} {other.family_name}"), full_name, 2) <= 2
                ):
                    found[other.id] = None
            return [p for pid in found if (p := uow.patients.get(pid)) is not None and p.merged_into_id is None]

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
