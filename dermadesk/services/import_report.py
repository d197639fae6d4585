"""What an import found, row by row: created, already there, repeated in the file, or refused and why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dermadesk.domain.errors import FieldProblem
from dermadesk.domain.import_columns import ImportKind


class RowOutcome(StrEnum):
    NEW = "new"  # created (or, in a check, would be)
    EXISTING = "existing"  # already in the clinic: nothing created
    REPEATED = "repeated"  # the same record as an earlier row of the file
    ERROR = "error"


@dataclass(frozen=True)
class RowResult:
    row: int
    outcome: RowOutcome
    patient_id: int | None = None
    same_as_row: int | None = None
    problems: tuple[FieldProblem, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    kind: ImportKind
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    mapping: dict[str, int]
    rows: tuple[RowResult, ...] = ()
    file_problems: tuple[FieldProblem, ...] = ()
    imported: bool = False  # True once written; a check, or a file with errors, writes nothing
    created: int = 0

    def count(self, outcome: RowOutcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def ok(self) -> bool:
        return not self.file_problems and not any(r.outcome is RowOutcome.ERROR for r in self.rows)

    @property
    def problems(self) -> list[FieldProblem]:
        return list(self.file_problems) + [p for r in self.rows for p in r.problems]

    def column_header(self, column: str) -> str:
        """The file's own header for one of our columns, to name it the way the user sees it."""
        position = self.mapping.get(column)
        return self.headers[position] if position is not None and position < len(self.headers) else column
