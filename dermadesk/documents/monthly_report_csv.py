"""The monthly tier report's figures as CSV: the same numbers the PDF prints, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import os
from typing import TextIO

from dermadesk.documents.formatting import catalogue_for
from dermadesk.documents.monthly_report_figures import figure_rows, report_figures
from dermadesk.documents.monthly_report_labels import LABELS
from dermadesk.domain.csv_safety import safe_row
from dermadesk.domain.printables import MonthlyTierReport

HEADER = ("month", "section", "code", "item", "measure", "value", "unit")


def write_monthly_report_csv(report: MonthlyTierReport, target: str | os.PathLike[str] | TextIO) -> None:
    """One row per figure. A path is written as UTF-8 with a BOM, so spreadsheets read 王芳 correctly."""
    words = catalogue_for(LABELS, report.language)
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8-sig", newline="") as handle:
            _write(report, words, handle)
    else:
        _write(report, words, target)


def _write(report: MonthlyTierReport, words: dict[str, str], handle: TextIO) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in figure_rows(report_figures(report, words)):
        cells = (report.month, row.section, row.code, row.item, row.measure, row.value, row.unit)
        writer.writerow(safe_row(cells))
