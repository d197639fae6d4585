"""`dermadesk backup create|list|verify|restore|auto` and `dermadesk db rekey`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dermadesk.cli.output import CommandEnvironment, print_json
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.backups import list_backups
from dermadesk.services.rekey import rekey
from dermadesk.services.restore import open_backup, restore
from dermadesk.system.instance_lock import AlreadyLocked, InstanceLock
from dermadesk.system.paths import key_file_for

EXIT_DAMAGED = 3


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", help="verified encrypted backups: create, list, verify, restore")
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", parents=[common], help="make a verified backup now")
    create.add_argument("--to", type=Path, metavar="DIR", help="the folder (default: the backups folder)")
    create.set_defaults(handler=create_command)
    listing = actions.add_parser("list", parents=[common], help="this database's backups, newest first")
    listing.add_argument("--to", type=Path, metavar="DIR", help="another folder to list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_command)
    verify = actions.add_parser("verify", parents=[common], help="check a backup against its manifest; exit 3 if not")
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.set_defaults(handler=verify_command)
    restore_cmd = actions.add_parser(
        "restore", parents=[common], help="restore a backup (checked first; the old database is kept)"
    )
    restore_cmd.add_argument("file", type=Path, metavar="FILE")
    restore_cmd.set_defaults(handler=restore_command)
    auto = actions.add_parser("auto", parents=[common], help="the daily backup and rotation, if one is due")
    auto.set_defaults(handler=auto_command)


def register_rekey(db_actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    rekey_cmd = db_actions.add_parser(
        "rekey", parents=[common], help="rotate the database key (needs the recovery key)"
    )
    rekey_cmd.add_argument("--new-recovery-key", action="store_true", help="also issue a new recovery key (shown once)")
    rekey_cmd.set_defaults(handler=rekey_command)


def create_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    opened = env.open(args.db)
    try:
        made = env.workspace.backup_service(opened).create(args.to)
    finally:
        opened.close()
    figures = made.figures
    rows = sum(count for count, _ in figures.tables.values())
    print(f"{made.path}: verified ({len(figures.tables)} tables, {rows} rows, content {figures.content_hash[:16]})")
    return 0


def list_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    path = env.db_path(args.db)
    entries = list_backups(args.to or env.workspace.backup_folder(path), path.stem)
    if args.json:
        print_json(
            [
                {
                    "path": str(e.path),
                    "made_at": e.made_at.isoformat(),
                    "size_bytes": e.size_bytes,
                    "manifest": e.has_manifest,
                }
                for e in entries
            ]
        )
        return 0
    if not entries:
        print("no backups yet")
    for entry in entries:
        note = "" if entry.has_manifest else "  (no manifest: cannot be restored)"
        print(f"{entry.made_at:%Y-%m-%d %H:%M} UTC  {entry.size_bytes:>12,} bytes  {entry.path}{note}")
    return 0


def verify_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    path = env.db_path(args.db)
    current = env.workspace.vault.unlock(path) if key_file_for(path).exists() else None
    try:
        try:
            opened = open_backup(args.file, current_key=current, recovery_key=None)
        except DermaDeskError as error:
            if error.code is not ErrorCode.BACKUP_WRONG_KEY:
                raise
            opened = open_backup(args.file, current_key=None, recovery_key=env.workspace.vault.ask_recovery_key())
    except DermaDeskError as error:
        if error.code is ErrorCode.BACKUP_DAMAGED:
            print(f"dermadesk: {error}", file=sys.stderr)
            return EXIT_DAMAGED
        raise
    print(f"{args.file}: ok ({len(opened.figures.tables)} tables, made {opened.figures.created_at})")
    return 0


def restore_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    path = env.db_path(args.db)
    with _exclusive(path):
        done = restore(args.file, path, env.workspace.vault)
    kept = f"; the previous database is kept as {done.previous}" if done.previous else ""
    print(f"restored {args.file} as {done.path} (every table checked){kept}")
    if done.protected_by not in ("unchanged", "keyring"):
        print(f"its key is protected by: {done.protected_by}", file=sys.stderr)
    return 0


def auto_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    opened = env.open(args.db)
    try:
        made = env.workspace.backup_service(opened).run_due()
    finally:
        opened.close()
    if made is None:
        print("no backup due (the last one is less than a day old)")
    else:
        print(f"{made.path}: verified; rotation removed {len(made.removed)} older backups")
    return 0


def rekey_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    path = env.db_path(args.db)
    with _exclusive(path):
        done = rekey(path, env.workspace.vault, new_recovery=args.new_recovery_key)
    print(f"{path}: new database key in place ({done.tables} tables checked)")
    if done.new_recovery_key:
        print(f"New recovery key (shown once; print it and keep it safe): {done.new_recovery_key}", file=sys.stderr)
        print("Backups made before today still need the OLD recovery key.", file=sys.stderr)
    return 0


class _exclusive:  # noqa: N801 — used as a statement: `with _exclusive(path):`
    """The database's instance lock, or a plain error if the app (or another command) has it open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = InstanceLock(path)

    def __enter__(self) -> None:
        try:
            self.lock.acquire()
        except AlreadyLocked as exc:
            raise DermaDeskError(ErrorCode.DB_IN_USE, {"path": str(self.path)}) from exc

    def __exit__(self, *exc: object) -> None:
        self.lock.release()
