"""The onboarding packet: letter, contacts, concerns, routine, baseline reading, tier, plan, consents, privacy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dermadesk.documents.onboarding_packet import build_onboarding_packet
from dermadesk.domain.printables import OnboardingPacket
from tests.documents import samples
from tests.documents.pdf_reading import embedded_fonts, pdf_text, uncovered

HEADINGS = (
    "Welcome to Harbour Skin & Laser Clinic",
    "How to reach us",
    "What you would like help with",
    "Your starting routine",
    "Your baseline skin reading",
    "Your membership",
    "Your planned appointments",
    "Your consents",
    "How we look after your information",
)


def build(tmp_path: Path, packet: OnboardingPacket) -> Path:
    path = tmp_path / "welcome.pdf"
    build_onboarding_packet(packet, path)
    return path


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_section_is_there_with_the_patients_own_values(tmp_path: Path) -> None:
    packet = samples.onboarding_packet()
    path = build(tmp_path, packet)
    text = flat(pdf_text(path))
    for heading in HEADINGS:
        assert heading in text, heading
    for value in (
        "Dear 王芳,",
        "Dr Amara Okafor",
        "Mon–Fri 9:00–18:00, Sat 9:00–14:00",
        "12 Quay Street, Bristol BS1 4DJ",
        "Melasma",
        "Signs of ageing",
        "Redness after exercise",
        *packet.regimen,
        "Observ 520x",
        "You are a Silver member.",
        "5% off treatments",
        "Priority booking at quiet hours",
    ):
        assert value in text, value
    assert uncovered(path) == []
    assert "WenQuanYiMicroHei-0" in embedded_fonts(path)


def test_the_baseline_reading_prints_each_value_threshold_and_flag(tmp_path: Path) -> None:
    text = flat(pdf_text(build(tmp_path, samples.onboarding_packet())))
    for row in (
        "Hydration 33 % below 35 Needs attention",
        "Sebum 96 µg/cm² above 150 Within range",
        "Pigmentation / spot coverage 18.25 % of area above 15 Needs attention",
        "UV damage index 7 / 10 7 or above Needs attention",
        "TEWL 21.4 g/m²/h above 25 Within range",
    ):
        assert row in text, row
    assert (
        "Hydration over time" in text and "UV damage index over time" in text
    )  # trend charts for metrics with history
    assert "3 Jun" in text and "12 Aug" in text


def test_follow_ups_are_a_calendar_and_a_list(tmp_path: Path) -> None:
    text = flat(pdf_text(build(tmp_path, samples.onboarding_packet())))
    for month in ("November 2026", "December 2026", "February 2027"):
        assert month in text
    assert "January 2027" not in text  # a month without a follow-up gets no grid
    for when, what in (
        ("16 November 2026", "Review of skin plan"),
        ("28 December 2026", "Chemical peel 2 of 4"),
        ("1 February 2027", "Skin test follow-up"),
    ):
        assert f"{when} {what}" in text


def test_consents_and_privacy_notice(tmp_path: Path) -> None:
    packet = samples.onboarding_packet()
    text = flat(pdf_text(build(tmp_path, packet)))
    assert "Marketing by SMS Not given 2 November 2026" in text
    assert "Marketing by e-mail Given 28 October 2026" in text
    assert "You can ask for a copy of your data" in text


@pytest.mark.parametrize("name", samples.NAMES)
def test_names_in_any_script(tmp_path: Path, name: str) -> None:
    path = build(tmp_path, samples.onboarding_packet(patient=name))
    assert f"Dear {name}," in pdf_text(path)
    assert uncovered(path) == []


def test_a_minimal_packet_leaves_out_what_it_does_not_have(tmp_path: Path) -> None:
    packet = OnboardingPacket(samples.CLINIC, "Zoë <Ward> & Co", samples.VISIT)
    text = flat(pdf_text(build(tmp_path, packet)))
    assert "Dear Zoë <Ward> & Co," in text
    for heading in ("Your baseline skin reading", "Your membership", "Your planned appointments", "Your consents"):
        assert heading not in text


def test_a_clinics_own_letter_replaces_the_default(tmp_path: Path) -> None:
    packet = dataclasses.replace(samples.onboarding_packet(), welcome_text="Our own words & <welcome>.\n\nSecond.")
    text = flat(pdf_text(build(tmp_path, packet)))
    assert "Our own words & <welcome>. Second." in text
    assert "delighted to welcome you" not in text


def test_the_chinese_packet(tmp_path: Path) -> None:
    path = build(tmp_path, samples.onboarding_packet(language="zh_CN"))
    text = flat(pdf_text(path))
    for heading in (
        "欢迎来到",
        "联系方式",
        "您的基线皮肤检测",
        "您的会员等级",
        "已安排的预约",
        "您的同意事项",
        "2026年11月",
        "需要关注",
    ):
        assert heading in text, heading
    assert "尊敬的王芳：" in text and "2026年11月16日" in text
    assert uncovered(path) == []
