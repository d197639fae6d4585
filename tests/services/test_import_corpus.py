"""The bad-import corpus: 40 files another system (or a careless export) might produce. Every one is read
without a crash, every row is imported or reported, and no date is ever read with day and month swapped."""

from __future__ import annotations

import codecs
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.import_columns import ImportKind
from dermadesk.domain.import_values import DateFormat
from dermadesk.services.import_report import ImportReport, RowOutcome
from dermadesk.services.importing import ImportOptions
from dermadesk.services.workspace import Services

P = ImportKind.PATIENTS
H = ImportKind.HISTORY
HEAD = "external_id,given_name,family_name,date_of_birth,phone,email\n"


def dob_rows(dates: list[tuple[str, date]]) -> str:
    """Rows whose external id carries the date each birth date means, to check what was stored."""
    return "".join(f"D:{meant.isoformat()}:{i},Pat,Row{i},{written},,\n" for i, (written, meant) in enumerate(dates))


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    kind: ImportKind = P
    rows: int | None = None  # data rows in the file; None when the file itself is refused
    imports: bool | None = None  # expected whole-file outcome, when the case is about it
    date_format: DateFormat = DateFormat.AUTO


def text(name: str, body: str, rows: int | None, imports: bool | None = None, **kw: object) -> Case:
    return Case(name, body.encode("utf-8"), rows=rows, imports=imports, **kw)  # type: ignore[arg-type]


GOOD = HEAD + "G1,Zoë,Adams,1985-03-14,07700 900123,zoe@example.com\nG2,Omar,Haddad,1979-01-02,,omar@example.com\n"
HIST_HEAD = "patient_external_id,kind,date,amount,summary,product,treatment,direction,channel,nps\n"

