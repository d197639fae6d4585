"""Hand-made domain values for the document tests: a clinic, a visit, a new patient and a month."""

from __future__ import annotations

from datetime import date

from dermadesk.documents.aftercare_templates import load_template, resolve_advice
from dermadesk.domain.printables import (
    AftercarePacket,
    AftercareTreatment,
    AlertCounts,
    BaselineReading,
    ClinicLetterhead,
    ConsentLine,
    MonthlyTierReport,
    MovementMatrix,
    Mover,
    NpsCounts,
    OnboardingPacket,
    PlannedFollowUp,
    ReadingRow,
    TierLine,
)

NAMES = ("Zoë", "Łukasz", "Ольга", "Σοφία", "王芳", "김민지")
CLINIC = ClinicLetterhead(
    name="Harbour Skin & Laser Clinic",
    address="12 Quay Street\nBristol BS1 4DJ",
    phone="0117 496 0123",
    emergency_phone="07700 900456",
    email="hello@harbourskin.example",
    website="www.harbourskin.example",
    opening_hours="Mon–Fri 9:00–18:00, Sat 9:00–14:00",
)
VISIT = date(2026, 11, 2)


def treatment(code: str, name: str, patient: str, language: str = "en", **fields: object) -> AftercareTreatment:
    follow_up = fields.pop("follow_up_on", date(2027, 2, 1))
    advice = resolve_advice(
        load_template(code, language),
        patient=patient,
        treatment=name,
        visit_date=VISIT,
        practitioner="Dr Amara Okafor",
        clinic=CLINIC,
        follow_up_on=follow_up,  # type: ignore[arg-type]
        language=language,
    )
    return AftercareTreatment(name, advice, follow_up_on=follow_up, **fields)  # type: ignore[arg-type]


def aftercare_packet(patient: str = "Zoë Ward", language: str = "en", combined: bool = True) -> AftercarePacket:
    items = [
        treatment(
            "botulinum_toxin",
            "Botulinum toxin",
            patient,
            language,
            area="Forehead and frown lines",
            product="Bocouture 50U",
            lot="LOT-7Q21X",
            quantity=24.0,
            recommended_products=("Heliocare 360 SPF 50 gel",),
        )
    ]
    if combined:
        items.append(
            treatment(
                "dermal_filler",
                "Dermal filler",
                patient,
                language,
                area="Lips",
                product="Juvéderm Volbella",
                lot="VB-55813",
                quantity=1.0,
                quantity_unit="ml",
                follow_up_on=date(2026, 11, 16),
            )
        )
    return AftercarePacket(CLINIC, patient, VISIT, "Dr Amara Okafor", tuple(items), language)


def reading_rows() -> tuple[ReadingRow, ...]:
    hydration_history = ((date(2026, 6, 3), 29.0), (date(2026, 8, 12), 31.5), (date(2026, 11, 2), 33.0))
    return (
        ReadingRow("Hydration", "%", 33.0, 35, True, "<", 40, 60, hydration_history),
        ReadingRow("Sebum", "µg/cm²", 96.0, 150, False, ">", 50, 120),
        ReadingRow("Elasticity / collagen density", "%", 52.5, 30, False, "<", 45, 80),
        ReadingRow("Pigmentation / spot coverage", "% of area", 18.25, 15, True, ">", 0, 8),
        ReadingRow("UV damage index", "0–10", 7.0, 7, True, ">=", 0, 4, ((date(2026, 6, 3), 8.0), (VISIT, 7.0))),
        ReadingRow("Redness / erythema index", "0–100", 41.0, 60, False, ">", 0, 40),
        ReadingRow("TEWL", "g/m²/h", 21.4, 25, False, ">", 5, 15),
    )


