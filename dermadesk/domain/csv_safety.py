"""CSV cells that are safe to open in a spreadsheet (OWASP "CSV Injection").

A cell that starts with = + - @ (or a tab, carriage return or line feed, which some spreadsheets skip before
reading a formula) is read as a formula by Excel, LibreOffice and Google Sheets: `=HYPERLINK(...)` can leak
data and `=cmd|...` can run programs. A leading apostrophe makes the spreadsheet show the cell as text. The
full-width forms are included because some spreadsheets normalise them to their ASCII twins."""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")


def neutralise(cell: object) -> str:
    """The cell as text, with a leading apostrophe if a spreadsheet would read it as a formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text and text[0] in FORMULA_STARTS else text


def neutralise_row(cells: Iterable[object]) -> list[str]:
    return [neutralise(cell) for cell in cells]


def is_dangerous(cell: str) -> bool:
    """True for a cell a spreadsheet would evaluate: for tests and import checks."""
    return bool(cell) and cell[0] in FORMULA_STARTS
