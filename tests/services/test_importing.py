"""Importing patients and history from CSV: encodings, delimiters, dates, matching, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dermadesk.bootstrap import main
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.import_columns import ImportKind
from dermadesk.domain.import_values import DateFormat
from dermadesk.domain.staff import Role, StaffUser
from dermadesk.domain.timeline import EventKind
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.import_report import RowOutcome
from dermadesk.services.importing import ImportOptions
from dermadesk.services.workspace import Services
from tests.conftest import FixedClock, make_workspace

PATIENTS = (
    "external_id,given_name,family_name,date_of_birth,phone,email\n"
    "A1,Zoë,Adams,1985-03-14,07700 900123,zoe@example.com\n"
    "A2,芳,王,1990-07-01,07700 900456,\n"
    '"A3","Łukasz","Nowak","1979-12-31","",lukasz@example.com\n'
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "file.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def names(services: Services) -> set[str]:
    with services.context.store.read() as uow:
        return {p.display_name for p in uow.patients.get_many(uow.patients.ids()).values()}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252"])
def test_every_encoding_reads_the_same_names(services: Services, tmp_path: Path, encoding: str) -> None:
    western = PATIENTS.replace("芳,王", "Chloé,Brontë").replace("Łukasz", "Lukasz")
    text = western if encoding == "cp1252" else PATIENTS
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    report = services.imports.run(ImportKind.PATIENTS, path)
    assert report.ok and report.imported and report.created == 3, report.problems
    expected = (
        {"Zoë Adams", "Chloé Brontë", "Lukasz Nowak"} if encoding == "cp1252" else {"Zoë Adams", "Łukasz Nowak", "王芳"}
    )
    assert names(services) == expected


def test_semicolons_quoted_newlines_and_excel_serial_dates(services: Services, tmp_path: Path) -> None:
    text = 'Surname;First name;DOB;Mobile;Address\nAdams;Zoë;32874;07700 900123;"1 High St\nLeeds"\n'
    report = services.imports.run(ImportKind.PATIENTS, write(tmp_path, text))
    assert report.imported, report.problems
    assert report.delimiter == ";" and report.mapping["family_name"] == 0
    with services.context.store.read() as uow:
        patient = uow.patients.get(uow.patients.ids()[0])
    assert patient is not None
    assert patient.date_of_birth == date(1990, 1, 1)  # Excel shows 32874 as 1 Jan 1990
    assert patient.phone == "+447700900123" and patient.address == "1 High St\nLeeds"


def test_an_ambiguous_date_is_reported_not_guessed(services: Services, tmp_path: Path) -> None:
    text = "family_name,date_of_birth\nAdams,03/04/1985\nBrown,25/12/1980\n"
    path = write(tmp_path, text)
    report = services.imports.run(ImportKind.PATIENTS, path)
    assert not report.imported and names(services) == set()
    bad = [r for r in report.rows if r.outcome is RowOutcome.ERROR]
    assert [(r.row, r.problems[0].field, r.problems[0].problem) for r in bad] == [
        (2, "date_of_birth", "ambiguous_date")
    ]
    report = services.imports.run(ImportKind.PATIENTS, path, ImportOptions(DateFormat.DMY))
    assert report.imported
    with services.context.store.read() as uow:
        births = {p.family_name: p.date_of_birth for p in uow.patients.get_many(uow.patients.ids()).values()}
    assert births == {"Adams": date(1985, 4, 3), "Brown": date(1980, 12, 25)}


def test_a_bad_row_stops_the_whole_file_and_every_bad_row_is_named(services: Services, tmp_path: Path) -> None:
    text = PATIENTS + "A4,Bad,Phone,1980-01-01,12,\nA5,Bad,Mail,1980-01-01,,not-an-email\n"
    report = services.imports.run(ImportKind.PATIENTS, write(tmp_path, text))
    assert not report.imported and names(services) == set()
    assert [(p.row, p.field, p.problem) for p in report.problems] == [
        (5, "phone", "invalid_phone"),
        (6, "email", "invalid_email"),
    ]


def test_importing_the_same_file_twice_creates_nothing_new(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path, PATIENTS)
    assert services.imports.run(ImportKind.PATIENTS, path).created == 3
    again = services.imports.run(ImportKind.PATIENTS, path)
    assert again.imported and again.created == 0 and again.count(RowOutcome.EXISTING) == 3
    # the same people without their external ids are matched by phone, then e-mail
    no_ids = "given_name,family_name,phone,email\nZoë,Adams,+44 7700 900123,\nŁukasz,Nowak,,LUKASZ@example.com\n"
    third = services.imports.run(ImportKind.PATIENTS, write(tmp_path, no_ids, name="b.csv"))
    assert third.created == 0 and third.count(RowOutcome.EXISTING) == 2
    assert services.patients.count() == 3


def test_history_rows_are_deduplicated_on_a_second_import(services: Services, tmp_path: Path) -> None:
    services.imports.run(ImportKind.PATIENTS, write(tmp_path, PATIENTS))
    history = (
        "patient_external_id,kind,date,amount,summary,product,treatment,direction,channel,nps\n"
        "A1,treatment,2025-01-10,300.00,Forehead,,botox,,,\n"
        'A1,purchase,2025-01-10,"1.234,50",,Serum,,,,\n'
        "A2,call,2025-02-01,,Asked about peels,,,in,,\n"
        "A2,message,2025-02-02,,Reminder sent,,,out,sms,\n"
        "A3,note,2025-02-03,,Prefers mornings,,,,,\n"
        "A3,survey,2025-02-04,,,,,,,9\n"
        "A1,payment,2025-03-01,900,Course of three,,,,,\n"
        'A1,purchase,2025-01-10,"1.234,50",,Serum,,,,\n'
    )
    path = write(tmp_path, history, name="h.csv")
    first = services.imports.run(ImportKind.HISTORY, path)
    assert first.imported and first.created == 7, first.problems
    assert first.rows[-1].outcome is RowOutcome.REPEATED and first.rows[-1].same_as_row == 3
    second = services.imports.run(ImportKind.HISTORY, path)
    assert second.imported and second.created == 0
    with services.context.store.read() as uow:
        a1 = uow.patients.by_external_id("A1")
        assert a1 is not None and a1.id is not None
        kinds = uow.timeline.kinds_count(a1.id)
        serum = uow.timeline.page(a1.id, kinds=[EventKind.PURCHASE])[0]
    assert kinds == {EventKind.TREATMENT: 1, EventKind.PURCHASE: 1, EventKind.PACKAGE: 1}
    assert serum.amount is not None and serum.amount.minor == 123450


def test_history_for_an_unknown_patient_or_with_a_negative_amount_is_reported(
    services: Services, tmp_path: Path
) -> None:
    services.imports.run(ImportKind.PATIENTS, write(tmp_path, PATIENTS))
    history = (
        "patient_external_id,kind,date,amount,product\n"
        "ZZ,purchase,2025-01-10,10,Serum\n"
        "A1,purchase,2025-01-10,-10,Serum\n"
    )
    report = services.imports.run(ImportKind.HISTORY, write(tmp_path, history, name="h.csv"))
    assert not report.imported
    assert [(p.row, p.field, p.problem) for p in report.problems] == [
        (2, "patient", "patient_not_found"),
        (3, "amount", "not_negative"),
    ]


def test_a_missing_column_refuses_the_file_naming_it(services: Services, tmp_path: Path) -> None:
    report = services.imports.run(ImportKind.HISTORY, write(tmp_path, "patient_external_id,amount\nA1,10\n"))
    assert not report.imported
    assert {(p.field, p.problem) for p in report.file_problems} == {
        ("kind", "missing_column"),
        ("date", "missing_column"),
    }


def test_a_receptionist_may_import_contacts_but_not_treatments(
    services: Services, tmp_path: Path, opened: OpenedDatabase, clock: FixedClock
) -> None:
    services.imports.run(ImportKind.PATIENTS, write(tmp_path, PATIENTS))
    lily = make_workspace(clock).services(opened, StaffUser("lily", "Lily", Role.RECEPTIONIST, id=None))
    history = "patient_external_id,kind,date,amount,treatment\nA1,treatment,2025-01-10,300,botox\n"
    report = lily.imports.run(ImportKind.HISTORY, write(tmp_path, history, name="h.csv"))
    assert not report.imported and report.problems[0].problem == "not_permitted"
    signed_out = make_workspace(clock).services(opened, None)
    with pytest.raises(DermaDeskError) as refused:
        signed_out.imports.run(ImportKind.PATIENTS, write(tmp_path, PATIENTS, name="p.csv"))
    assert refused.value.code is ErrorCode.PERMISSION_DENIED


def test_the_command_line_checks_then_imports(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "family_name,date_of_birth\nAdams,03/04/1985\n")
    assert main(["import", "patients", str(path), "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "row 2: date_of_birth could be day/month or month/day" in captured.err
    assert "Nothing was imported" in captured.out
    assert main(["import", "patients", str(path), "--db", str(db_path), "--date-format", "dmy", "--check"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert main(["import", "patients", str(path), "--db", str(db_path), "--date-format", "dmy"]) == 0
    assert "Imported: 1 created" in capsys.readouterr().out


def test_marketing_decisions_of_the_old_system_come_along(services: Services, tmp_path: Path) -> None:
    text = "external_id,family_name,SMS opt-in,Newsletter\nM1,Adams,yes,no\nM2,Brown,,\nM3,Cole,maybe,\n"
    report = services.imports.run(ImportKind.PATIENTS, write(tmp_path, text))
    assert [(p.row, p.field, p.problem) for p in report.problems] == [(4, "marketing_sms", "unknown_choice")]
    report = services.imports.run(ImportKind.PATIENTS, write(tmp_path, text.replace("maybe", "n"), name="b.csv"))
    assert report.imported
    with services.context.store.read() as uow:
        ids = {p.external_id: p.id for p in uow.patients.get_many(uow.patients.ids()).values()}
        decisions = {
            (ext, c.kind.value): c.granted
            for ext, pid in ids.items()
            for c in uow.patients.consents(pid)  # type: ignore[arg-type]
        }
        consented = uow.patients.marketing_consented()
    assert decisions == {
        ("M1", "marketing_sms"): True,
        ("M1", "marketing_email"): False,
        ("M3", "marketing_sms"): False,
    }
    assert consented == {ids["M1"]}


def test_a_missing_file_is_an_error_naming_it(services: Services, tmp_path: Path) -> None:
    for path in (tmp_path / "nowhere.csv", tmp_path):
        with pytest.raises(DermaDeskError) as refused:
            services.imports.check(ImportKind.PATIENTS, path)
        assert [(p.field, p.problem) for p in refused.value.problems] == [("file", "unreadable_file")]


class CancelAfter:
    """A reporter whose user presses Cancel once the import has started writing."""

    def __init__(self) -> None:
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))

    def cancelled(self) -> bool:
        return any(message == "Importing rows" and done >= 500 for done, _, message in self.reports)


def test_cancel_during_an_import_leaves_nothing_behind(services: Services, tmp_path: Path) -> None:
    rows = "".join(f"C{i},Given{i},Family{i}\n" for i in range(1200))
    path = write(tmp_path, "external_id,given_name,family_name\n" + rows)
    progress = CancelAfter()
    with pytest.raises(DermaDeskError) as cancelled:
        services.imports.run(ImportKind.PATIENTS, path, progress=progress)
    assert cancelled.value.code is ErrorCode.CANCELLED
    assert ("Checking rows" in {m for _, _, m in progress.reports}) and progress.reports[-1][0] == 500
    assert services.patients.count() == 0
