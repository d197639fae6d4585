"""The columns an import understands, the headers other systems use for them, and the automatic mapping."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class ImportKind(StrEnum):
    PATIENTS = "patients"
    HISTORY = "history"


@dataclass(frozen=True)
class Column:
    name: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


PATIENT_COLUMNS: tuple[Column, ...] = (
    Column("external_id", ("id", "patient id", "patient number", "client id", "customer id", "record number", "mrn")),
    Column("given_name", ("first name", "forename", "given", "first", "prenom", "vorname", "nombre")),
    Column("family_name", ("last name", "surname", "family", "last", "nom", "nachname", "apellido")),
    Column("full_name", ("name", "patient name", "client name", "patient", "client")),
    Column("preferred_name", ("nickname", "known as", "preferred")),
    Column("date_of_birth", ("dob", "birth date", "birthdate", "birthday", "date of birth", "born")),
    Column("sex", ("gender",)),
    Column("phone", ("mobile", "telephone", "tel", "phone number", "mobile phone", "cell", "contact number")),
    Column("email", ("e-mail", "email address", "e-mail address", "mail")),
    Column("address", ("postal address", "street", "home address")),
    Column("preferred_language", ("language", "lang")),
    Column("preferred_channel", ("channel", "contact channel", "contact preference")),
    Column("skin_type", ("fitzpatrick", "fitzpatrick type", "skin")),
    Column("allergies", ("allergy",)),
    Column("medications", ("medication", "medicines", "current medications")),
    Column("acquisition_source", ("source", "how did you hear", "referral source", "acquisition")),
    Column("first_contact_on", ("first contact", "first visit", "registered", "created", "joined", "since")),
    Column("notes", ("note", "comments", "comment", "remarks")),
    Column("marketing_sms", ("sms marketing", "sms opt in", "marketing by sms", "text opt in")),
    Column("marketing_email", ("email marketing", "email opt in", "marketing by email", "newsletter")),
)

HISTORY_COLUMNS: tuple[Column, ...] = (
    Column("patient_external_id", ("patient id", "client id", "customer id", "patient number", "patient")),
    Column("patient_phone", ("phone", "mobile", "telephone", "patient mobile")),
    Column("patient_email", ("email", "e-mail", "patient e-mail")),
    Column("kind", ("type", "event type", "category", "record type"), required=True),
    Column("date", ("date", "occurred", "occurred on", "visit date", "transaction date", "day", "when"), True),
    Column("amount", ("price", "paid", "total", "value", "amount paid", "sum")),
    Column("summary", ("note", "notes", "description", "details", "text", "comment", "subject")),
    Column("treatment", ("treatment code", "service", "procedure", "treatment name")),
    Column("practitioner", ("doctor", "staff", "clinician", "performed by")),
    Column("product", ("item", "sku", "product name", "what")),
    Column("quantity", ("qty", "count", "units sold")),
    Column("sessions", ("sessions included", "visits included")),
    Column("units", ("shots", "dose")),
    Column("lot_number", ("lot", "batch")),
    Column("direction", ("in out", "inbound outbound")),
    Column("channel", ("medium", "via")),
    Column("csat", ("satisfaction 1 5",)),
    Column("nps", ("net promoter", "recommend")),
    Column("satisfaction", ("score", "post treatment satisfaction")),
    Column("external_id", ("event id", "transaction id", "invoice", "invoice number", "reference", "ref")),
)

COLUMNS: Mapping[ImportKind, tuple[Column, ...]] = {
    ImportKind.PATIENTS: PATIENT_COLUMNS,
    ImportKind.HISTORY: HISTORY_COLUMNS,
}


def header_key(header: str) -> str:
    """'E-Mail Address ' -> 'e mail address': accents, case, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.casefold()).split())


def auto_mapping(kind: ImportKind, headers: Sequence[str]) -> dict[str, int]:
    """Column name -> header position: the exact column name first, then a known synonym. Each header is
    used once, so 'phone' goes to the first column that claims it."""
    keys = [header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    taken: set[int] = set()
    for rank in (0, 1):
        for column in COLUMNS[kind]:
            if column.name in mapping:
                continue
            wanted = {header_key(column.name)} if rank == 0 else {header_key(s) for s in column.synonyms}
            for position, key in enumerate(keys):
                if position not in taken and key in wanted:
                    mapping[column.name] = position
                    taken.add(position)
                    break
    return mapping


def missing_columns(kind: ImportKind, mapping: Mapping[str, int]) -> list[str]:
    """Columns the file must have: the required ones, a name for patients, a patient key for history."""
    missing = [c.name for c in COLUMNS[kind] if c.required and c.name not in mapping]
    if kind is ImportKind.PATIENTS and not {"given_name", "family_name", "full_name"} & mapping.keys():
        missing.append("family_name")
    if kind is ImportKind.HISTORY and not {"patient_external_id", "patient_phone", "patient_email"} & mapping.keys():
        missing.append("patient_external_id")
    return missing
