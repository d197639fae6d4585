"""The database file is encrypted, and nothing but SQLCipher 4 is ever allowed to write it."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.patients import Patient
from dermadesk.domain.timeline import EventKind, TimelineEvent
from dermadesk.services.workspace import Services
from dermadesk.store.engine import open_encrypted, raw_connection
from dermadesk.system.paths import sidecar_files

CANARY_NAME = "Quillonbeck"
CANARY_PHONE = "07700 900461"
CANARY_NOTE = "canary-note-zyxwv"


def _write_canary(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    patient = services.patients.register(Patient("Wilhelmina", CANARY_NAME, phone=CANARY_PHONE))
    with services.context.store.write() as uow:
        uow.timeline.add(
            TimelineEvent(patient.id, EventKind.NOTE, clock.now(), summary=CANARY_NOTE), 20000, clock.now()
        )


def test_canary_never_appears_in_plaintext_in_any_database_file(services: Services, opened, clock) -> None:
    _write_canary(services, clock)
    files = [f for f in sidecar_files(opened.path) if f.exists()]
    assert any(f.name.endswith("-wal") for f in files), "the write should still be in the WAL: test both files"
    needles = [CANARY_NAME, "900461", "447700900461", CANARY_NOTE]
    for file in files:
        data = file.read_bytes()
        for needle in needles:
            assert data.count(needle.encode("utf-8")) == 0, (file.name, needle)
            assert data.count(needle.encode("utf-16-le")) == 0, (file.name, needle)
            assert data.count(needle.encode("utf-16-be")) == 0, (file.name, needle)
    assert not opened.path.read_bytes().startswith(b"SQLite format 3")


def test_data_survives_reopening(services: Services, opened, clock) -> None:
    from tests.conftest import make_workspace

    _write_canary(services, clock)
    opened.close()
    again = make_workspace(clock).open(opened.path)
    with again.store.read() as uow:
        ids = uow.patients.search(["quillonbeck"])
        assert uow.patients.require(ids[0]).family_name == CANARY_NAME
    again.close()


def test_stock_sqlite3_is_refused_before_any_file_is_created(tmp_path: Path) -> None:
    target = tmp_path / "plain.db"
    with pytest.raises(DermaDeskError) as caught:
        open_encrypted(target, os.urandom(32), create=True, dbapi=sqlite3)
    assert caught.value.code is ErrorCode.DB_NOT_ENCRYPTED_DRIVER
    assert list(tmp_path.iterdir()) == []


def test_every_connection_is_configured(opened) -> None:
    with raw_connection(opened.store.engine) as conn:
        pragma = lambda name: conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert str(pragma("cipher_version")).startswith("4.")
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("busy_timeout") == 5000
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("cache_size") == -65536


def test_database_files_are_private(services: Services, opened, clock) -> None:
    _write_canary(services, clock)
    for file in sidecar_files(opened.path):
        if file.exists():
            assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, file.name


def test_a_wrong_key_is_reported_and_the_file_untouched(db_path: Path) -> None:
    before = db_path.read_bytes()
    with pytest.raises(DermaDeskError) as caught:
        open_encrypted(db_path, os.urandom(32))
    assert caught.value.code is ErrorCode.DB_LOCKED_OTHER_KEY
    assert db_path.read_bytes() == before


def test_an_empty_file_is_not_silently_made_a_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(DermaDeskError) as caught:
        open_encrypted(empty, os.urandom(32))
    assert caught.value.code is ErrorCode.DB_NOT_DATABASE
    assert empty.stat().st_size == 0
