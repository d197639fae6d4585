"""`dermadesk import patients|history FILE.csv`: check every row, then import all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dermadesk.cli.output import CommandEnvironment
from dermadesk.domain.import_columns import COLUMNS, ImportKind
from dermadesk.domain.import_values import DateFormat
from dermadesk.services.import_report import ImportReport, RowOutcome
from dermadesk.services.import_report_csv import report_csv, report_lines
from dermadesk.services.importing import ImportOptions

EXIT_REFUSED = 1
SHOWN_PROBLEMS = 50


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("import", help="import patients or their history from another system's CSV")
    kinds = parser.add_subparsers(dest="import_kind", metavar="WHAT", required=True)
    for kind in ImportKind:
        sub = kinds.add_parser(kind.value, parents=[common], help=f"import {kind.value} (columns: see README)")
        sub.add_argument("file", type=Path, metavar="FILE.csv")
        sub.add_argument(
            "--date-format",
            choices=[f.value for f in DateFormat],
            default=DateFormat.AUTO.value,
            help="dmy (03/04/2021 = 3 April) or mdy (= March 4); auto refuses dates that could be either",
        )
        sub.add_argument("--map", action="append", default=[], metavar="COLUMN=HEADER", help="match a column by hand")
        sub.add_argument("--check", action="store_true", help="a dry run: report every row, write nothing")
        sub.add_argument("--report", type=Path, metavar="FILE.csv", help="write the row-by-row report here")
        sub.set_defaults(handler=import_command, kind=kind)


def import_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    kind: ImportKind = args.kind
    opened = env.open(args.db)
    try:
        imports = env.services(opened).imports
        options = ImportOptions(
            DateFormat(args.date_format), _mapping(kind, args.map, imports.preview(kind, args.file))
        )
        report = (imports.check if args.check else imports.run)(kind, args.file, options)
    finally:
        opened.close()
    if args.report:
        args.report.write_text(report_csv(report), encoding="utf-8-sig")
    _print(report, args.check)
    return 0 if report.ok else EXIT_REFUSED


def _mapping(kind: ImportKind, pairs: list[str], preview) -> dict[str, int] | None:  # type: ignore[no-untyped-def]
    if not pairs:
        return None
    mapping = dict(preview.mapping)
    names = {c.name for c in COLUMNS[kind]}
    for pair in pairs:
        column, _, header = pair.partition("=")
        if column not in names or header not in preview.headers:
            raise SystemExit(f"dermadesk: --map {pair}: no column {column!r} or no header {header!r} in the file")
        mapping = {c: p for c, p in mapping.items() if p != preview.headers.index(header)}
        mapping[column] = preview.headers.index(header)
    return mapping


def _print(report: ImportReport, check: bool) -> None:
    counts = {o: report.count(o) for o in RowOutcome}
    print(
        f"{len(report.rows)} rows ({report.encoding}, '{report.delimiter}'): {counts[RowOutcome.NEW]} new, "
        f"{counts[RowOutcome.EXISTING]} already present, {counts[RowOutcome.REPEATED]} repeated in the file, "
        f"{counts[RowOutcome.ERROR]} with errors."
    )
    problems = [line for line in report_lines(report) if line[6]]
    for row, _, _, _, _, header, problem in problems[:SHOWN_PROBLEMS]:
        print(f"  row {row}: {header} {problem}", file=sys.stderr)
    if len(problems) > SHOWN_PROBLEMS:
        print(f"  … and {len(problems) - SHOWN_PROBLEMS} more (see --report)", file=sys.stderr)
    if check:
        print("Dry run: nothing was written.")
    elif report.imported:
        print(f"Imported: {report.created} created.")
    else:
        print("Nothing was imported: correct the rows above and run again (a file imports all or nothing).")
