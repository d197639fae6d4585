"""What a new patient's onboarding packet says, gathered from their record, readings, tier and bookings."""

from __future__ import annotations

from datetime import date

from dermadesk.documents.default_names import default_name
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
REGIMEN: dict[str, dict[str, str]] = {
    "en": {
        "acne": "Morning and evening: a gentle foaming cleanser; a light, oil-free moisturiser.",
        "melasma": "Every morning: broad-spectrum SPF 50, reapplied at midday; avoid heat and hot yoga.",
        "rosacea": "Lukewarm water only; a fragrance-free moisturiser; note what makes you flush.",
        "ageing": "Morning: SPF 30 or higher. Evening: a retinoid as advised, starting twice a week.",
        "pigmentation": "Every morning: SPF 50; a vitamin C serum after cleansing.",
        "sensitivity": "Keep to three products: a mild cleanser, a barrier cream and a mineral sunscreen.",
        "scarring": "Protect healing skin from the sun; do not pick; we will plan treatments together.",
        "hair_removal": "Shave, do not wax or pluck, for four weeks before laser; keep the area out of the sun.",
    },
    "zh_CN": {
        "acne": "早晚各一次：温和的泡沫洁面；清爽、无油的保湿产品。",
        "melasma": "每天早上：广谱 SPF 50 防晒，中午补涂一次；避免高温环境和高温瑜伽。",
        "rosacea": "只用温水洗脸；使用无香料的保湿霜；留意让您脸红的诱因并记录下来。",
        "ageing": "早上：SPF 30 或以上的防晒。晚上：遵医嘱使用维A类产品，从每周两次开始。",
        "pigmentation": "每天早上：SPF 50 防晒；洁面后使用维生素C精华。",
        "sensitivity": "只用三样产品：温和洁面、修护屏障的面霜和物理（矿物）防晒。",
        "scarring": "正在愈合的皮肤要注意防晒；不要抠；我们会和您一起制定治疗方案。",
        "hair_removal": "激光前四周内只可剃毛，不要蜜蜡脱毛或拔毛；治疗部位避免日晒。",
    },
}
CONSENT_LABELS: dict[str, dict[ConsentKind, str]] = {
    "en": {
        ConsentKind.DATA_PROCESSING: "Keeping your records",
        ConsentKind.TREATMENT: "Treatment",
        ConsentKind.PHOTO_USE: "Clinical photographs",
        ConsentKind.MARKETING_SMS: "News by text message",
        ConsentKind.MARKETING_EMAIL: "News by e-mail",
    },
    "zh_CN": {
        ConsentKind.DATA_PROCESSING: "保存您的病历资料",
        ConsentKind.TREATMENT: "治疗",
        ConsentKind.PHOTO_USE: "临床照片",
        ConsentKind.MARKETING_SMS: "短信接收诊所资讯",
        ConsentKind.MARKETING_EMAIL: "邮件接收诊所资讯",
    },
}
VISIT = {"en": "Visit", "zh_CN": "到院"}
PRIVACY: dict[str, str] = {
    "en": (
        "We keep your records in an encrypted database on our own computers and use them only to care for "
        "you. You may ask for a copy of everything we hold about you, ask us to correct it, or ask us to "
        "erase it when the law allows. You can withdraw consent for messages at any time."
    ),
    "zh_CN": (
        "您的资料保存在本诊所自己电脑上的加密数据库中，仅用于为您提供诊疗和护理。您可以要求获取我们所保存的"
        "关于您的全部资料的副本，要求更正，或在法律允许的情况下要求删除。您可以随时撤回接收消息的同意。"
    ),
}


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
    lang = packet_language(patient.preferred_language, language)
    words = lang if lang in PRIVACY else "en"
    treatments = {t.id: default_name(t.name, lang) for t in uow.catalogue.treatments(include_inactive=True)}
    consents = current_consents(uow.patients.consents(patient_id))
    regimen = REGIMEN[words]
    return OnboardingPacket(
        letterhead(clinic),
        patient.display_name,
        today,
        language=lang,
        concerns=patient.concerns,
        regimen=tuple(regimen[c] for c in patient.concerns if c in regimen),
        baseline=_baseline(uow, patient_id, lang),
        tier_name=default_name(tier.name, lang) if tier else "",
        tier_benefits=default_name(tier.benefits, lang) if tier else "",
        follow_ups=tuple(
            PlannedFollowUp(clinic_day(a.starts_at), treatments.get(a.treatment_type_id, VISIT[words]))  # type: ignore[arg-type]
            for a in bookings[:6]
        ),
        consents=tuple(
            ConsentLine(
                CONSENT_LABELS[words].get(kind, kind.value) + (f" ({proc})" if proc else ""),
                c.granted,
                clinic_day(c.recorded_at),
            )
            for (kind, proc), c in consents.items()
        ),
        privacy_notice=PRIVACY[words],
    )


def _baseline(uow: UnitOfWork, patient_id: int, language: str = "en") -> BaselineReading | None:
    """The first reading session, with every later value of each metric for its trend."""
    sessions = uow.readings.for_patient(patient_id)
    if not sessions:
        return None
    first = sessions[0]
    metrics = {m.code: m for m in uow.catalogue.metrics()}
    rows = tuple(
        ReadingRow(
            default_name(m.name, language),
            default_name(m.unit, language),
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
