"""`dermadesk timeline`, `dermadesk print aftercare|onboarding` and `dermadesk report monthly`."""

from __future__ import annotations

import argparse
from pathlib import Path

from dermadesk.cli.output import CommandEnvironment, print_json
from dermadesk.domain.timeline import EventKind

PAGE = 100_000  # the command line reads a whole timeline


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    timeline = commands.add_parser("timeline", parents=[common], help="a patient's events with their ids")
    timeline.add_argument("--patient", type=int, required=True, metavar="ID")
    timeline.add_argument("--kind", choices=[k.value for k in EventKind])
    timeline.add_argument("--json", action="store_true")
    timeline.set_defaults(handler=timeline_command)

    printing = commands.add_parser("print", help="after-care and onboarding packets as PDF")
    actions = printing.add_subparsers(dest="print_command", metavar="PACKET", required=True)
    aftercare = actions.add_parser("aftercare", parents=[common], help="the packet of a treatment's visit")
    aftercare.add_argument("--event", type=int, required=True, metavar="ID", help="a treatment event")
    onboarding = actions.add_parser("onboarding", parents=[common], help="a new patient's welcome pack")
    onboarding.add_argument("--patient", type=int, required=True, metavar="ID")
    for parser, handler in ((aftercare, aftercare_command), (onboarding, onboarding_command)):
        parser.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
        parser.add_argument("--language", choices=["en", "zh_CN"], help="default: the patient's own")
        parser.set_defaults(handler=handler)

    report = commands.add_parser("report", help="the owner's reports")
    reports = report.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    monthly = reports.add_parser("monthly", parents=[common], help="the monthly tier report of a stored review")
    monthly.add_argument("--month", required=True, metavar="YYYY-MM")
    monthly.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    monthly.add_argument("--csv", type=Path, metavar="FILE.csv")
    monthly.add_argument("--language", choices=["en", "zh_CN"], default="en")
    monthly.set_defaults(handler=monthly_command)


def timeline_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    opened = env.open(args.db)
    try:
        kinds = [EventKind(args.kind)] if args.kind else []
        events = env.services(opened).timeline.page(args.patient, kinds=kinds, limit=PAGE)
    finally:
        opened.close()
    rows = [
        {
            "id": e.id,
            "kind": e.kind.value,
            "at": e.occurred_at.isoformat(),
            "summary": e.summary,
            "amount": e.amount.format_plain() if e.amount else None,
            "details": dict(e.details),
        }
        for e in events
    ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"#{row['id']:<8} {row['at'][:16]}  {row['kind']:<15} {row['summary']}")
    return 0


def aftercare_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    return _write(env, args, lambda s: s.packets.aftercare(args.event, args.language, record=True).pdf)


def onboarding_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    return _write(env, args, lambda s: s.packets.onboarding(args.patient, args.language, record=True).pdf)


def monthly_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    opened = env.open(args.db)
    try:
        reports = env.services(opened).reports
        report, pdf = reports.monthly_pdf(args.month, args.language)
        csv_text = reports.monthly_csv(report) if args.csv else ""
    finally:
        opened.close()
    args.output.write_bytes(pdf)
    if args.csv:
        args.csv.write_text(csv_text, encoding="utf-8-sig")
    print(f"Monthly report {args.month} written to {args.output}" + (f" and {args.csv}" if args.csv else ""))
    return 0


def _write(env: CommandEnvironment, args: argparse.Namespace, build) -> int:  # type: ignore[no-untyped-def]
    pdf = env.call(args.db, build)
    args.output.write_bytes(pdf)
    print(f"Written to {args.output}; logged on the patient's timeline.")
    return 0
