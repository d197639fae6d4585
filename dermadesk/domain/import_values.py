"""Values as other systems write them in CSV files: dates (never guessed), amounts, names, yes/no."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from dermadesk.domain.money import Money, currency_exponent


class DateFormat(StrEnum):
    """How a file writes its dates. ISO (2021-04-03) and Excel serial numbers are always understood;
    day/month order must be stated for any date where both readings are possible."""

    AUTO = "auto"  # ISO, Excel serials, and d/m/y only where day > 12 or month > 12 leaves one reading
    DMY = "dmy"  # 03/04/2021 is 3 April
    MDY = "mdy"  # 03/04/2021 is March 4
    YMD = "ymd"


class DateProblem(StrEnum):
    NOT_A_DATE = "not_a_date"
    AMBIGUOUS = "ambiguous_date"


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_YMD = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?: .*)?")
_PARTS = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: .*)?")
_SERIAL = re.compile(r"\d{1,6}(\.\d+)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01; Excel counts a 29 Feb 1900 that never was
FIRST_SERIAL = 10_000  # 1927-05-18: a shorter number is a year ("1985"), not an Excel date
LAST_SERIAL = 2_958_465  # 9999-12-31


def parse_date(text: str, fmt: DateFormat = DateFormat.AUTO) -> date | DateProblem:
    """A calendar date, or why not. A date with two possible readings is never guessed."""
    fmt, text = DateFormat(fmt), text.strip()
    try:
        if m := _ISO.fullmatch(text) or _YMD.fullmatch(text) or _COMPACT.fullmatch(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if _SERIAL.fullmatch(text):
            return _from_serial(float(text))
        if m := _PARTS.fullmatch(text):
            return _day_month(int(m[1]), int(m[2]), int(m[3]), fmt)
    except (ValueError, OverflowError):
        return DateProblem.NOT_A_DATE
    return DateProblem.NOT_A_DATE


def _from_serial(serial: float) -> date | DateProblem:
    whole = int(serial)
    if not FIRST_SERIAL <= whole <= LAST_SERIAL:
        return DateProblem.NOT_A_DATE
    return EXCEL_EPOCH + timedelta(days=whole)


def _day_month(first: int, second: int, year: int, fmt: DateFormat) -> date | DateProblem:
    if fmt is DateFormat.DMY:
        return date(year, second, first)
    if fmt is DateFormat.MDY:
        return date(year, first, second)
    if fmt is DateFormat.YMD:
        return DateProblem.NOT_A_DATE
    readings = {(first, second), (second, first)} if first != second else {(first, second)}
    valid = [(d, m) for d, m in readings if 1 <= m <= 12 and 1 <= d <= 31]
    if len(valid) > 1:
        return DateProblem.AMBIGUOUS
    if not valid:
        return DateProblem.NOT_A_DATE
    return date(year, valid[0][1], valid[0][0])


_CURRENCY_MARKS = re.compile(r"[£$€¥₩₹\s\u00a0\u202f']|[A-Z]{3}")
MAX_AMOUNT_MAJOR = 1_000_000  # a single clinic bill above a million is a typing error, not a sale


class AmountProblem(StrEnum):
    NOT_A_NUMBER = "not_a_number"
    AMBIGUOUS = "ambiguous_amount"
    NEGATIVE = "not_negative"
    ABSURD = "out_of_range"


def parse_amount(text: str, currency: str) -> Money | AmountProblem:
    """'1,234.50', '1.234,50', '£ 80', '80,5' as money. The decimal mark is the last '.' or ','; a lone ','
    followed by exactly three digits is a thousands separator ('1,234' is 1234), while a lone '.' so followed
    ('1.234') is refused as ambiguous, unless the currency has three decimals. More decimals than the
    currency has are refused, not rounded."""
    cleaned = _CURRENCY_MARKS.sub("", text.strip())
    negative = cleaned.startswith("-") or (cleaned.startswith("(") and cleaned.endswith(")"))
    cleaned = cleaned.strip("-()")
    if not cleaned or not re.fullmatch(r"\d[\d.,]*", cleaned):
        return AmountProblem.NOT_A_NUMBER
    exponent = currency_exponent(currency)
    last = max(cleaned.rfind("."), cleaned.rfind(","))
    fraction = cleaned[last + 1 :] if last >= 0 else ""
    lone_dot = last >= 0 and cleaned[last] == "." and cleaned.count(".") == 1 and "," not in cleaned
    if lone_dot and len(fraction) == 3 and exponent < 3:  # 1.234: a thousand, or three decimals? asked
        return AmountProblem.AMBIGUOUS
    thousands_only = last < 0 or (cleaned.count(cleaned[last]) > 1) or (len(fraction) == 3 and exponent < 3)
    whole = cleaned if thousands_only else cleaned[:last]
    fraction = "" if thousands_only else fraction
    if len(fraction) > exponent or not re.fullmatch(r"\d{1,3}([.,]\d{3})*|\d+", whole):
        return AmountProblem.NOT_A_NUMBER
    amount = Decimal(f"{re.sub('[.,]', '', whole)}.{fraction or '0'}")
    if negative and amount:
        return AmountProblem.NEGATIVE
    if amount > MAX_AMOUNT_MAJOR:
        return AmountProblem.ABSURD
    return Money(int(amount * (Decimal(10) ** exponent)), currency.upper())


# Bidirectional overrides and isolates make a name display as something else (a spoofed "Trojan Source"
# string); plain marks (LRM, RLM) and joiners, which Arabic and emoji sequences need, are kept.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def name_problem(text: str) -> str | None:
    """Why a name cannot be stored as typed, or None: override controls and other control characters."""
    if any(ch in BIDI_CONTROLS for ch in text):
        return "bidi_control"
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        return "control_character"
    return None


_YES = {"yes", "y", "true", "1", "x", "granted", "oui", "ja", "si", "sí"}
_NO = {"no", "n", "false", "0", "", "withdrawn", "non", "nein"}


def parse_yes_no(text: str) -> bool | None:
    word = text.strip().casefold()
    return True if word in _YES else False if word in _NO else None
