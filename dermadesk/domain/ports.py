"""Ports: what the core needs from the outside world, as Protocols."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...  # timezone-aware UTC

    def today(self) -> date: ...  # the clinic's local date


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()


class ProgressReporter(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None: ...

    def cancelled(self) -> bool: ...


class SilentProgress:
    """A reporter for callers that do not show progress."""

    def report(self, done: int, total: int, message: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


class SecretStore(Protocol):
    """Somewhere safe for small secrets: the OS keyring, or memory in tests."""

    def get(self, name: str) -> bytes | None: ...

    def put(self, name: str, secret: bytes) -> None: ...

    def delete(self, name: str) -> None: ...


class PassphrasePrompt(Protocol):
    """Asks a person for a passphrase; `confirm` asks twice for a new one. None means cancelled."""

    def __call__(self, purpose: str, *, confirm: bool = False) -> str | None: ...
