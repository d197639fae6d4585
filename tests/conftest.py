"""Shared fixtures: offscreen Qt, an in-memory keyring, private data folders, template databases."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything loads Qt: without a display pytest would abort

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import keyring
import keyring.backend
import pytest

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.database_copy import copy_database as copy_database_to
from dermadesk.services.demo import DEMO_SETTINGS, DemoSpec
from dermadesk.services.vault import Vault
from dermadesk.services.workspace import Services, Workspace
from dermadesk.system.paths import key_file_for
from dermadesk.system.secrets import KeyringSecretStore
from tests.pg_server import PgServer, server_or_skip

DEMO_END = date(2026, 10, 31)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A working keyring that lives in this process."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.astimezone().date()


_SESSION_KEYRING = MemoryKeyring()


@pytest.fixture(autouse=True)
def _private_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or writes the user's keyring, data folder, settings or environment secrets."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DERMADESK_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("DERMADESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("DERMADESK_RECOVERY_KEY", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(_SESSION_KEYRING)
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 2, 10, 30, tzinfo=UTC))


def make_workspace(clock: FixedClock | None = None) -> Workspace:
    return Workspace(Vault(KeyringSecretStore()), clock=clock)


def copy_database(source: Path, target: Path) -> Path:
    """A closed database and its key file copied whole: the template trick, one build per session."""
    for suffix in ("", "-wal", "-shm"):
        src = source.with_name(source.name + suffix)
        if src.exists():
            shutil.copy2(src, target.with_name(target.name + suffix))
    shutil.copy2(key_file_for(source), key_file_for(target))
    return target


@pytest.fixture(scope="session")
def _empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keyring.set_keyring(_SESSION_KEYRING)
    path = tmp_path_factory.mktemp("template") / "empty.db"
    make_workspace().open(path, create=True, settings=ClinicSettings(name="Test Clinic")).close()
    return path


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keyring.set_keyring(_SESSION_KEYRING)
    path = tmp_path_factory.mktemp("template") / "demo.db"
    opened = make_workspace().open(path, create=True, settings=DEMO_SETTINGS)
    make_workspace().services(opened, SYSTEM_ACTOR).demo.generate(DemoSpec(300, seed=11, end=DEMO_END))
    opened.close()
    return path


@pytest.fixture
def db_path(_empty_template: Path, tmp_path: Path) -> Path:
    """A fresh, empty, migrated clinic database (encrypted file in a tmp dir)."""
    return copy_database(_empty_template, tmp_path / "clinic.db")


@pytest.fixture
def demo_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A small demo clinic (300 patients, history to 2026-10-31)."""
    return copy_database(_demo_template, tmp_path / "demo.db")


@pytest.fixture
def engine_kind() -> str:
    """Which engine `opened`, `services` and `demo_opened` run on. The encrypted file by default; suites meant
    for both engines override this with `params=ENGINES` (see tests/pg_server.py)."""
    return "sqlcipher"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = server_or_skip(_SESSION_KEYRING)
    yield server
    server.dispose()


def _pg_template(server: PgServer, source: Path, kind: str) -> Iterator[str]:
    """A template database on the test server holding a copy of an encrypted template file (via `db copy`)."""
    keyring.set_keyring(_SESSION_KEYRING)
    name = server.new_name(kind)
    url = server.create(name)
    copy_database_to(source, url, Vault(KeyringSecretStore()))
    yield name
    server.drop(name)


@pytest.fixture(scope="session")
def _pg_empty_template(pg_server: PgServer, _empty_template: Path) -> Iterator[str]:
    yield from _pg_template(pg_server, _empty_template, "empty")


@pytest.fixture(scope="session")
def _pg_demo_template(pg_server: PgServer, _demo_template: Path) -> Iterator[str]:
    yield from _pg_template(pg_server, _demo_template, "demo")


def _open_on(
    request: pytest.FixtureRequest, engine_kind: str, file_fixture: str, template_fixture: str, clock: FixedClock
) -> Iterator[OpenedDatabase]:
    """The clinic on the chosen engine: a copy of the template file, or a fresh server database cloned from the
    template database (dropped after the test)."""
    if engine_kind == "postgresql":
        server: PgServer = request.getfixturevalue("pg_server")
        template = request.getfixturevalue(template_fixture)
        name = server.new_name("test")
        database = make_workspace(clock).open(server.create(name, template=template))
        yield database
        database.close()
        server.drop(name)
        return
    database = make_workspace(clock).open(request.getfixturevalue(file_fixture))
    yield database
    database.close()


@pytest.fixture
def opened(request: pytest.FixtureRequest, engine_kind: str, clock: FixedClock) -> Iterator[OpenedDatabase]:
    """A fresh, empty, migrated clinic on `engine_kind`."""
    yield from _open_on(request, engine_kind, "db_path", "_pg_empty_template", clock)


@pytest.fixture
def services(opened: OpenedDatabase, clock: FixedClock) -> Services:
    """Services acting as the clinic owner."""
    return make_workspace(clock).services(opened, SYSTEM_ACTOR)


@pytest.fixture
def demo_opened(request: pytest.FixtureRequest, engine_kind: str, clock: FixedClock) -> Iterator[OpenedDatabase]:
    """The small demo clinic on `engine_kind`."""
    yield from _open_on(request, engine_kind, "demo_path", "_pg_demo_template", clock)
