"""quick_check at every open: a damaged database opens read-only, every write is refused, and the file is never
changed or "repaired"."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.messages import describe
from dermadesk.domain.patients import Patient
from dermadesk.services.context import SYSTEM_ACTOR
from tests.conftest import make_workspace

PAGE = 4096


def _damage(path: Path, page: int) -> None:
    raw = bytearray(path.read_bytes())
    for i in range(8):
        raw[page * PAGE + 100 + i] ^= 0x5A
    path.write_bytes(raw)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_database_opens_for_writing(demo_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    opened = make_workspace(clock).open(demo_path)
    try:
        assert opened.damage == () and not opened.read_only and not opened.store.read_only
    finally:
        opened.close()


def test_a_damaged_database_opens_read_only_and_refuses_every_write(demo_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    pages = demo_path.stat().st_size // PAGE
    _damage(demo_path, pages // 2)
    before = _digest(demo_path)
    opened = make_workspace(clock).open(demo_path)
    try:
        assert opened.read_only and opened.damage
        services = make_workspace(clock).services(opened, SYSTEM_ACTOR)
        with pytest.raises(DermaDeskError) as caught:
            services.patients.register(Patient("New", "Patient"))
        assert caught.value.code is ErrorCode.DB_DAMAGED_READ_ONLY
        assert "read-only" in describe(caught.value) and "backup" in describe(caught.value)
    finally:
        opened.close()
    assert _digest(demo_path) == before  # not repaired, not migrated, not written


def test_staff_can_sign_in_and_read_a_damaged_database_and_each_view_is_logged(demo_path: Path, clock, caplog) -> None:  # type: ignore[no-untyped-def]
    """Rescue work on a damaged database (reading a record, exporting before a restore) needs a signed-in user;
    the audit entries the file cannot take go to the log, with numbers only."""
    from dermadesk.services.demo import DEMO_PASSWORD

    pages = demo_path.stat().st_size // PAGE
    _damage(demo_path, pages - 2)  # near the end: the staff and patients tables stay readable
    before = _digest(demo_path)
    opened = make_workspace(clock).open(demo_path)
    try:
        assert opened.read_only
        services = make_workspace(clock).services(opened, None)
        with caplog.at_level("WARNING", logger="dermadesk.audit.rescue"):
            services.staff.sign_in("dr.hart", DEMO_PASSWORD)
            patient_id = services.patients.search("a", limit=1)[0]
            record = services.patients.get(patient_id)
        logged = [r.getMessage() for r in caplog.records if r.name == "dermadesk.audit.rescue"]
        assert any(" sign_in " in m for m in logged) and any(f"patient={patient_id}" in m for m in logged)
        assert not any(record.family_name in m for m in logged), "the log never holds a name"
        with pytest.raises(DermaDeskError) as caught:
            services.patients.save(record)
        assert caught.value.code is ErrorCode.DB_DAMAGED_READ_ONLY
        with pytest.raises(DermaDeskError):
            services.staff.sign_in("lily", "wrong password")
    finally:
        opened.close()
    assert _digest(demo_path) == before


def test_a_big_file_is_checked_on_the_database_thread_before_anything_is_written(
    demo_path: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """check_later: the file opens at once and its quick_check is the caller's first database work; damage
    found then turns the open database read-only."""
    from dermadesk.services import database
    from dermadesk.services.database import check_after_open

    monkeypatch.setattr(database, "CHECK_AT_OPEN_BYTES", 0)  # every file counts as big
    sound = make_workspace(clock).open(demo_path, check_later=True)
    try:
        assert not sound.checked and check_after_open(sound) == () and sound.checked and not sound.read_only
    finally:
        sound.close()
    _damage(demo_path, demo_path.stat().st_size // PAGE // 2)
    before = _digest(demo_path)
    opened = make_workspace(clock).open(demo_path, check_later=True)
    try:
        assert not opened.checked and not opened.read_only
        assert check_after_open(opened) and opened.read_only and opened.damage
        services = make_workspace(clock).services(opened, SYSTEM_ACTOR)
        with pytest.raises(DermaDeskError) as caught:
            services.patients.register(Patient("New", "Patient"))
        assert caught.value.code is ErrorCode.DB_DAMAGED_READ_ONLY
    finally:
        opened.close()
    assert _digest(demo_path) == before
