"""Dates, money, counts and rates written the way each document language prints them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dermadesk.domain.money import Money, currency_exponent

SUPPORTED_LANGUAGES = ("en", "zh_CN")
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# A small map on purpose: an unknown currency prints its ISO code, which is never wrong.
CURRENCY_SYMBOLS = {
    "GBP": "£",
    "EUR": "€",
    "USD": "$",
    "CNY": "¥",
    "JPY": "¥",
    "KRW": "₩",
    "HKD": "HK$",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
    "NZD": "NZ$",
    "INR": "₹",
}


def normalise_language(code: str) -> str:
    """'zh-CN', 'zh_cn', 'zh-Hans' or 'zh' -> 'zh_CN'; anything unsupported -> 'en'."""
    parts = code.replace("-", "_").split("_")
    base = parts[0].lower()
    if base == "zh":
        return "zh_CN"
    return base if base in SUPPORTED_LANGUAGES else "en"


def format_date(day: date, language: str = "en") -> str:
    """2 November 2026 / 2026年11月2日."""
    if normalise_language(language) == "zh_CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_short_date(day: date, language: str = "en") -> str:
    """2 Nov / 11月2日: for chart axes."""
    if normalise_language(language) == "zh_CN":
        return f"{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1][:3]}"


def format_month(year: int, month: int, language: str = "en") -> str:
    """November 2026 / 2026年11月."""
    if normalise_language(language) == "zh_CN":
        return f"{year}年{month}月"
    return f"{MONTHS_EN[month - 1]} {year}"


def format_month_key(month_key: str, language: str = "en") -> str:
    year, month = (int(part) for part in month_key.split("-"))
    return format_month(year, month, language)


def money_plain(minor: int, currency: str) -> str:
    """'1234.50': the machine-readable amount the CSV carries."""
    return Money(minor, currency.upper()).format_plain()


def format_money(minor: int, currency: str) -> str:
    """£1,234.50 / -€12.00 / 1,234.50 XYZ; the decimals follow the currency (¥ JPY has none)."""
    code = currency.upper()
    amount = abs(Money(minor, code).to_decimal())
    digits = f"{amount:,.{currency_exponent(code)}f}"
    sign = "-" if minor < 0 else ""
    symbol = CURRENCY_SYMBOLS.get(code)
    return f"{sign}{symbol}{digits}" if symbol else f"{sign}{digits} {code}"


def format_count(count: int) -> str:
    return f"{count:,}"


def format_number(value: float) -> str:
    """A reading value: at most two decimals and no trailing zeros (42, 3.5, 0.25)."""
    text = f"{Decimal(repr(value)).quantize(Decimal('0.01'), ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_reading(value: float, unit: str) -> str:
    """33 % / 96 µg/cm² / 7 / 10 for a unit that names its scale ("0–10")."""
    scale = re.fullmatch(r"0\s*[–-]\s*(\d+)", unit.strip())
    if scale:
        return f"{format_number(value)} / {scale.group(1)}"
    return f"{format_number(value)} {unit}".strip()


def percent_value(rate: float) -> Decimal:
    """A 0..1 rate as a percentage with one decimal, rounded half up (0.8765 -> 87.7)."""
    return (Decimal(repr(rate)) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)


def format_percent(rate: float) -> str:
    return f"{percent_value(rate)}%"


def catalogue_for(catalogue: Mapping[str, Mapping[str, str]], language: str) -> dict[str, str]:
    """A document's fixed strings in the language, with English for any key not yet translated."""
    merged = dict(catalogue["en"])
    merged.update(catalogue.get(normalise_language(language), {}))
    return merged
