"""Phone numbers: parsed to E.164 with the clinic's country as default, and their searchable digit forms."""

from __future__ import annotations

import dataclasses
import functools

import phonenumbers

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.printables import ClinicLetterhead
from dermadesk.domain.search_text import digits


def to_e164(text: str, region: str) -> str | None:
    """'07700 900123' in GB -> '+447700900123'; None when it is not a possible number."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.lru_cache(maxsize=8192)  # lists redraw the same numbers on every keystroke
def national(e164: str) -> str:
    """How the number is shown at the desk: national format."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def search_forms(e164: str) -> set[str]:
    """Every digit string a receptionist might type for this number: with country code,
    national with trunk prefix, and the bare national number."""
    if not e164:
        return set()
    forms = {digits(e164)}
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return forms
    forms.add(str(number.national_number))
    forms.add(digits(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)))
    return {f for f in forms if f}


def query_forms(query: str, region: str) -> list[str]:
    """Digit prefixes to look up for what was typed: the typed digits, and the E.164 digits if it parses."""
    typed = digits(query)
    forms = [typed] if typed else []
    full = to_e164(query, region)
    if full and digits(full) not in forms:
        forms.append(digits(full))
    return forms


def letterhead(settings: ClinicSettings) -> ClinicLetterhead:
    """The clinic's letterhead with its numbers written the way the clinic's patients dial them."""
    heading = ClinicLetterhead.from_settings(settings)
    return dataclasses.replace(
        heading,
        phone=national(settings.phone) if settings.phone else "",
        emergency_phone=national(settings.emergency_phone) if settings.emergency_phone else "",
    )
