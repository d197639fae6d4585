"""The after-care packet: every section and the patient's own values are in the PDF, in any script."""

from __future__ import annotations

import dataclasses
import io
import time
import unicodedata
from pathlib import Path

import pytest

from dermadesk.documents.aftercare_packet import build_aftercare_packet
from dermadesk.domain.printables import AftercarePacket
from tests.documents import samples
from tests.documents.pdf_reading import embedded_fonts, pdf_text, uncovered

HEADINGS = (
    "After-care advice",
    "The first 24 hours",
    "Please do",
    "Please avoid",
    "The first 48 hours",
    "The first week",
    "Warning signs: call us the same day",
    "When to call the emergency number",
    "Products we recommend",
    "Your next appointment",
)


def build(tmp_path: Path, packet: AftercarePacket, name: str = "packet.pdf") -> Path:
    path = tmp_path / name
    build_aftercare_packet(packet, path)
    return path


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_section_and_the_patients_own_values_are_printed(tmp_path: Path) -> None:
    packet = samples.aftercare_packet(combined=False)
    text = flat(pdf_text(build(tmp_path, packet)))
    for heading in HEADINGS:
        assert heading in text
    treatment = packet.treatments[0]
    for value in (
        "Zoë Ward",
        "2 November 2026",
        "Dr Amara Okafor",
        "Botulinum toxin",
        "Forehead and frown lines",
        "Bocouture 50U",
        "LOT-7Q21X",
        "24 units",
        "1 February 2027",
        "Heliocare 360 SPF 50 gel",
        samples.CLINIC.phone,
        samples.CLINIC.emergency_phone,
        samples.CLINIC.name,
    ):
        assert value in text, value
    for line in (*treatment.advice.first_24h_do, *treatment.advice.warning_signs, *treatment.advice.emergency):
        assert flat(line) in text


def test_a_combined_packet_holds_every_treatment_of_the_visit(tmp_path: Path) -> None:
    packet = samples.aftercare_packet()
    text = flat(pdf_text(build(tmp_path, packet)))
    assert "Your treatments today" in text
    for treatment in packet.treatments:
        assert flat(treatment.advice.title) in text
        for value in (treatment.area, treatment.product, treatment.lot):
            assert text.count(value) >= 2, value  # in the summary table and in its own section
        assert flat(treatment.advice.emergency[0]) in text
    assert "1 ml" in text and "16 November 2026" in text
    assert text.count("When to call the emergency number") == 2


@pytest.mark.parametrize("name", samples.NAMES)
def test_names_in_any_script_come_out_intact_in_a_font_that_has_them(tmp_path: Path, name: str) -> None:
    path = build(tmp_path, samples.aftercare_packet(patient=name, combined=False))
    assert name in pdf_text(path)
    assert uncovered(path) == []


def test_a_cjk_name_embeds_both_fonts_and_nothing_else_draws_text(tmp_path: Path) -> None:
    path = build(tmp_path, samples.aftercare_packet(patient="王芳 and 김민지", combined=False))
    assert {"DejaVuSans", "DejaVuSans-Bold", "WenQuanYiMicroHei-0"} <= embedded_fonts(path)
    assert uncovered(path) == []  # no run is drawn in Helvetica, which would drop Ł and 王芳


def test_xml_special_characters_in_names_do_not_break_the_markup(tmp_path: Path) -> None:
    packet = samples.aftercare_packet(patient="O'Brien & Co <x> </font>", combined=False)
    packet = dataclasses.replace(packet, practitioner="Dr <b>Bold</b> & Sons")
    text = pdf_text(build(tmp_path, packet))
    assert "O'Brien & Co <x> </font>" in text
    assert "Dr <b>Bold</b> & Sons" in text


def test_arabic_and_hebrew_names_print_shaped_and_right_to_left(tmp_path: Path) -> None:
    path = build(tmp_path, samples.aftercare_packet(patient="عائشة", combined=False))
    text = pdf_text(path)
    # drawn as joined presentation forms; pypdf reads right-to-left runs back in logical order
    assert "\ufecb\ufe8e\ufe8b\ufeb8\ufe94" in text
    assert unicodedata.normalize("NFKC", text).count("عائشة") >= 3  # subtitle, details, footer
    assert uncovered(path) == []
    hebrew = build(tmp_path, samples.aftercare_packet(patient="אדי כהן", combined=False), "he.pdf")
    assert "אדי כהן" in pdf_text(hebrew)
    assert uncovered(hebrew) == []


def test_the_chinese_packet_uses_chinese_headings_and_dates(tmp_path: Path) -> None:
    path = build(tmp_path, samples.aftercare_packet(patient="王芳", language="zh_CN"))
    text = flat(pdf_text(path))
    for heading in (
        "治疗后护理须知",
        "最初 24 小时",
        "请避免",
        "第一周",
        "警示症状",
        "何时拨打紧急电话",
        "推荐产品",
        "您的下一次预约",
    ):
        assert heading in text
    assert "2026年11月2日" in text and "2027年2月1日" in text and "24 单位" in text
    assert "第 1 页，共" in text
    assert uncovered(path) == []


def test_a_packet_can_be_written_to_a_binary_file_object() -> None:
    buffer = io.BytesIO()
    build_aftercare_packet(samples.aftercare_packet(combined=False), buffer)
    assert buffer.getvalue().startswith(b"%PDF")


def test_page_numbers_count_the_whole_packet(tmp_path: Path) -> None:
    text = pdf_text(build(tmp_path, samples.aftercare_packet()))
    pages = text.count("Page ")
    assert pages >= 2 and f"Page {pages} of {pages}" in text


def test_a_packet_builds_within_300_ms_once_fonts_are_registered(tmp_path: Path) -> None:
    packet = samples.aftercare_packet()
    build_aftercare_packet(packet, io.BytesIO())  # the first build registers the fonts, once per process
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        build_aftercare_packet(packet, io.BytesIO())
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.3, timings
