"""`dermadesk db info` and `dermadesk db check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dermadesk.cli.backups import register_rekey
from dermadesk.cli.output import CommandEnvironment, print_json, show_recovery_key
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.database import describe, integrity_problems
from dermadesk.services.database_copy import copy_database
from dermadesk.services.server_database import database_location, grant_application_role

EXIT_DAMAGED = 3


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", help="the database: info, check, rekey, copy to or from a clinic server")
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    info = actions.add_parser("info", parents=[common], help="path, schema revision, SQLCipher version, size")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=info_command)
    check = actions.add_parser("check", parents=[common], help="integrity checks; exit 3 on damage")
    check.set_defaults(handler=check_command)
    register_rekey(actions, common)
    copy = actions.add_parser(
        "copy",
        parents=[common],
        help="copy the clinic into an empty server database, or from a server into a new file",
        description=(
            "Copy a whole clinic: `db copy --to postgresql+psycopg://user@host/db` moves your database file onto an "
            "empty server database; `db copy --from postgresql+psycopg://… --to clinic.db` brings it back into a new "
            "encrypted file. Every table is verified by row counts and content fingerprints, and the audit chain "
            "is checked, before the copy is kept."
        ),
    )
    copy.add_argument("--from", dest="source", type=database_location, metavar="PATH|URL", help="default: --db")
    copy.add_argument("--to", dest="target", type=database_location, metavar="PATH|URL", required=True)
    copy.set_defaults(handler=copy_command)
    grant = actions.add_parser(
        "grant",
        parents=[common],
        help="as the server database's owner: give the application role its rights (audit log append-only)",
    )
    grant.add_argument("--app-role", required=True, metavar="ROLE", help="the role the workstations log in as")
    grant.set_defaults(handler=grant_command)


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
    if isinstance(path, Path):
        print(f"{path}: ok (quick_check and cipher_integrity_check)")
    else:
        print(f"{path}: reachable and at schema head; page checks are the server's own (amcheck, pg_dump)")
    return 0


def copy_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    source = args.source if args.source is not None else env.db_path(args.db)

    def report(done: int, total: int, table: str) -> None:
        print(f"  [{done}/{total}] {table}", file=sys.stderr)

    result = copy_database(source, args.target, env.workspace.vault, clock=env.workspace.clock, progress=report)
    if result.new_key is not None:
        show_recovery_key(result.new_key.recovery_key, Path(result.target))
    for name, table in sorted(result.tables.items()):
        print(f"{name}: {table.rows} rows, fingerprint {table.digest[:16]}")
    print(
        f"Copied {result.source} -> {result.target}: {len(result.tables)} tables equal to the source, "
        f"audit chain of {result.audit_entries} entries intact."
    )
    return 0


def grant_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    location = env.db_path(args.db)
    if isinstance(location, Path):
        print("dermadesk: db grant needs --db postgresql+psycopg://OWNER@host/database", file=sys.stderr)
        return 2
    server = grant_application_role(location, env.workspace.vault, args.app_role)
    print(f"{server}: {args.app_role} may use the clinic; the audit log is append-only for it.")
    return 0
