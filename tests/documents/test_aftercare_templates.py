"""The bundled after-care templates: complete in both languages, and filled in without surprises."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from dermadesk.documents.aftercare_templates import (
    PLACEHOLDERS,
    TemplateError,
    fill,
    load_template,
    parse_template,
    resolve_advice,
    template_codes,
    template_languages,
)
from dermadesk.domain.catalogue import DEFAULT_TREATMENTS
from tests.documents.samples import CLINIC

CODES = (
    "botulinum_toxin",
    "dermal_filler",
    "chemical_peel",
    "laser_resurfacing",
    "ipl",
    "microneedling",
    "laser_hair_removal",
    "hydrodermabrasion_facial",
)
SECTIONS = ("first_24h_do", "first_24h_avoid", "first_48h", "first_week", "warning_signs", "emergency", "products")


def test_every_default_treatment_has_a_template_in_english_and_chinese() -> None:
    assert set(template_codes()) == set(CODES)
    catalogue_codes = {t.aftercare_template for t in DEFAULT_TREATMENTS if t.aftercare_template}
    assert catalogue_codes == set(CODES)
    for code in CODES:
        assert template_languages(code) == ("en", "zh_CN")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("code", CODES)
def test_every_section_is_written(code: str, language: str) -> None:
    advice = load_template(code, language)
    assert advice.title and advice.intro and advice.follow_up
    for section in SECTIONS:
        assert getattr(advice, section), f"{code} ({language}) has no {section}"
    text = " ".join(str(getattr(advice, f.name)) for f in dataclasses.fields(advice))
    assert set(re.findall(r"\{(\w+)\}", text)) <= set(PLACEHOLDERS)
    assert "{emergency_phone}" in " ".join(advice.emergency)
    assert "{follow_up_date}" in advice.follow_up


def test_both_languages_have_the_same_shape() -> None:
    for code in CODES:
        english, chinese = load_template(code, "en"), load_template(code, "zh_CN")
        for section in SECTIONS:
            assert len(getattr(english, section)) == len(getattr(chinese, section)), (code, section)


def test_the_advice_says_what_a_nurse_would() -> None:
    toxin = load_template("botulinum_toxin")
    assert "upright for 4 hours" in " ".join(toxin.first_24h_do)
    assert any("massaging" in line for line in toxin.first_24h_avoid)
    assert any("swallowing" in line and "breathing" in line for line in toxin.emergency)
    assert any("droops" in line for line in toxin.warning_signs)
    filler_emergency = " ".join(load_template("dermal_filler").emergency)
    for sign in ("blanching", "dusky", "severe", "vision", "999"):
        assert sign in filler_emergency


def test_an_unknown_language_falls_back_to_english() -> None:
    assert load_template("ipl", "fr") == load_template("ipl", "en")
    assert load_template("ipl", "zh-CN").title.endswith("护理须知")


@pytest.mark.parametrize("code", ["../../pyproject", "IPL", "", "ipl.zh_CN", "nope"])
def test_a_code_is_never_a_path(code: str) -> None:
    with pytest.raises(TemplateError):
        load_template(code)


def test_fill_leaves_unknown_placeholders_visible_and_never_reads_values_as_templates() -> None:
    values = {"patient": "{clinic_phone} {0.__class__} %s ${x}", "clinic_phone": "0117"}
    assert fill("Hi {patient}, call {clinic_phone} {unknown} {0}", values) == (
        "Hi {clinic_phone} {0.__class__} %s ${x}, call 0117 {unknown} {0}"
    )


def test_resolving_fills_every_placeholder_and_drops_a_missing_follow_up() -> None:
    kwargs = {
        "patient": "Zoë",
        "treatment": "IPL",
        "visit_date": date(2026, 11, 2),
        "practitioner": "Dr Okafor",
        "clinic": CLINIC,
    }
    advice = resolve_advice(load_template("ipl"), follow_up_on=date(2026, 12, 1), **kwargs)
    text = " ".join(str(getattr(advice, f.name)) for f in dataclasses.fields(advice))
    assert "{" not in text
    assert "1 December 2026" in advice.follow_up and "2 November 2026" in advice.intro
    assert CLINIC.emergency_phone in " ".join(advice.emergency)
    assert resolve_advice(load_template("ipl"), follow_up_on=None, **kwargs).follow_up == ""
    chinese = resolve_advice(load_template("ipl", "zh_CN"), follow_up_on=None, language="zh_CN", **kwargs)
    assert "2026年11月2日" in chinese.intro


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[]", "expected an object"),
        ('{"title": ""}', "title"),
        ('{"title": "T", "first_48h": "one line"}', "first_48h"),
        ('{"title": "T", "first_24h": []}', "first_24h"),
    ],
)
def test_a_malformed_edited_template_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text)