CASES = [
    text("utf8", GOOD, 2, True),
    Case("utf8_bom", codecs.BOM_UTF8 + GOOD.encode(), rows=2, imports=True),
    Case("utf16_le_bom", GOOD.encode("utf-16"), rows=2, imports=True),
    Case("utf16_be_bom", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), rows=2, imports=True),
    Case("utf16_le_no_bom", GOOD.encode("utf-16-le"), rows=2, imports=True),
    Case("cp1252", (HEAD + "C1,Chloé,Brontë,1985-03-14,,\nC2,François,Müller,,,\n").encode("cp1252"), rows=2),
    Case("cp1252_undefined_bytes", HEAD.encode() + b"C1,Bad\x81Byte,Name,,,\n", rows=1),
    text("semicolons", GOOD.replace(",", ";"), 2, True),
    text("tabs", GOOD.replace(",", "\t"), 2, True),
    text("quoted_newlines", HEAD + 'Q1,"Ann\nMarie",Lee,,,\n', 1, False),  # a newline in a name is refused
    text("address_newline", 'family_name,address\nLee,"1 High St\nLeeds"\n', 1, True),
    text("crlf", GOOD.replace("\n", "\r\n"), 2, True),
    text("cr_only", GOOD.replace("\n", "\r"), 2, True),
    text("blank_lines", HEAD + "\n\nB1,Ann,Lee,,,\n\n", 1, True),
    text(
        "unambiguous_mixed_dates",
        HEAD
        + dob_rows(
            [
                ("13/04/1985", date(1985, 4, 13)),
                ("04/13/1985", date(1985, 4, 13)),
                ("1990-02-03", date(1990, 2, 3)),
                ("32874", date(1990, 1, 1)),
                ("25.12.1970", date(1970, 12, 25)),
                ("05/05/1999", date(1999, 5, 5)),
                ("19881231", date(1988, 12, 31)),
                ("1975-06-07T00:00:00", date(1975, 6, 7)),
            ]
        ),
        8,
        True,
    ),
    text(
        "ambiguous_dates",
        HEAD
        + dob_rows(
            [("03/04/2021", date(2021, 4, 3)), ("01/02/1980", date(1980, 2, 1)), ("7.8.1990", date(1990, 8, 7))]
        ),
        3,
        False,
    ),
    text(
        "ambiguous_dates_declared_dmy",
        HEAD
        + dob_rows(
            [("03/04/2001", date(2001, 4, 3)), ("01/02/1980", date(1980, 2, 1)), ("13/12/1990", date(1990, 12, 13))]
        ),
        3,
        True,
        date_format=DateFormat.DMY,
    ),
    text(
        "ambiguous_dates_declared_mdy",
        HEAD + dob_rows([("03/04/2001", date(2001, 3, 4)), ("12/13/1990", date(1990, 12, 13))]),
        2,
        True,
        date_format=DateFormat.MDY,
    ),
    text(
        "dmy_file_read_as_mdy",
        HEAD + dob_rows([("13/04/1985", date(1985, 4, 13))]),
        1,
        False,
        date_format=DateFormat.MDY,
    ),
    text("two_digit_years", HEAD + dob_rows([("03/04/85", date(1985, 4, 3)), ("1/1/21", date(2021, 1, 1))]), 2, False),
    text(
        "impossible_dates",
        HEAD + dob_rows([("31/02/1985", date(1985, 2, 28)), ("2021-13-01", date(2021, 1, 13))]),
        2,
        False,
    ),
    text("year_only", HEAD + dob_rows([("1985", date(1985, 1, 1))]), 1, False),
    text("future_birth", HEAD + "F1,Ann,Lee,2099-01-01,,\n", 1, False),
    text(
        "formula_injection",
        HEAD + "I1,=cmd|' /C calc'!A0,Lee,,,\nI2,+SUM(A1),Lee,,,\nI3,-2+3,Lee,,,\nI4,@SUM(1),Lee,,,\n",
        4,
        True,
    ),
    text("ten_mb_cell", HEAD + "T1,Ann," + "x" * 10_000_000 + ",,,\nT2,Bob,Lee,,,\n", 2, False),
    text("bidi_override", HEAD + "B1,\u202eAnn,Lee,,,\nB2,Ann,\u2066Lee\u2069,,,\n", 2, False),
    text(
        "emoji_and_scripts", HEAD + "E1,Zoë 🌸,Adams,,,\nE2,芳,王,,,\nE3,عائشة,👩🏽‍⚕️,,,\nE4,Łukasz,Nowak,,,\n", 4, True
    ),
    text("control_characters", HEAD + "K1,Ann\x07,Lee,,,\n", 1, False),
    text("nul_bytes", HEAD + "N1,An\x00n,Lee,,,\n", 1, True),
    text(
        "duplicate_rows",
        HEAD + "D1,Ann,Lee,,,\nD1,Ann,Lee,,,\nD2,Bob,Lee,,07700 900123,\n,Bob,Lee,,+447700900123,\n",
        4,
        True,
    ),
    text("missing_name_column", "external_id,date_of_birth\nM1,1985-03-14\n", None, False),
    text("header_only", HEAD, 0, True),
    text("ragged_rows", HEAD + "R1,Ann\nR2,Bob,Lee,1985-03-14,,,extra,cells\n", 2, False),
    text(
        "invalid_contacts", HEAD + "V1,Ann,Lee,,12,\nV2,Bob,Lee,,,not-an-email\nV3,Cy,Lee,,+44 7700 900999,\n", 3, False
    ),
    text("too_long_name", HEAD + "L1,Ann," + "L" * 300 + ",,,\n", 1, False),
    text("unterminated_quote", HEAD + 'U1,"Ann,Lee,,,\nU2,Bob,Lee,,,\n', 1, False),
    Case("empty_file", b"", rows=None, imports=False),
    Case("binary_junk", bytes(random.Random(6).randrange(256) for _ in range(5000)), rows=None, imports=False),
    Case(
        "history_amounts",
        (
            HIST_HEAD
            + "G1,purchase,2025-01-10,-10,,Serum,,,,\n"
            + "G1,purchase,2025-01-10,99999999,,Serum,,,,\n"
            + "G1,purchase,2025-01-10,12.3456,,Serum,,,,\n"
            + "G1,purchase,2025-01-10,ten,,Serum,,,,\n"
        ).encode(),
        H,
        rows=4,
        imports=False,
    ),
    Case(
        "history_good_and_repeated",
        (
            HIST_HEAD
            + "G1,treatment,2025-01-10,300,Forehead,,botox,,,\n"
            + 'G1,purchase,10/01/2025,"1.234,50",,Serum,,,,\n'
            + "G2,call,2025-02-01,,Asked about peels,,,in,,\n"
            + "G2,survey,2025-02-04,,,,,,,9\n"
            + "G1,treatment,2025-01-10,300,Forehead,,botox,,,\n"
        ).encode(),
        H,
        rows=5,
        imports=False,  # 10/01/2025 is ambiguous
    ),
    Case(
        "history_unknowns",
        (
            HIST_HEAD
            + "ZZ,purchase,2025-01-10,10,,Serum,,,,\n"
            + "G1,massage,2025-01-10,10,,,,,,\n"
            + "G1,treatment,2025-01-10,10,,,no-such-treatment,,,\n"
            + "G1,call,2030-01-10,,Future call,,,in,,\n"
            + "G1,message,2025-01-10,,Hi,,,sideways,pigeon,\n"
        ).encode(),
        H,
        rows=5,
        imports=False,
    ),
    Case("history_missing_columns", b"patient_external_id,amount\nG1,10\n", H, rows=None, imports=False),
]


