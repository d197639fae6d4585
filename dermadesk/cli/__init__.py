"""The command line: parse, call a service, print. Errors are one plain line and a non-zero exit."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from dermadesk import __version__
from dermadesk.cli import alerts, audit, backups, database, demo, importing, printing, privacy, tiers
from dermadesk.cli.output import CommandEnvironment
from dermadesk.domain.errors import DermaDeskError
from dermadesk.domain.messages import describe
from dermadesk.services.server_database import database_location

EXIT_ERROR = 1

Command = Callable[[argparse.Namespace, CommandEnvironment], int]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=database_location,
        metavar="PATH|URL",
        help="the database file (default: your clinic's), or a clinic server postgresql+psycopg://user@host/db",
    )
    parser = argparse.ArgumentParser(
        prog="dermadesk",
        parents=[common],
        description="DermaDesk: the clinic relationship manager. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"DermaDesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo clinic (created on first use)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (a throw-away encrypted clinic, a packet, the window offscreen) and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (database, backups, demo, tiers, alerts, printing, audit, importing, privacy):
        module.register(commands, common)
    return parser


def run(args: argparse.Namespace, env: CommandEnvironment) -> int:
    handler: Command = args.handler
    try:
        return handler(args, env)
    except DermaDeskError as error:
        print(f"dermadesk: {describe(error)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("dermadesk: interrupted", file=sys.stderr)
        return 130


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
