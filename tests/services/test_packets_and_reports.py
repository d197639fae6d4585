"""Packets and the monthly report through the services: the patient's own values, a combined packet for a
visit, the print logged on the timeline, and report totals equal to the stored review."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.money import Money
from dermadesk.domain.patients import Patient
from dermadesk.domain.readings import ReadingSession
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.workspace import Services
from tests.builders import treatment_type
from tests.documents.pdf_reading import pdf_text, text_runs, uncovered

VISIT = datetime(2026, 10, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def visit(services: Services) -> dict[str, int]:
    """王芳 had botulinum toxin and a filler on one visit, and a skin reading before."""
    staff = services.staff
    practitioner = staff.add(StaffUser("amelia", "Dr Amelia Hart", Role.PRACTITIONER), "long password 1")
    patient = services.patients.register(
        Patient("芳", "王", preferred_language="zh_CN", phone="07700 900555", concerns=("melasma",))
    )
    with services.context.store.read() as uow:
        botox, filler = treatment_type(uow, "botox"), treatment_type(uow, "filler")
    events = [
        services.timeline.add(
            TimelineEvent(
                patient.id,
                EventKind.TREATMENT,
                VISIT.replace(hour=h),
                amount=Money(price, "GBP"),
                treatment_type_id=t,  # type: ignore[arg-type]
                practitioner_id=practitioner.id,
                lot_number=lot,
                details={"units": units, "area": "forehead"},
            )
        )
        for h, t, price, lot, units in ((10, botox, 30000, "BTX-7781", 40), (11, filler, 45000, "FIL-0042", 1))
    ]
    services.readings.add_session(
        ReadingSession(
            patient.id,
            VISIT.replace(hour=9),  # type: ignore[arg-type]
            {"hydration": 31.0, "pigmentation": 18.5},
            "Analyser",
        )
    )
    return {"patient": patient.id, "botox": events[0].id, "filler": events[1].id}  # type: ignore[dict-item]


def test_aftercare_packet_combines_the_visit_in_the_patients_language(
    services: Services, visit, tmp_path: Path
) -> None:
    packet = services.packets.aftercare(visit["filler"], record=True)
    assert set(packet.event_ids) == {visit["botox"], visit["filler"]}
    assert packet.language == "zh_CN"
    (tmp_path / "p.pdf").write_bytes(packet.pdf)
    text = pdf_text(tmp_path / "p.pdf")
    for expected in ("王芳", "BTX-7781", "FIL-0042", "肉毒素注射", "玻尿酸填充", "2026年10月20日"):
        assert expected in text, expected
    english = services.packets.aftercare(visit["botox"], language="en")
    (tmp_path / "e.pdf").write_bytes(english.pdf)
    assert "After-care advice" in pdf_text(tmp_path / "e.pdf")
    assert "Botulinum toxin" in pdf_text(tmp_path / "e.pdf")


def test_a_chinese_patients_packet_has_chinese_headings_drawn_in_a_font_with_the_glyphs(
    services: Services, visit, tmp_path: Path
) -> None:
    """No language chosen: the packet follows the patient's preferred language (zh_CN). Every heading is
    the Chinese one, and every character, Latin or CJK, is drawn by an embedded font that has its glyph."""
    from dermadesk.documents.aftercare_labels import LABELS

    path = tmp_path / "zh.pdf"
    path.write_bytes(services.packets.aftercare(visit["botox"]).pdf)
    text = pdf_text(path)
    zh = LABELS["zh_CN"]
    for key in ("title", "first_24h", "do", "avoid", "first_48h", "first_week", "treatments_today"):
        assert zh[key] in text, key
    assert LABELS["en"]["first_24h"] not in text and LABELS["en"]["title"] not in text
    runs = text_runs(path)
    assert any(font == "WenQuanYiMicroHei-0" and "护理" in run for run, font in runs)
    assert uncovered(path) == []


def test_printing_logs_a_packet_printed_event(services: Services, visit) -> None:
    before = services.timeline.kinds_count(visit["patient"]).get(EventKind.PACKET_PRINTED, 0)
    preview = services.packets.onboarding(visit["patient"])  # a preview alone is not a print
    assert services.timeline.kinds_count(visit["patient"]).get(EventKind.PACKET_PRINTED, 0) == before
    services.packets.record_printed(preview, "saved as PDF")
    printed = services.timeline.page(visit["patient"], kinds=[EventKind.PACKET_PRINTED])
    assert [e.details["packet"] for e in printed] == ["onboarding"]


def test_onboarding_packet_holds_the_baseline_reading(services: Services, visit, tmp_path: Path) -> None:
    (tmp_path / "o.pdf").write_bytes(services.packets.onboarding(visit["patient"], language="en").pdf)
    text = pdf_text(tmp_path / "o.pdf")
    for expected in ("王芳", "Hydration", "31", "Pigmentation", "18.5", "Welcome"):
        assert expected in text, expected


def test_a_receptionist_may_print_but_not_run_reports(services: Services, visit) -> None:
    services.context.actor = StaffUser("lily", "Lily", Role.RECEPTIONIST, id=None)
    assert services.packets.aftercare(visit["botox"]).pdf.startswith(b"%PDF")
    with pytest.raises(DermaDeskError) as caught:
        services.reports.monthly("2026-10")
    assert caught.value.code is ErrorCode.PERMISSION_DENIED


def test_monthly_report_totals_equal_the_stored_review(demo_opened, clock, tmp_path: Path) -> None:
    from dermadesk.services.context import SYSTEM_ACTOR
    from tests.conftest import make_workspace

    services = make_workspace(clock).services(demo_opened, SYSTEM_ACTOR)
    services.tiers.run_review(date(2026, 9, 30))
    services.tiers.run_review(date(2026, 10, 31))
    results = services.tiers.results("2026-10")
    report, pdf = services.reports.monthly_pdf("2026-10")
    assert sum(t.patients for t in report.tiers) == sum(1 for r in results if r.tier)
    for line in report.tiers:
        assert line.revenue_minor == sum(r.monetary_minor for r in results if r.tier == line.code)
    assert sum(sum(row) for row in report.movement.counts) == len(results)
    assert dict(report.funnel)["lost"] == sum(r.stage == "lost" for r in results)
    rows = list(csv.DictReader(io.StringIO(services.reports.monthly_csv(report).lstrip("\ufeff"))))
    members = {r["code"]: int(r["value"]) for r in rows if r["section"] == "tiers" and r["measure"] == "patients"}
    assert members == {t.code: t.patients for t in report.tiers}
    (tmp_path / "r.pdf").write_bytes(pdf)
    assert "Monthly tier report" in pdf_text(tmp_path / "r.pdf")


def test_a_chinese_welcome_pack_says_the_default_names_and_notices_in_chinese(
    services: Services, visit, tmp_path: Path
) -> None:
    path = tmp_path / "o.pdf"
    path.write_bytes(services.packets.onboarding(visit["patient"]).pdf)  # the patient's own language: zh_CN
    text = pdf_text(path)
    for expected in ("含水量", "色素 / 色斑面积", "% 面积", "加密数据库", "防晒"):
        assert expected in text, expected
    for english in ("Hydration", "encrypted database", "SPF 50, reapplied"):
        assert english not in text, english
    assert uncovered(path) == []
