"""One CSV row as named cells: looked up through the column mapping, with the cap on cell size."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dermadesk.domain.errors import FieldProblem
from dermadesk.domain.import_values import DateFormat, DateProblem, parse_date
from dermadesk.services.import_file import MAX_CELL_CHARS


@dataclass
class RowCells:
    """Cells of one row by column name; problems found while reading them collect in `problems`."""

    number: int
    cells: Sequence[str]
    mapping: Mapping[str, int]
    date_format: DateFormat
    width: int  # the header's cell count
    problems: list[FieldProblem] = field(default_factory=list)

    def unfit(self) -> bool:
        """Report every cell over the cap (named by its column), and cells past the header's last column (an
        unquoted comma shifts every later cell: better refused than stored in the wrong field)."""
        if any(cell.strip() for cell in self.cells[self.width :]):
            self.problem("row", "extra_cells")
        by_position = {pos: name for name, pos in self.mapping.items()}
        for position, cell in enumerate(self.cells):
            if len(cell) > MAX_CELL_CHARS:
                self.problem(by_position.get(position, f"column {position + 1}"), "too_long")
        return bool(self.problems)

    def get(self, name: str) -> str:
        position = self.mapping.get(name)
        if position is None or position >= len(self.cells):
            return ""
        return self.cells[position].strip()

    def has(self, name: str) -> bool:
        return bool(self.get(name))

    def problem(self, name: str, code: str) -> None:
        self.problems.append(FieldProblem(name, code, self.number))

    def date(self, name: str, *, required: bool = False) -> date | None:
        text = self.get(name)
        if not text:
            if required:
                self.problem(name, "required")
            return None
        parsed = parse_date(text, self.date_format)
        if isinstance(parsed, DateProblem):
            self.problem(name, parsed.value)
            return None
        return parsed

    def integer(self, name: str, low: int, high: int) -> int | None:
        text = self.get(name)
        if not text:
            return None
        try:
            value = int(float(text.replace(",", ".")))
        except (ValueError, OverflowError):
            self.problem(name, "not_a_number")
            return None
        if not low <= value <= high:
            self.problem(name, "out_of_range")
            return None
        return value

    def choice(self, name: str, words: Mapping[str, str]) -> str | None:
        """The canonical value for a cell among `words` (folded synonyms), None if blank."""
        text = self.get(name).casefold().replace("-", "_").replace(" ", "_")
        if not text:
            return None
        if text not in words:
            self.problem(name, "unknown_choice")
            return None
        return words[text]
