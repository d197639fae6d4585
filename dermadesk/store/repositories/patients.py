"""Patients, their search terms and consents."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.patients import AcquisitionSource, Consent, ConsentKind, ContactChannel, Patient, Sex
from dermadesk.store.conflicts import changed_elsewhere
from dermadesk.store.tables import ConsentRow, PatientRow, PatientSearchTermRow
from dermadesk.system.pinyin_names import sort_key

_COPIED = (
    "given_name",
    "family_name",
    "preferred_name",
    "name_latin",
    "date_of_birth",
    "phone",
    "email",
    "address",
    "preferred_language",
    "skin_type",
    "allergies",
    "medications",
    "referred_by_id",
    "first_contact_on",
    "external_id",
)


def _to_domain(row: PatientRow) -> Patient:
    return Patient(
        id=row.id,
        **{name: getattr(row, name) for name in _COPIED},
        sex=Sex(row.sex) if row.sex else None,
        preferred_channel=ContactChannel(row.preferred_channel),
        concerns=tuple(row.concerns or ()),
        contraindications=tuple(row.contraindications or ()),
        acquisition_source=AcquisitionSource(row.acquisition_source) if row.acquisition_source else None,
        created_at=row.created_at,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        version=row.version,
        erased=row.erased_at is not None,
        merged_into_id=row.merged_into_id,
    )


def patient_columns(patient: Patient) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(patient, name) for name in _COPIED}
    values.update(
        sex=patient.sex.value if patient.sex else None,
        preferred_channel=patient.preferred_channel.value,
        concerns=list(patient.concerns),
        contraindications=list(patient.contraindications),
        acquisition_source=patient.acquisition_source.value if patient.acquisition_source else None,
        sort_name=sort_key(f"{patient.family_name} {patient.given_name}"),  # pinyin for a Chinese name
    )
    return values


@dataclasses.dataclass(frozen=True)
class PatientListRow:
    id: int
    display_name: str
    phone: str
    email: str
    date_of_birth: date | None
    has_allergies: bool
    has_contraindications: bool


def prefix_range(column, prefix: str):  # type: ignore[no-untyped-def]
    """`column LIKE 'prefix%'` as a range the index answers, whatever the collation."""
    return and_(column >= prefix, column < prefix + "\U0010ffff")


class PatientRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    # -- one patient ---------------------------------------------------------
    def add(self, patient: Patient, terms: Iterable[tuple[str, str]], at: datetime, by: int | None) -> Patient:
        row = PatientRow(**patient_columns(patient), created_at=at, updated_at=at, updated_by=by)
        self._s.add(row)
        self._s.flush()
        self.set_terms(row.id, terms)
        return _to_domain(row)

    def get(self, patient_id: int) -> Patient | None:
        row = self._s.get(PatientRow, patient_id)
        return _to_domain(row) if row else None

    def get_many(self, ids: Sequence[int]) -> dict[int, Patient]:
        rows = self._s.scalars(select(PatientRow).where(PatientRow.id.in_(list(ids))))
        return {row.id: _to_domain(row) for row in rows}

    def list_rows(self, ids: Sequence[int]) -> dict[int, PatientListRow]:
        """Just what a patient list shows, without loading whole records: a row per keystroke must be cheap."""
        p = PatientRow
        rows = self._s.execute(
            select(
                p.id, p.given_name, p.family_name, p.phone, p.email, p.date_of_birth, p.allergies, p.contraindications
            ).where(p.id.in_(list(ids)))
        )
        return {
            r.id: PatientListRow(
                r.id,
                Patient(r.given_name, r.family_name).display_name,
                r.phone,
                r.email,
                r.date_of_birth,
                bool(r.allergies),
                bool(r.contraindications),
            )
            for r in rows
        }

    def require(self, patient_id: int) -> Patient:
        patient = self.get(patient_id)
        if patient is None:
            raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "patient", "id": patient_id})
        return patient

    def update(self, patient: Patient, terms: Iterable[tuple[str, str]], at: datetime, by: int | None) -> Patient:
        """Save an edit made on `patient.version`; refuse if someone saved in between."""
        assert patient.id is not None
        # the row is locked and read afresh: a colleague's save committed meanwhile is seen here, not lost
        row = self._s.get_one(PatientRow, patient.id, with_for_update=True, populate_existing=True)
        if row.version != patient.version:
            raise changed_elsewhere(self._s, "This patient", row.updated_by, row.updated_at)
        for name, value in patient_columns(patient).items():
            setattr(row, name, value)
        row.updated_at, row.updated_by = at, by
        self._s.flush()
        self.set_terms(row.id, terms)
        return _to_domain(row)

    def mark_merged(self, patient_id: int, into_id: int, at: datetime, by: int | None) -> None:
        row = self._s.get_one(PatientRow, patient_id)
        row.merged_into_id, row.updated_at, row.updated_by = into_id, at, by
        self._s.execute(delete(PatientSearchTermRow).where(PatientSearchTermRow.patient_id == patient_id))

    def set_terms(self, patient_id: int, terms: Iterable[tuple[str, str]]) -> None:
        self._s.execute(delete(PatientSearchTermRow).where(PatientSearchTermRow.patient_id == patient_id))
        rows = [{"patient_id": patient_id, "term": term, "kind": kind} for kind, term in dict.fromkeys(terms)]
        if rows:
            self._s.execute(insert(PatientSearchTermRow), rows)

    # -- many patients -------------------------------------------------------
    def count(self) -> int:
        query = (
            select(func.count())
            .select_from(PatientRow)
            .where(PatientRow.merged_into_id.is_(None), PatientRow.erased_at.is_(None))
        )
        return self._s.scalar(query) or 0

    def search(self, words: Sequence[str], limit: int = 50) -> list[int]:
        """Patients matching every word as a prefix of one of their terms, in the order of the first word's
        matching term. The scan walks the (term, patient) index and stops once it has enough, so a one-letter
        query over 100,000 patients costs what a precise one does."""
        if not words:
            return []
        t = PatientSearchTermRow
        query = select(t.patient_id).where(prefix_range(t.term, words[0]))
        for word in words[1:]:
            query = query.where(t.patient_id.in_(select(t.patient_id).where(prefix_range(t.term, word))))
        return self._first_distinct(query.order_by(t.term, t.patient_id), limit)

    def search_any(self, prefixes: Sequence[str], limit: int = 50) -> list[int]:
        """Patients with a term starting with any of these prefixes (phone forms, e-mail)."""
        if not prefixes:
            return []
        t = PatientSearchTermRow
        query = select(t.patient_id).where(or_(*(prefix_range(t.term, p) for p in prefixes)))
        return self._first_distinct(query.order_by(t.term, t.patient_id), limit)

    def _first_distinct(self, query, limit: int) -> list[int]:  # type: ignore[no-untyped-def]
        """The first `limit` distinct patients of an ordered query (a patient has several terms). Merged
        and erased records hold no terms, so every id found is a live patient."""
        found: dict[int, None] = {}
        batch = limit * 4
        offset = 0
        while len(found) < limit:
            ids = list(self._s.scalars(query.limit(batch).offset(offset)))
            found.update(dict.fromkeys(ids))
            if len(ids) < batch:
                break
            offset += batch
        return list(found)[:limit]

    def with_terms(self, terms: Sequence[str], exclude: int | None = None) -> list[int]:
        """Patients holding any of these exact terms (phone, e-mail): duplicate candidates."""
        if not terms:
            return []
        query = select(PatientSearchTermRow.patient_id).where(PatientSearchTermRow.term.in_(list(terms))).distinct()
        return [pid for pid in self._s.scalars(query) if pid != exclude]

    def by_name_and_birth(self, family_fold_prefix: str, dob: date | None) -> list[Patient]:
        """Candidates sharing the first letters of a name word (and birth date if given)."""
        ids = select(PatientSearchTermRow.patient_id).where(
            PatientSearchTermRow.kind == "name", prefix_range(PatientSearchTermRow.term, family_fold_prefix)
        )
        query = select(PatientRow).where(PatientRow.id.in_(ids), PatientRow.merged_into_id.is_(None))
        if dob is not None:
            query = query.where(or_(PatientRow.date_of_birth == dob, PatientRow.date_of_birth.is_(None)))
        return [_to_domain(r) for r in self._s.scalars(query.limit(200))]

    def by_external_id(self, external_id: str) -> Patient | None:
        """The live record another system's id points at (a merged duplicate points on to its kept record)."""
        row = self._s.scalar(select(PatientRow).where(PatientRow.external_id == external_id))
        while row is not None and row.merged_into_id is not None:
            row = self._s.get(PatientRow, row.merged_into_id)
        return _to_domain(row) if row is not None and row.erased_at is None else None

    def ids(self, include_merged: bool = False) -> list[int]:
        query = select(PatientRow.id).order_by(PatientRow.id)
        if not include_merged:
            query = query.where(PatientRow.merged_into_id.is_(None))
        return list(self._s.scalars(query))

    # -- consents ------------------------------------------------------------
    def add_consent(self, consent: Consent) -> Consent:
        row = ConsentRow(
            patient_id=consent.patient_id,
            kind=consent.kind.value,
            procedure=consent.procedure,
            granted=consent.granted,
            recorded_at=consent.recorded_at,
            recorded_by=consent.recorded_by,
            note=consent.note,
        )
        self._s.add(row)
        self._s.flush()
        return dataclasses.replace(consent, id=row.id)

    def consents(self, patient_id: int) -> list[Consent]:
        rows = self._s.scalars(
            select(ConsentRow)
            .where(ConsentRow.patient_id == patient_id)
            .order_by(ConsentRow.recorded_at, ConsentRow.id)
        )
        return [
            Consent(
                r.patient_id, ConsentKind(r.kind), r.granted, r.recorded_at, r.recorded_by, r.procedure, r.note, r.id
            )
            for r in rows
        ]

    def _latest_marketing(self) -> dict[tuple[int, str], bool]:
        rows = self._s.execute(
            select(ConsentRow.patient_id, ConsentRow.kind, ConsentRow.granted)
            .where(ConsentRow.kind.in_([ConsentKind.MARKETING_SMS.value, ConsentKind.MARKETING_EMAIL.value]))
            .order_by(ConsentRow.recorded_at, ConsentRow.id)
        )
        return {(pid, kind): granted for pid, kind, granted in rows}

    def marketing_withdrawn(self) -> set[int]:
        """Patients who said no to marketing: a decision on record and no marketing channel granted now."""
        latest = self._latest_marketing()
        return {pid for pid, _ in latest} - self.marketing_consented(latest)

    def marketing_consented(self, latest: dict[tuple[int, str], bool] | None = None) -> set[int]:
        """Patients whose latest decision grants marketing on at least one channel (SMS or e-mail)."""
        latest = self._latest_marketing() if latest is None else latest
        return {pid for (pid, _), granted in latest.items() if granted}

    def erased_ids(self) -> set[int]:
        return set(self._s.scalars(select(PatientRow.id).where(PatientRow.erased_at.is_not(None))))

    def move_consents(self, from_id: int, to_id: int) -> None:
        for row in self._s.scalars(select(ConsentRow).where(ConsentRow.patient_id == from_id)):
            row.patient_id = to_id
