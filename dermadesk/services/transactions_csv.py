"""Reading another system's transactions export (patient_id,date,amount) with row-numbered errors."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from dermadesk.domain.dates import day_number
from dermadesk.domain.errors import FieldProblem, require_valid
from dermadesk.domain.money import Money
from dermadesk.domain.patients import Patient
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.store.engine import open_memory
from dermadesk.store.unit_of_work import Store

COLUMNS = ("patient_id", "date", "amount")


@dataclass(frozen=True)
class Transaction:
    patient: str
    day: date
    amount: Money


def read_transactions(path: Path, currency: str) -> list[Transaction]:
    """Every row, or one error naming every bad row (row 2 is the first data row, as a spreadsheet shows)."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        require_valid([FieldProblem(c, "required", row=1) for c in missing])
        rows, problems = [], []
        for number, row in enumerate(reader, start=2):
            parsed = _parse(row, number, currency, problems)
            if parsed:
                rows.append(parsed)
    require_valid(problems)
    return rows


def _parse(row: dict[str, str], number: int, currency: str, problems: list[FieldProblem]) -> Transaction | None:
    patient = (row.get("patient_id") or "").strip()
    if not patient:
        problems.append(FieldProblem("patient_id", "required", number))
    try:
        day = date.fromisoformat((row.get("date") or "").strip())
    except ValueError:
        problems.append(FieldProblem("date", "not_a_date", number))
        return None
    try:
        amount = Money.parse(row.get("amount") or "", currency)
    except ValueError:
        problems.append(FieldProblem("amount", "not_a_number", number))
        return None
    return Transaction(patient, day, amount) if patient else None


def load_into_memory(path: Path, currency: str) -> tuple[Store, dict[int, str]]:
    """The CSV as a private in-memory clinic (each patient_id one patient, each row a purchase), so it goes
    through exactly the queries and scoring of a real clinic database. Returns the store and id -> name."""
    transactions = read_transactions(path, currency)
    names = sorted({t.patient for t in transactions})
    ids = {name: i + 1 for i, name in enumerate(names)}
    store = Store(open_memory(), currency)
    moment = datetime(2000, 1, 1, tzinfo=UTC)
    with store.write() as uow:
        uow.bulk.patients([Patient("", name, id=ids[name], external_id=name) for name in names], [], moment)
        uow.bulk.events(
            [
                (
                    TimelineEvent(
                        ids[t.patient],
                        EventKind.PURCHASE,
                        datetime.combine(t.day, time(12), tzinfo=UTC),
                        amount=t.amount,
                    ),
                    day_number(t.day),
                )
                for t in transactions
            ]
        )
    return store, {i: name for name, i in ids.items()}
