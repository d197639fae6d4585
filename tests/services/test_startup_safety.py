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