def test_the_corpus_has_at_least_thirty_files() -> None:
    assert len(CASES) >= 30 and len({c.name for c in CASES}) == len(CASES)


def _patients(services: Services) -> dict[str, date | None]:
    with services.context.store.read() as uow:
        found = uow.patients.get_many(uow.patients.ids())
    return {p.external_id or str(p.id): p.date_of_birth for p in found.values()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_file_is_read_without_a_crash_and_every_row_accounted_for(
    case: Case, services: Services, tmp_path: Path
) -> None:
    services.imports.run(ImportKind.PATIENTS, _file(tmp_path, "seed.csv", GOOD.encode()))  # G1, G2 for history
    before = _patients(services)
    path = _file(tmp_path, f"{case.name}.csv", case.data)
    options = ImportOptions(case.date_format)
    try:
        checked = services.imports.check(case.kind, path, options)
        report = services.imports.run(case.kind, path, options)
    except DermaDeskError as refused:  # the whole file refused (empty, unreadable): reported, not a crash
        assert refused.code is ErrorCode.INVALID_FIELD and refused.problems
        assert case.rows is None and _patients(services) == before
        return
    assert [r.outcome for r in checked.rows] == [r.outcome for r in report.rows]
    _every_row_accounted_for(case, report)
    if case.imports is not None:
        assert report.imported is case.imports, report.problems
    after = _patients(services)
    if not report.imported:
        assert after == before  # all or nothing
    for external_id, born in after.items():
        if external_id.startswith("D:"):
            assert born == date.fromisoformat(external_id.split(":")[1]), f"{external_id} stored as {born}"


def _every_row_accounted_for(case: Case, report: ImportReport) -> None:
    if case.rows is None:
        assert report.file_problems and not report.imported
        return
    assert len(report.rows) == case.rows
    for result in report.rows:
        if result.outcome is RowOutcome.ERROR:
            assert result.problems and all(p.row == result.row for p in result.problems)
        else:
            assert not result.problems


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


CELL_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from(list(',;"\n\r\t=+-@/.0123456789')),
    max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(list(ImportKind)),
    header=st.lists(
        st.sampled_from(
            [
                "external_id",
                "family_name",
                "date_of_birth",
                "phone",
                "email",
                "kind",
                "date",
                "amount",
                "patient_external_id",
                "summary",
                "x",
            ]
        ),
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(st.lists(CELL_TEXT, max_size=7), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    delimiter=st.sampled_from([",", ";"]),
)
def test_random_files_never_crash(services: Services, tmp_path: Path, kind, header, rows, encoding, delimiter) -> None:  # type: ignore[no-untyped-def]
    lines = [delimiter.join(header)] + [delimiter.join(cells) for cells in rows]
    data = "\n".join(lines).encode(encoding, errors="replace")
    path = _file(tmp_path, "random.csv", data)
    try:
        report = services.imports.check(kind, path)
    except DermaDeskError as refused:
        assert refused.code is ErrorCode.INVALID_FIELD and refused.problems
        return
    if report.file_problems:
        return
    for result in report.rows:
        assert (result.outcome is RowOutcome.ERROR) == bool(result.problems)
