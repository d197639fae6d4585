"""`dermadesk audit verify` and `dermadesk audit export`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dermadesk.cli.output import CommandEnvironment, print_json

EXIT_TAMPERED = 4


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", help="the audit log: verify its chain, export it")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", parents=[common], help="check every link; exit 4 naming the first bad one")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=verify_command)
    export = actions.add_parser("export", parents=[common], help="entries between two days as CSV")
    export.add_argument("--from", dest="first", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--csv", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=export_command)


def verify_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    # read-only: verifying must never add to the log it checks, and works on a damaged file
    opened = env.workspace.open_read_only(env.db_path(args.db))
    try:
        services = env.services(opened)
        problem = services.audit.verify()
        entries = services.audit.count()
    finally:
        opened.close()
    if args.json:
        print_json(
            {
                "ok": problem is None,
                "entries": entries,
                "first_bad": None
                if problem is None
                else {"id": problem.entry_id, "at": problem.at.isoformat() if problem.at else None, "why": problem.why},
            }
        )
    elif problem is None:
        print(f"Audit log intact: {entries} entries, every link and the sealed head verified.")
    if problem is not None:
        at = problem.at.isoformat() if problem.at else "unknown (entry gone)"
        message = f"audit log tampered: first bad entry #{problem.entry_id} at {at}: {problem.why}"
        print(f"dermadesk: {message}", file=sys.stderr)
        return EXIT_TAMPERED
    return 0


def export_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    if args.last < args.first:
        print("dermadesk: --to must not be before --from", file=sys.stderr)
        return 2
    text, count = env.call(args.db, lambda services: services.audit.export_csv(args.first, args.last))
    # UTF-8 with a BOM so spreadsheets read non-Latin workstation names correctly
    args.csv.write_text(text, encoding="utf-8-sig", newline="")
    print(f"{count} audit entries from {args.first.isoformat()} to {args.last.isoformat()} written to {args.csv}")
    return 0
