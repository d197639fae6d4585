"""What a new patient's onboarding packet says, gathered from their record, readings, tier and bookings."""

from __future__ import annotations

from datetime import date

from dermadesk.domain.appointments import AppointmentStatus
from dermadesk.domain.dates import clinic_day
from dermadesk.domain.patients import ConsentKind, current_consents
from dermadesk.domain.printables import (
    BaselineReading,
    ConsentLine,
    OnboardingPacket,
    PlannedFollowUp,
    ReadingRow,
)
from dermadesk.services.phones import letterhead
from dermadesk.store.unit_of_work import UnitOfWork

# A gentle first routine per concern; the practitioner adjusts it at the first visit.
REGIMEN = {
    "acne": "Morning and evening: a gentle foaming cleanser; a light, oil-free moisturiser.",
    "melasma": "Every morning: broad-spectrum SPF 50, reapplied at midday; avoid heat and hot yoga.",
    "rosacea": "Lukewarm water only; a fragrance-free moisturiser; note what makes you flush.",
    "ageing": "Morning: SPF 30 or higher. Evening: a retinoid as advised, starting twice a week.",
    "pigmentation": "Every morning: SPF 50; a vitamin C serum after cleansing.",
    "sensitivity": "Keep to three products: a mild cleanser, a barrier cream and a mineral sunscreen.",
    "scarring": "Protect healing skin from the sun; do not pick; we will plan treatments together.",
    "hair_removal": "Shave, do not wax or pluck, for four weeks before laser; keep the area out of the sun.",
}
CONSENT_LABELS = {
    ConsentKind.DATA_PROCESSING: "Keeping your records",
    ConsentKind.TREATMENT: "Treatment",
    ConsentKind.PHOTO_USE: "Clinical photographs",
    ConsentKind.MARKETING_SMS: "News by text message",
    ConsentKind.MARKETING_EMAIL: "News by e-mail",
}
PRIVACY = (
    "We keep your records in an encrypted database on our own computers and use them only to care for "
    "you. You may ask for a copy of everything we hold about you, ask us to correct it, or ask us to "
    "erase it when the law allows. You can withdraw consent for messages at any time."
)


def onboarding_packet(uow: UnitOfWork, patient_id: int, language: str | None, today: date) -> OnboardingPacket:
    from dermadesk.services.packets import packet_language

    patient = uow.patients.require(patient_id)
    clinic = uow.settings.clinic()
    latest = uow.tiers.latest_results_for([patient_id]).get(patient_id)
    tier = next((t for t in uow.tiers.definitions() if latest and t.code == latest.tier), None)
    bookings = [
        a
        for a in uow.appointments.for_patient(patient_id)
        if a.status is AppointmentStatus.BOOKED and clinic_day(a.starts_at) >= today
    ]
    treatments = {t.id: t.name for t in uow.catalogue.treatments(include_inactive=True)}
    consents = current_consents(uow.patients.consents(patient_id))
    return OnboardingPacket(
        letterhead(clinic),
        patient.display_name,
        today,
        language=packet_language(patient.preferred_language, language),
        concerns=patient.concerns,
        regimen=tuple(REGIMEN[c] for c in patient.concerns if c in REGIMEN),
        baseline=_baseline(uow, patient_id),
        tier_name=tier.name if tier else "",
        tier_benefits=tier.benefits if tier else "",
        follow_ups=tuple(
            PlannedFollowUp(clinic_day(a.starts_at), treatments.get(a.treatment_type_id, "Visit"))  # type: ignore[arg-type]
            for a in bookings[:6]
        ),
        consents=tuple(
            ConsentLine(
                CONSENT_LABELS.get(kind, kind.value) + (f" ({proc})" if proc else ""),
                c.granted,
                clinic_day(c.recorded_at),
            )
            for (kind, proc), c in consents.items()
        ),
        privacy_notice=PRIVACY,
    )


def _baseline(uow: UnitOfWork, patient_id: int) -> BaselineReading | None:
    """The first reading session, with every later value of each metric for its trend."""
    sessions = uow.readings.for_patient(patient_id)
    if not sessions:
        return None
    first = sessions[0]
    metrics = {m.code: m for m in uow.catalogue.metrics()}
    rows = tuple(
        ReadingRow(
            m.name,
            m.unit,
            value,
            m.threshold,
            m.is_concern(value),
            m.concern_when.value,
            m.healthy_low,
            m.healthy_high,
            tuple((clinic_day(s.taken_at), s.values[code]) for s in sessions if code in s.values),
        )
        for code, value in first.values.items()
        if (m := metrics.get(code))
    )
    return BaselineReading(clinic_day(first.taken_at), rows, first.device)
