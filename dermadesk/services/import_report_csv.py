"""An import's row-by-row report as CSV (it quotes the file's own cells, so they are made spreadsheet-safe)."""

from __future__ import annotations

import csv
import io

from dermadesk.domain.csv_safety import safe_row
from dermadesk.domain.messages import PROBLEMS
from dermadesk.services.import_report import ImportReport

HEADER = ("row", "outcome", "patient_id", "same_as_row", "column", "file_column", "problem")


def report_lines(report: ImportReport) -> list[list[str]]:
    """One line per problem (a row with three problems has three lines), one per row without."""
    lines = [
        ["1", "error", "", "", p.field, report.column_header(p.field), PROBLEMS.get(p.problem, p.problem)]
        for p in report.file_problems
    ]
    for r in report.rows:
        base = [str(r.row), r.outcome.value, str(r.patient_id or ""), str(r.same_as_row or "")]
        if not r.problems:
            lines.append([*base, "", "", ""])
        for p in r.problems:
            lines.append([*base, p.field, report.column_header(p.field), PROBLEMS.get(p.problem, p.problem)])
    return lines


def report_csv(report: ImportReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(safe_row(line) for line in report_lines(report))
    return out.getvalue()
