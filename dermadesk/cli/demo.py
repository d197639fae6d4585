"""`dermadesk demo`: fill a database with a believable demo clinic."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from dermadesk.cli.output import CommandEnvironment
from dermadesk.services.demo import DEMO_SETTINGS, DemoSpec


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help="create a demo clinic with a 3-year history")
    demo.add_argument("--patients", type=int, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=7, metavar="S")
    demo.add_argument("--end", type=date.fromisoformat, metavar="YYYY-MM-DD", help="last day of history (today)")
    demo.set_defaults(handler=demo_command)


class _StderrProgress:
    def report(self, done: int, total: int, message: str = "") -> None:
        print(f"\r{message}: {done}/{total}", end="", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def demo_command(args: argparse.Namespace, env: CommandEnvironment) -> int:
    opened = env.open(args.db, create=True, settings=DEMO_SETTINGS)
    try:
        started = time.perf_counter()
        summary = env.services(opened).demo.generate(DemoSpec(args.patients, args.seed, args.end), _StderrProgress())
        print(file=sys.stderr)
        print(
            f"{summary.patients} patients, {summary.events} events, {summary.reading_sessions} reading sessions, "
            f"{summary.appointments} appointments in {time.perf_counter() - started:.1f} s"
        )
    finally:
        opened.close()
    return 0
