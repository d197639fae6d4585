"""A patients CSV row as a Patient: names checked for spoofing controls, dates never guessed, phones parsed."""

from __future__ import annotations

from datetime import date

from dermadesk.domain.import_values import name_problem, parse_yes_no
from dermadesk.domain.patients import AcquisitionSource, ConsentKind, ContactChannel, Patient, Sex
from dermadesk.services import phones
from dermadesk.services.import_cells import RowCells
from dermadesk.services.patients import EMAIL, LANGUAGES, validate_patient

SEXES = {
    **{s.value: s.value for s in Sex},
    "f": "female",
    "w": "female",
    "woman": "female",
    "m": "male",
    "man": "male",
    "x": "other",
    "u": "undisclosed",
    "unknown": "undisclosed",
}
CHANNELS = {
    **{c.value: c.value for c in ContactChannel},
    "text": "sms",
    "e_mail": "email",
    "mail": "email",
    "whatsapp": "messaging_app",
    "messaging": "messaging_app",
    "call": "phone",
    "telephone": "phone",
}
SOURCES = {
    **{s.value: s.value for s in AcquisitionSource},
    "walkin": "walk_in",
    "google": "search",
    "ad": "advertising",
}
SKIN_TYPES = {numeral: str(i) for i, numeral in enumerate(("i", "ii", "iii", "iv", "v", "vi"), start=1)}
LANGUAGE_CODES = {code.casefold(): code for code in LANGUAGES}
NAME_COLUMNS = ("given_name", "family_name", "preferred_name", "full_name")


def consents_from_row(row: RowCells) -> dict[ConsentKind, bool]:
    """Marketing decisions the old system recorded (yes/no); a blank cell records nothing."""
    decisions = {}
    for kind in (ConsentKind.MARKETING_SMS, ConsentKind.MARKETING_EMAIL):
        if row.has(kind.value):
            answer = parse_yes_no(row.get(kind.value))
            if answer is None:
                row.problem(kind.value, "unknown_choice")
            else:
                decisions[kind] = answer
    return decisions


def patient_from_row(row: RowCells, region: str, today: date) -> Patient | None:
    """The patient a row describes, or None with the row's problems in `row.problems`."""
    if row.unfit():
        return None
    for name in NAME_COLUMNS:
        if problem := name_problem(row.get(name)):
            row.problem(name, problem)
    given, family = row.get("given_name"), row.get("family_name")
    if not (given or family) and row.has("full_name"):
        given, _, family = row.get("full_name").rpartition(" ")
    phone = row.get("phone")
    e164 = phones.to_e164(phone, region) if phone else ""
    if e164 is None:
        row.problem("phone", "invalid_phone")
    email = row.get("email")
    if email and not EMAIL.match(email):
        row.problem("email", "invalid_email")
    language = row.get("preferred_language")
    if language and language.casefold() not in LANGUAGE_CODES:
        row.problem("preferred_language", "unknown_choice")
    skin = row.get("skin_type").casefold()
    skin_type = row.integer("skin_type", 1, 6) if skin not in SKIN_TYPES else int(SKIN_TYPES[skin])
    sex, channel, source = (
        row.choice("sex", SEXES),
        row.choice("preferred_channel", CHANNELS),
        row.choice("acquisition_source", SOURCES),
    )
    patient = Patient(
        given_name=given.strip(),
        family_name=family.strip(),
        preferred_name=row.get("preferred_name"),
        date_of_birth=row.date("date_of_birth"),
        sex=Sex(sex) if sex else None,
        phone=e164 or "",
        email=email,
        address=row.get("address"),
        preferred_language=LANGUAGE_CODES.get(language.casefold(), "en"),
        preferred_channel=ContactChannel(channel) if channel else ContactChannel.PHONE,
        skin_type=skin_type,
        allergies=row.get("allergies"),
        medications=row.get("medications"),
        acquisition_source=AcquisitionSource(source) if source else None,
        first_contact_on=row.date("first_contact_on"),
        external_id=row.get("external_id") or None,
    )
    consents_from_row(row)  # checked here; recorded by the import for new patients
    for problem in validate_patient(patient, today):
        if problem.problem != "invalid_email":  # already reported above
            row.problem(problem.field, problem.problem)
    if patient.external_id and len(patient.external_id) > 100:
        row.problem("external_id", "too_long")
    return None if row.problems else patient
