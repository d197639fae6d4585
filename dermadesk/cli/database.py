"""`dermadesk db info` and `dermadesk db check`."""

from __future__ import annotations

import argparse
import sys

from dermadesk.cli.backups import register_rekey
from dermadesk.cli.output import CommandEnvironment, print_json
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.database import describe, integrity_problems

EXIT_DAMAGED = 3


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", help="the database file: info, check, rekey")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    info = actions.add_parser("info", parents=[common], help="path, schema revision, SQLCipher version, size")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=info_command)
    check = actions.add_parser("check", parents=[common], help="integrity checks; exit 3 on damage")
    check.set_defaults(handler=check_command)
    register_rekey(actions, common)


def info_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    opened = env.workspace.open_read_only(env.db_path(args.db))
    try:
        info = describe(opened)
    finally:
        opened.close()
    fields = {
        "path": str(info.path),
        "clinic": info.clinic_name,
        "schema_revision": info.revision,
        "schema_head": info.head,
        "sqlcipher_version": info.cipher_version,
        "patients": info.patient_count,
        "size_bytes": info.size_bytes,
    }
    if args.json:
        print_json(fields)
    else:
        for key, value in fields.items():
            print(f"{key.replace('_', ' ')}: {value}")
    return 0


def check_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    path = env.db_path(args.db)
    try:
        opened = env.workspace.open_read_only(path)
    except DermaDeskError as error:
        if error.code not in (ErrorCode.DB_LOCKED_OTHER_KEY, ErrorCode.DB_NOT_DATABASE):
            raise
        # the key file's check proved the key right, so a first page it cannot read is damage
        problems = ["the first page cannot be read with the database's key"]
    else:
        try:
            problems = integrity_problems(opened)
        finally:
            opened.close()
    if problems:
        print(
            f"dermadesk: {path} is damaged ({len(problems)} problems); it was not changed. Restore a backup.",
            file=sys.stderr,
        )
        for problem in problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_DAMAGED
    print(f"{path}: ok (quick_check and cipher_integrity_check)")
    return 0
