"""Patients: identity, clinical profile, acquisition and consents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNDISCLOSED = "undisclosed"


class ContactChannel(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"
    MESSAGING_APP = "messaging_app"
    NONE = "none"


class AcquisitionSource(StrEnum):
    WALK_IN = "walk_in"
    REFERRAL = "referral"
    SEARCH = "search"
    SOCIAL = "social"
    ADVERTISING = "advertising"
    EVENT = "event"
    OTHER = "other"


class ConsentKind(StrEnum):
    TREATMENT = "treatment"
    PHOTO_USE = "photo_use"
    MARKETING_SMS = "marketing_sms"
    MARKETING_EMAIL = "marketing_email"
    DATA_PROCESSING = "data_processing"


SKIN_CONCERNS = (
    "acne",
    "melasma",
    "rosacea",
    "ageing",
    "pigmentation",
    "sensitivity",
    "scarring",
    "hair_removal",
    "dryness",
    "oiliness",
    "pores",
    "redness",
)

CONTRAINDICATIONS = (
    "pregnancy",
    "isotretinoin_6m",
    "anticoagulants",
    "keloid_history",
    "active_infection",
)

FITZPATRICK_TYPES = range(1, 7)


@dataclass(frozen=True)
class Patient:
    given_name: str
    family_name: str
    id: int | None = None
    preferred_name: str = ""
    name_latin: str = ""  # a romanisation (e.g. pinyin) so Latin-keyboard search finds the name
    date_of_birth: date | None = None
    sex: Sex | None = None
    phone: str = ""  # E.164, e.g. +447700900123
    email: str = ""
    address: str = ""
    preferred_language: str = "en"
    preferred_channel: ContactChannel = ContactChannel.PHONE
    skin_type: int | None = None  # Fitzpatrick I–VI as 1–6
    concerns: tuple[str, ...] = ()
    allergies: str = ""
    contraindications: tuple[str, ...] = ()
    medications: str = ""
    acquisition_source: AcquisitionSource | None = None
    referred_by_id: int | None = None
    first_contact_on: date | None = None
    external_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: int | None = None
    version: int = 1
    erased: bool = False
    merged_into_id: int | None = None

    @property
    def display_name(self) -> str:
        """Family-name-first for CJK names (王芳), given-name-first otherwise."""
        if _is_cjk(self.family_name) or _is_cjk(self.given_name):
            return f"{self.family_name}{self.given_name}"
        return f"{self.given_name} {self.family_name}".strip()

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


@dataclass(frozen=True)
class Consent:
    """One dated consent decision; the history is the list of these, newest last."""

    patient_id: int
    kind: ConsentKind
    granted: bool
    recorded_at: datetime
    recorded_by: int | None = None
    procedure: str = ""  # for treatment consent: the treatment code it covers
    note: str = ""
    id: int | None = None


def current_consents(history: list[Consent]) -> dict[tuple[ConsentKind, str], Consent]:
    """The latest decision per (kind, procedure)."""
    latest: dict[tuple[ConsentKind, str], Consent] = {}
    for consent in sorted(history, key=lambda c: (c.recorded_at, c.id or 0)):
        latest[(consent.kind, consent.procedure)] = consent
    return latest


@dataclass(frozen=True)
class PatientSummary:
    """One row of a patient list: what search results and reports show."""

    id: int
    display_name: str
    phone: str = ""
    email: str = ""
    date_of_birth: date | None = None
    tier: str | None = None
    segment: str | None = None
    stage: str | None = None
    last_visit: date | None = None
    next_booking: datetime | None = None
    flags: tuple[str, ...] = field(default=())
    sort_name: str = ""  # how the name sorts (pinyin for a Chinese name, so 王芳 sits among the W's)


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)
