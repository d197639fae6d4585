"""`db copy`: a clinic file onto an empty server database and back into a new file, equal table by table, with its
audit chain intact; a server that already holds a clinic is refused."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dermadesk.domain.catalogue import DEFAULT_TREATMENTS
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database_copy import checked_chain, copy_database
from dermadesk.services.vault import Vault
from dermadesk.store.copy import fingerprints
from dermadesk.store.tables import TreatmentTypeRow
from dermadesk.system.secrets import KeyringSecretStore
from tests.conftest import FixedClock, make_workspace
from tests.pg_server import PgServer


@pytest.fixture
def empty_server_db(pg_server: PgServer) -> tuple[str, str]:
    name = pg_server.new_name("copy")
    yield pg_server.create(name), name  # type: ignore[misc]
    pg_server.drop(name)


def test_there_and_back_gives_equal_tables_and_a_valid_chain(
    demo_path: Path, empty_server_db: tuple[str, str], tmp_path: Path, clock: FixedClock
) -> None:
    url, _name = empty_server_db
    vault = Vault(KeyringSecretStore())
    opened = make_workspace(clock).open(demo_path)
    services = make_workspace(clock).services(opened, SYSTEM_ACTOR)
    services.patients.get(services.patients.search("a")[0])  # one more audit entry, so the chain has links
    original, key = fingerprints(opened.store.engine), opened.audit_key
    opened.close()

    there = copy_database(demo_path, url, vault, clock=clock)
    back = copy_database(url, tmp_path / "back.db", vault, clock=clock)

    assert there.tables == original and back.tables == original
    assert sum(t.rows for t in original.values()) > 10_000 and there.audit_entries >= 1
    returned = make_workspace(clock).open(tmp_path / "back.db")
    assert returned.audit_key == key  # the copy carries the key its chain was made with
    assert checked_chain(returned.store, returned.audit_key) == there.audit_entries
    returned.close()
    on_server = make_workspace(clock).open(url)
    assert on_server.audit_key == key
    make_workspace(clock).services(on_server, SYSTEM_ACTOR).patients.count()
    assert checked_chain(on_server.store, on_server.audit_key) == there.audit_entries  # new entries chain on
    on_server.close()


def test_a_server_database_that_holds_a_clinic_is_refused(
    db_path: Path, empty_server_db: tuple[str, str], clock: FixedClock
) -> None:
    url, _name = empty_server_db
    make_workspace(clock).open(url).close()  # a first start seeded a clinic there
    with pytest.raises(DermaDeskError) as caught:
        copy_database(db_path, url, Vault(KeyringSecretStore()), clock=clock)
    assert caught.value.code is ErrorCode.DB_COPY_TARGET_NOT_EMPTY
    assert "already holds data (table " in str(caught.value)


def test_copying_back_onto_an_existing_file_is_refused_before_anything_opens(db_path: Path, clock: FixedClock) -> None:
    before = db_path.read_bytes()
    with pytest.raises(DermaDeskError) as caught:
        copy_database("postgresql+psycopg://nobody@localhost/none", db_path, Vault(KeyringSecretStore()), clock=clock)
    assert caught.value.code is ErrorCode.DB_COPY_TARGET_NOT_EMPTY
    assert db_path.read_bytes() == before


def test_a_copy_needs_one_file_and_one_server(db_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(DermaDeskError) as caught:
        copy_database(db_path, tmp_path / "other.db", Vault(KeyringSecretStore()), clock=clock)
    assert "one side must be a file and the other a server URL" in str(caught.value)


def test_two_workstations_starting_on_an_empty_server_make_one_clinic(
    empty_server_db: tuple[str, str], clock: FixedClock
) -> None:
    url, _name = empty_server_db
    opened, failures = [], []

    def start() -> None:
        try:
            opened.append(make_workspace(clock).open(url))
        except Exception as error:  # pragma: no cover — the assertion below shows it
            failures.append(error)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures and len(opened) == 2
    assert opened[0].audit_key == opened[1].audit_key  # one chain key, made once
    with opened[0].store.read() as uow:
        treatments = uow.session.scalar(select(func.count()).select_from(TreatmentTypeRow))
    assert treatments == len(DEFAULT_TREATMENTS)  # the defaults seeded once, not twice
    for database in opened:
        database.close()
