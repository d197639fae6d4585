"""Cells a spreadsheet would run as a formula, neutralised the OWASP way (a leading apostrophe)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# OWASP "CSV Injection": = + - @ tab and carriage return start a formula or a DDE call. Full-width forms are
# included because some spreadsheets fold them to ASCII before parsing; leading spaces do not disarm a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def is_dangerous(text: str) -> bool:
    """Whether a spreadsheet could evaluate this cell: a formula start, after any leading spaces, that is not
    simply a signed number such as -420.00 (which a spreadsheet reads as the number it is)."""
    stripped = text.lstrip(" ")
    return stripped.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(stripped)


def safe_cell(value: object) -> str:
    """The cell as text, with a leading apostrophe if a spreadsheet would run it; numbers stay numbers."""
    text = "" if value is None else str(value)
    return "'" + text if is_dangerous(text) else text


def safe_row(cells: Iterable[object]) -> list[str]:
    return [safe_cell(cell) for cell in cells]
