"""`dermadesk privacy export|erase|withdraw-marketing`: a patient's requests about their own data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dermadesk.cli.output import CommandEnvironment

EXIT_ERROR = 1
EXIT_NOT_CONFIRMED = 2


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    privacy = commands.add_parser("privacy", help="a patient's requests: a copy of their data, erasure, no marketing")
    actions = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common], help="the patient's data as JSON and a readable PDF")
    export.add_argument("--patient", type=int, required=True, metavar="ID")
    export.add_argument("--to", type=Path, required=True, metavar="DIR", help="folder for the two files")
    export.set_defaults(handler=export_command)
    erase = actions.add_parser("erase", parents=[common], help="erase the patient's personal data (owner)")
    erase.add_argument("--patient", type=int, required=True, metavar="ID")
    erase.add_argument("--reason", required=True, metavar="TEXT", help="why (kept with the decision)")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    erase.set_defaults(handler=erase_command)
    withdraw = actions.add_parser("withdraw-marketing", parents=[common], help="no more marketing, in one action")
    withdraw.add_argument("--patient", type=int, required=True, metavar="ID")
    withdraw.set_defaults(handler=withdraw_command)


def export_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    export = env.call(args.db, lambda services: services.privacy.access_export(args.patient))
    stem = args.to / f"patient-{args.patient}-data"
    json_path, pdf_path = stem.with_suffix(".json"), stem.with_suffix(".pdf")
    try:
        args.to.mkdir(parents=True, exist_ok=True)
        json_path.write_text(export.json_text, encoding="utf-8")
        pdf_path.write_bytes(export.pdf)
    except OSError as error:
        print(f"dermadesk: cannot write to {args.to}: {error.strerror}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Written {json_path} and {pdf_path}. They hold personal data: hand them over securely.")
    return 0


def erase_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    if not args.yes and not _confirmed(args.patient):
        print("dermadesk: not confirmed; nothing was erased (use --yes to skip the question)", file=sys.stderr)
        return EXIT_NOT_CONFIRMED
    result = env.call(args.db, lambda services: services.privacy.erase(args.patient, args.reason))
    print(
        f"Patient #{args.patient}: personal data erased ({len(result.erased_records)} record(s)); "
        f"{result.paid_events_kept} paid entries kept anonymously for the books."
    )
    return 0


def withdraw_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    dismissed = env.call(args.db, lambda services: services.privacy.withdraw_marketing(args.patient))
    print(f"Patient #{args.patient}: marketing by SMS and e-mail withdrawn; {dismissed} recall alert(s) dismissed.")
    return 0


def _confirmed(patient_id: int) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"Erase the personal data of patient #{patient_id}? This cannot be undone. Type the id to confirm: ")
    return answer.strip() == str(patient_id)
