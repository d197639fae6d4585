"""Importing patients and their history from another system's CSV: checked row by row, all or nothing."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.errors import FieldProblem
from dermadesk.domain.import_columns import COLUMNS, ImportKind, auto_mapping, missing_columns
from dermadesk.domain.import_values import DateFormat
from dermadesk.domain.ports import ProgressReporter, SilentProgress
from dermadesk.domain.staff import Permission
from dermadesk.services.context import ServiceContext
from dermadesk.services.import_file import RawTable, read_table
from dermadesk.services.import_plans import HistoryPlan, PatientPlan
from dermadesk.services.import_report import ImportReport
from dermadesk.store.unit_of_work import UnitOfWork

PREVIEW_ROWS = 10


@dataclass(frozen=True)
class ImportOptions:
    date_format: DateFormat = DateFormat.AUTO
    mapping: Mapping[str, int] | None = None  # column name -> header position; None = the automatic matches


@dataclass(frozen=True)
class ImportPreview:
    headers: list[str]
    first_rows: list[list[str]]
    row_count: int
    encoding: str
    delimiter: str
    mapping: dict[str, int]


class ImportService:
    def __init__(self, context: ServiceContext) -> None:
        self._ctx = context

    def preview(self, kind: ImportKind, path: Path) -> ImportPreview:
        """The file's first rows and the automatic column matches (patient data on screen: audited as a view)."""
        self._require(kind)
        table = read_table(path)
        with self._ctx.store.write() as uow:
            self._ctx.audit(uow, AuditAction.VIEW, f"import_preview:{kind.value}", len(table.rows))
        return ImportPreview(
            table.headers,
            [cells for _, cells in table.rows[:PREVIEW_ROWS]],
            len(table.rows),
            table.encoding,
            table.delimiter,
            auto_mapping(kind, table.headers),
        )

    def check(
        self,
        kind: ImportKind,
        path: Path,
        options: ImportOptions | None = None,
        progress: ProgressReporter | None = None,
    ) -> ImportReport:
        """A dry run: every row's outcome, nothing written."""
        self._require(kind)
        table = read_table(path)
        with self._ctx.store.write() as uow:
            report = self._plan(uow, kind, table, options or ImportOptions(), progress, write=False)
            # the row count, not the file name: a name like "jane-doe.csv" would outlive an erasure in the log
            self._ctx.audit(uow, AuditAction.VIEW, f"import_check:{kind.value}", len(table.rows))
        return report

    def run(
        self,
        kind: ImportKind,
        path: Path,
        options: ImportOptions | None = None,
        progress: ProgressReporter | None = None,
    ) -> ImportReport:
        """Import the whole file in one transaction, or nothing if any row is refused (the report says why).
        Cancel (through the progress reporter) rolls the whole file back."""
        self._require(kind)
        table = read_table(path)
        with self._ctx.store.write() as uow:
            report = self._plan(uow, kind, table, options or ImportOptions(), progress, write=False)
            if report.ok:  # every row checked first: nothing is written for a file with a bad row
                report = self._plan(uow, kind, table, options or ImportOptions(), progress, write=True)
            outcome = "ok" if report.imported else "refused"
            self._ctx.audit(uow, AuditAction.CREATE, f"import:{kind.value}", report.created, outcome=outcome)
        return report

    def _require(self, kind: ImportKind) -> None:
        permission = Permission.EDIT_PATIENTS if kind is ImportKind.PATIENTS else Permission.LOG_INTERACTIONS
        self._ctx.require(permission, f"import {kind.value}")

    def _plan(
        self,
        uow: UnitOfWork,
        kind: ImportKind,
        table: RawTable,
        options: ImportOptions,
        progress: ProgressReporter | None,
        *,
        write: bool,
    ) -> ImportReport:
        mapping = dict(options.mapping) if options.mapping is not None else auto_mapping(kind, table.headers)
        base = ImportReport(kind, table.encoding, table.delimiter, tuple(table.headers), mapping)
        known = {column.name for column in COLUMNS[kind]}
        problems = [FieldProblem(c, "unknown_choice", 1) for c, pos in mapping.items() if c not in known]
        problems += [
            FieldProblem(c, "not_in_file", 1) for c, pos in mapping.items() if not 0 <= pos < len(table.headers)
        ]
        problems += [FieldProblem(c, "missing_column", 1) for c in missing_columns(kind, mapping)]
        if problems:
            return dataclasses.replace(base, file_problems=tuple(problems))
        planner = PatientPlan if kind is ImportKind.PATIENTS else HistoryPlan
        plan = planner(self._ctx, uow, options.date_format, write, progress or SilentProgress())
        results, created = plan.rows(table, mapping)
        report = dataclasses.replace(base, rows=tuple(results), created=created if write else 0)
        return dataclasses.replace(report, imported=write and report.ok)
