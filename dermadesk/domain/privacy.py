"""A patient's own data for an access request (readable sections), and what an erasure leaves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dermadesk.domain.printables import ClinicLetterhead


@dataclass(frozen=True)
class DataSection:
    """One part of the readable copy: a title and a table (two columns label/value for the personal details)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PatientDataReport:
    clinic: ClinicLetterhead
    patient_id: int
    patient_name: str
    issued_on: date
    sections: tuple[DataSection, ...]


@dataclass(frozen=True)
class AccessExport:
    """What a patient receives: the complete data as JSON, and the same in a readable PDF."""

    patient_id: int
    json_text: str
    pdf: bytes


@dataclass(frozen=True)
class ErasureResult:
    patient_id: int
    erased_records: tuple[int, ...]  # the record and any duplicates merged into it
    paid_events_kept: int  # anonymous, for the books
