"""Values as other systems write them: dates never guessed, amounts in either convention, names checked."""

from __future__ import annotations

from datetime import date

import pytest

from dermadesk.domain.import_values import (
    AmountProblem,
    DateFormat,
    DateProblem,
    name_problem,
    parse_amount,
    parse_date,
)
from dermadesk.domain.money import Money


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("2021-04-03", DateFormat.AUTO, date(2021, 4, 3)),
        ("03/04/2021", DateFormat.AUTO, DateProblem.AMBIGUOUS),
        ("03/04/2021", DateFormat.DMY, date(2021, 4, 3)),
        ("03/04/2021", DateFormat.MDY, date(2021, 3, 4)),
        ("13/04/2021", DateFormat.AUTO, date(2021, 4, 13)),
        ("04/13/2021", DateFormat.AUTO, date(2021, 4, 13)),
        ("04/13/2021", DateFormat.DMY, DateProblem.NOT_A_DATE),  # a stated order is never second-guessed
        ("04/04/2021", DateFormat.AUTO, date(2021, 4, 4)),  # both readings are the same day
        ("44289", DateFormat.AUTO, date(2021, 4, 3)),  # Excel's serial for 3 April 2021
        ("1985", DateFormat.AUTO, DateProblem.NOT_A_DATE),
        ("3/4/21", DateFormat.DMY, DateProblem.NOT_A_DATE),
        ("29/02/2021", DateFormat.DMY, DateProblem.NOT_A_DATE),
    ],
)
def test_dates(text: str, fmt: DateFormat, expected: object) -> None:
    assert parse_date(text, fmt) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.50", 123450),
        ("1.234,50", 123450),
        ("£ 80", 8000),
        ("80,5", 8050),
        ("1,234", 123400),
        ("1 234,00", 123400),
        ("-10", AmountProblem.NEGATIVE),
        ("(10.00)", AmountProblem.NEGATIVE),
        ("2000000", AmountProblem.ABSURD),
        ("12.345", AmountProblem.AMBIGUOUS),
        ("1.234.567,89", AmountProblem.ABSURD),
        ("1.234,5", 123450),
        ("12.3456", AmountProblem.NOT_A_NUMBER),
        ("ten", AmountProblem.NOT_A_NUMBER),
        ("1e3", AmountProblem.NOT_A_NUMBER),
        ("NaN", AmountProblem.NOT_A_NUMBER),
    ],
)
def test_amounts(text: str, expected: object) -> None:
    parsed = parse_amount(text, "GBP")
    assert (parsed.minor if isinstance(parsed, Money) else parsed) == expected


def test_names_keep_scripts_and_emoji_but_not_direction_overrides() -> None:
    for name in ("Zoë", "王芳", "عائشة", "👩🏽‍⚕️ Ana", "Łukasz"):
        assert name_problem(name) is None
    assert name_problem("Ann\u202eeL") == "bidi_control"
    assert name_problem("\u2066Lee\u2069") == "bidi_control"
    assert name_problem("Ann\x07") == "control_character"
