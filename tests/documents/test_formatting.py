"""Dates, money and rates as each document language writes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from dermadesk.documents.formatting import (
    catalogue_for,
    format_date,
    format_money,
    format_month_key,
    format_number,
    format_percent,
    format_reading,
    money_plain,
    normalise_language,
    percent_value,
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("zh", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("zh_cn", "zh_CN"),
        ("zh-Hans", "zh_CN"),
        ("fr", "en"),
    ],
)
def test_languages_are_normalised(code: str, expected: str) -> None:
    assert normalise_language(code) == expected


def test_dates_follow_the_language() -> None:
    assert format_date(date(2026, 11, 2)) == "2 November 2026"
    assert format_date(date(2026, 11, 2), "zh_CN") == "2026年11月2日"
    assert format_month_key("2026-10") == "October 2026"
    assert format_month_key("2026-10", "zh-CN") == "2026年10月"


@pytest.mark.parametrize(
    ("minor", "currency", "expected"),
    [
        (123450, "GBP", "£1,234.50"),
        (123450, "CNY", "¥1,234.50"),
        (5, "EUR", "€0.05"),
        (-1200, "USD", "-$12.00"),
        (1234, "JPY", "¥1,234"),  # no minor unit: the currency's own exponent wins
        (99900, "XYZ", "999.00 XYZ"),
    ],
)
def test_money_prints_with_its_currency(minor: int, currency: str, expected: str) -> None:
    assert format_money(minor, currency) == expected


def test_plain_money_is_the_machine_form() -> None:
    assert money_plain(123450, "gbp") == "1234.50"
    assert money_plain(-42000, "GBP") == "-420.00"


def test_rates_round_half_up_to_one_decimal() -> None:
    assert percent_value(0.8765) == Decimal("87.7")
    assert percent_value(0.04149) == Decimal("4.1")
    assert format_percent(0.5) == "50.0%"


def test_readings_print_without_noise() -> None:
    assert format_number(42.0) == "42"
    assert format_number(18.25) == "18.25"
    assert format_number(0.1 + 0.2) == "0.3"
    assert format_reading(7, "0–10") == "7 / 10"
    assert format_reading(96, "µg/cm²") == "96 µg/cm²"


def test_a_catalogue_falls_back_to_english_per_key() -> None:
    catalogue = {"en": {"a": "A", "b": "B"}, "zh_CN": {"a": "甲"}}
    assert catalogue_for(catalogue, "zh-CN") == {"a": "甲", "b": "B"}
    assert catalogue_for(catalogue, "de") == {"a": "A", "b": "B"}
