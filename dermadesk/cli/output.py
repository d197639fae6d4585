"""What every command gets from the composition root, and how it prints."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.workspace import Services, Workspace

T = TypeVar("T")


@dataclass
class CommandEnvironment:
    workspace: Workspace
    default_db: Callable[[], Path]

    def db_path(self, given: Path | str | None) -> Path | str:
        return given if given is not None else self.default_db()

    def open(
        self, given: Path | str | None, *, create: bool = False, settings: ClinicSettings | None = None
    ) -> OpenedDatabase:
        path = self.db_path(given)
        opened = self.workspace.open(path, create=create, settings=settings)
        if opened.new_key is not None:
            show_recovery_key(opened.new_key.recovery_key, Path(path))
        return opened

    def services(self, opened: OpenedDatabase) -> Services:
        return self.workspace.services(opened, SYSTEM_ACTOR)

    def call(self, given: Path | str | None, work: Callable[[Services], T]) -> T:
        """Open the database, do one piece of work with its services, close it: what most commands do."""
        opened = self.open(given)
        try:
            return work(self.services(opened))
        finally:
            opened.close()


def show_recovery_key(recovery_key: str, path: Path) -> None:
    print(
        f"New database {path}.\nRecovery key (shown once; print it and keep it safe): {recovery_key}", file=sys.stderr
    )


def ask_passphrase(purpose: str, *, confirm: bool = False) -> str | None:
    """The terminal's passphrase prompt; None when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        return None
    prompts = {
        "new": "New passphrase for this database: ",
        "unlock": "Passphrase: ",
        "recovery": "Recovery key: ",
        "server": "Clinic server password: ",
    }
    first = getpass.getpass(prompts.get(purpose, "Passphrase: "))
    if confirm and getpass.getpass("Again: ") != first:
        print("dermadesk: the two entries differ", file=sys.stderr)
        return None
    return first


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, default=str))