def onboarding_packet(patient: str = "王芳", language: str = "en") -> OnboardingPacket:
    return OnboardingPacket(
        clinic=CLINIC,
        patient_name=patient,
        issued_on=VISIT,
        practitioner="Dr Amara Okafor",
        language=language,
        concerns=("melasma", "ageing", "Redness after exercise"),
        regimen=(
            "Morning: gentle cleanser, vitamin C serum, SPF 50",
            "Evening: gentle cleanser, azelaic acid 15% on the cheeks, moisturiser",
            "Weekly: hydrating mask on Sundays",
        ),
        baseline=BaselineReading(VISIT, reading_rows(), device="Observ 520x"),
        tier_name="Silver",
        tier_benefits="5% off treatments; priority booking at quiet hours.",
        follow_ups=(
            PlannedFollowUp(date(2026, 11, 16), "Review of skin plan"),
            PlannedFollowUp(date(2026, 11, 30), "Chemical peel 1 of 4"),
            PlannedFollowUp(date(2026, 12, 28), "Chemical peel 2 of 4"),
            PlannedFollowUp(date(2027, 2, 1), "Skin test follow-up"),
        ),
        consents=(
            ConsentLine("Treatment: chemical peel", True, VISIT),
            ConsentLine("Photographs for your clinical record", True, VISIT),
            ConsentLine("Marketing by SMS", False, VISIT),
            ConsentLine("Marketing by e-mail", True, date(2026, 10, 28)),
            ConsentLine("Data processing", True, date(2026, 10, 28)),
        ),
        privacy_notice=(
            "We keep your details and clinical records in an encrypted database on the clinic's own computer. "
            "Only staff who care for you can read your clinical notes.\n\n"
            "You can ask for a copy of your data, ask us to correct it, or ask us to erase it; "
            "financial records are kept anonymously for the accounts."
        ),
    )


def monthly_report(language: str = "en") -> MonthlyTierReport:
    codes = ("none", "bronze", "silver", "gold", "platinum", "diamond")
    counts = (
        (0, 41, 3, 0, 0, 0),
        (2, 1180, 27, 2, 0, 0),
        (0, 9, 412, 14, 1, 0),
        (0, 0, 6, 198, 7, 0),
        (0, 0, 0, 3, 71, 2),
        (0, 0, 0, 0, 1, 19),
    )
    return MonthlyTierReport(
        month="2026-10",
        clinic=CLINIC,
        currency="GBP",
        tiers=(
            TierLine("bronze", "Bronze", 1230, 1_843_250, 512),
            TierLine("silver", "Silver", 448, 2_317_800, 402),
            TierLine("gold", "Gold", 219, 2_094_120, 266),
            TierLine("platinum", "Platinum", 82, 1_360_005, 131),
            TierLine("diamond", "Diamond", 21, 702_499, 47),
        ),
        movement=MovementMatrix(codes, counts),
        segments=(
            ("champions", 96),
            ("loyal", 241),
            ("potential_loyalist", 310),
            ("new", 58),
            ("promising", 77),
            ("need_attention", 133),
            ("about_to_sleep", 182),
            ("at_risk", 205),
            ("cant_lose", 39),
            ("hibernating", 364),
            ("lost", 295),
        ),
        funnel=(("prospect", 140), ("new", 58), ("active", 842), ("silent", 391), ("dormant", 402), ("lost", 307)),
        retention_rate=0.8734,
        churn_rate=0.0415,
        alerts=AlertCounts(raised=212, resolved=164, rebooked=71),
        nps=NpsCounts(promoters=118, passives=46, detractors=19),
        movers_up=(
            Mover("Zoë Ward", "silver", "gold", 64_000),
            Mover("王芳", "bronze", "silver", 51_250),
            Mover("O'Brien & Co <x>", "gold", "platinum", 150_000),
        ),
        movers_down=(
            Mover("Łukasz Nowak", "gold", "silver", -42_000),
            Mover("김민지", "silver", "bronze", -30_500),
        ),
        revenue_at_risk_minor=1_912_340,
        at_risk_patients=244,
        language=language,
    )
