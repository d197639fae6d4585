"""Backups: verified on writing, sealed manifest, rotation, and restore — on the same machine and on a new
one with nothing but the recovery key."""

from __future__ import annotations

import json
import os
import shutil
from datetime import timedelta
from pathlib import Path

import keyring
import pytest

from dermadesk.domain.backup_rotation import Retention
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.patients import Patient
from dermadesk.services.backups import BackupService
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.demo import DemoSpec
from dermadesk.services.restore import open_backup, restore
from dermadesk.services.vault import Vault
from dermadesk.store.backup import table_fingerprints
from dermadesk.store.engine import open_encrypted
from dermadesk.system.backup_manifest import manifest_for
from dermadesk.system.paths import key_file_for
from dermadesk.system.secrets import KeyringSecretStore
from tests.conftest import MemoryKeyring, make_workspace


def fingerprints(path: Path, key: bytes) -> dict[str, tuple[int, str]]:
    engine = open_encrypted(path, key, read_only=True)
    try:
        return table_fingerprints(engine)
    finally:
        engine.dispose()


@pytest.fixture
def clinic(tmp_path: Path, clock):  # type: ignore[no-untyped-def]
    """A new clinic with a small history, and the recovery key shown at its creation."""
    workspace = make_workspace(clock)
    (tmp_path / "clinic").mkdir()
    opened = workspace.open(
        tmp_path / "clinic" / "clinic.db", create=True, settings=ClinicSettings(name="Backup Clinic")
    )
    assert opened.new_key is not None
    recovery = opened.new_key.recovery_key
    workspace.services(opened, SYSTEM_ACTOR).demo.generate(DemoSpec(25, seed=3))
    yield workspace, opened, recovery
    opened.close()


def test_a_backup_is_its_own_encrypted_file_checked_and_described_by_a_sealed_manifest(clinic) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, _ = clinic
    live = fingerprints(opened.path, opened.key)
    made = workspace.backup_service(opened).create()
    assert made.path.parent == opened.path.parent / "backups"
    data = made.path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert data != opened.path.read_bytes()
    with pytest.raises(DermaDeskError) as caught:  # not the database key: the backup has its own
        open_encrypted(made.path, opened.key, read_only=True)
    assert caught.value.code is ErrorCode.DB_LOCKED_OTHER_KEY
    manifest_text = manifest_for(made.path).read_text()
    assert "patients" not in manifest_text  # the figures are sealed, not readable
    assert json.loads(manifest_text)["format"] == "dermadesk-backup/1"
    backup = open_backup(made.path, current_key=opened.key, recovery_key=None)
    assert backup.figures.tables == live
    assert backup.figures.tables["patients"][0] == 25
    assert fingerprints(made.path, backup.backup_key) == live
    assert fingerprints(opened.path, opened.key)["audit_events"][0] == live["audit_events"][0] + 1  # audited


def test_a_flipped_byte_in_the_backup_or_an_edited_manifest_is_detected(clinic, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, recovery = clinic
    made = workspace.backup_service(opened).create()
    for offset in (100, made.path.stat().st_size // 2, made.path.stat().st_size - 5):
        damaged = tmp_path / f"flip-{offset}.ddbackup"
        shutil.copy(made.path, damaged)
        shutil.copy(manifest_for(made.path), manifest_for(damaged))
        raw = bytearray(damaged.read_bytes())
        raw[offset] ^= 0x01
        damaged.write_bytes(raw)
        with pytest.raises(DermaDeskError) as caught:
            open_backup(damaged, current_key=None, recovery_key=recovery)
        assert caught.value.code is ErrorCode.BACKUP_DAMAGED
    manifest = json.loads(manifest_for(made.path).read_text())
    sealed = bytearray(manifest["sealed"]["ciphertext"].encode())
    sealed[10] = ord("A") if sealed[10] != ord("A") else ord("B")
    manifest["sealed"]["ciphertext"] = sealed.decode()
    manifest_for(made.path).write_text(json.dumps(manifest))
    with pytest.raises(DermaDeskError) as caught:
        open_backup(made.path, current_key=opened.key, recovery_key=None)
    assert caught.value.code is ErrorCode.BACKUP_DAMAGED


def test_restore_on_a_new_machine_with_only_the_recovery_key(clinic, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, recovery = clinic
    source = fingerprints(opened.path, opened.key)
    made = workspace.backup_service(opened).create()
    # the new machine: a fresh folder holding the two backup files, an empty keyring, no passphrase
    new_machine = tmp_path / "new-machine"
    new_machine.mkdir()
    for file in (made.path, manifest_for(made.path)):
        shutil.copy(file, new_machine / file.name)
    keyring.set_keyring(MemoryKeyring())
    vault = Vault(KeyringSecretStore(), env={})
    with pytest.raises(DermaDeskError) as caught:  # no recovery key: refused, nothing made
        restore(new_machine / made.path.name, new_machine / "clinic.db", vault)
    assert caught.value.code is ErrorCode.DB_RECOVERY_KEY_NEEDED
    assert sorted(p.name for p in new_machine.iterdir()) == sorted([made.path.name, manifest_for(made.path).name])
    with pytest.raises(DermaDeskError) as caught:
        restore(new_machine / made.path.name, new_machine / "clinic.db", vault, recovery_key="A" * 32)
    assert caught.value.code is ErrorCode.DB_WRONG_RECOVERY_KEY
    done = restore(new_machine / made.path.name, new_machine / "clinic.db", vault, recovery_key=recovery)
    assert done.previous is None and done.protected_by == "keyring"
    # from now on this machine's keyring opens it, like any database
    reopened = make_workspace(clock).open(new_machine / "clinic.db")
    try:
        assert fingerprints(reopened.path, reopened.key) == source
        assert reopened.damage == ()
    finally:
        reopened.close()
    # and the recovery key still opens it on a third machine
    keyring.set_keyring(MemoryKeyring())
    assert Vault(KeyringSecretStore(), env={}).unlock(new_machine / "clinic.db", recovery_key=recovery) == opened.key


def test_restore_over_the_live_database_keeps_the_old_one_and_swaps_only_a_checked_copy(clinic, clock) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, _ = clinic
    before = fingerprints(opened.path, opened.key)
    made = workspace.backup_service(opened).create()
    services = workspace.services(opened, SYSTEM_ACTOR)
    services.patients.register(Patient("After", "Backup"))
    after = fingerprints(opened.path, opened.key)
    assert after != before
    opened.close()
    done = restore(made.path, opened.path, workspace.vault)
    assert done.protected_by == "unchanged" and done.previous is not None
    assert fingerprints(opened.path, opened.key) == before
    assert fingerprints(done.previous, opened.key) == after  # the replaced database, kept whole
    assert Vault(KeyringSecretStore()).unlock(done.previous) == opened.key
    # a damaged backup changes nothing at all
    raw = bytearray(made.path.read_bytes())
    raw[len(raw) // 3] ^= 0xFF
    made.path.write_bytes(raw)
    live_bytes = opened.path.read_bytes()
    with pytest.raises(DermaDeskError) as caught:
        restore(made.path, opened.path, workspace.vault)
    assert caught.value.code is ErrorCode.BACKUP_DAMAGED
    assert opened.path.read_bytes() == live_bytes
    assert not opened.path.with_name(opened.path.name + ".restoring").exists()


def test_daily_backup_runs_once_a_day_and_rotation_keeps_the_policy(clinic, clock) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, _ = clinic
    service = workspace.backup_service(opened)
    first = service.run_due()
    assert first is not None
    assert service.run_due() is None  # the same day: not due
    clock.moment += timedelta(hours=23)
    assert service.run_due() is None
    clock.moment += timedelta(hours=1)
    assert service.run_due() is not None
    small = BackupService(service.context, service.db_path, opened.key, service.folder, Retention(2, 1, 1))
    for _ in range(5):
        clock.moment += timedelta(days=1)
        made = small.run_due()
        assert made is not None
    kept = small.list()
    assert len(kept) == 2  # two daily (the newest is also its week's and month's)
    assert all(entry.has_manifest for entry in kept)
    assert len(list(service.folder.glob("*.manifest"))) == 2
    assert [e.path for e in kept] == sorted((e.path for e in kept), reverse=True)


def test_a_receptionist_may_not_make_a_backup_on_demand(clinic) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.domain.staff import Role, StaffUser

    workspace, opened, _ = clinic
    service = workspace.backup_service(opened, StaffUser("lily", "Lily", Role.RECEPTIONIST))
    with pytest.raises(DermaDeskError) as caught:
        service.create()
    assert caught.value.code is ErrorCode.PERMISSION_DENIED
    assert service.run_due() is not None  # but the automatic daily backup runs whoever signed in


def test_backups_to_another_folder_and_files_stay_private(clinic, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, _ = clinic
    made = workspace.backup_service(opened).create(tmp_path / "usb")
    assert made.path.parent == tmp_path / "usb"
    for file in (made.path, manifest_for(made.path)):
        assert os.stat(file).st_mode & 0o077 == 0
    assert not list((tmp_path / "usb").glob("*.partial"))
    assert key_file_for(made.path).exists() is False  # a backup's key lives only in its manifest


def test_a_backup_that_cannot_be_written_is_a_plain_error_and_leaves_nothing(clinic, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, _ = clinic
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(DermaDeskError) as caught:
        workspace.backup_service(opened).create(not_a_folder / "backups")
    assert caught.value.code is ErrorCode.BACKUP_FAILED
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        if os.access(read_only, os.W_OK):  # root writes anywhere: nothing to show here
            return
        with pytest.raises(DermaDeskError) as caught:
            workspace.backup_service(opened).create(read_only)
        assert caught.value.code is ErrorCode.BACKUP_FAILED
        assert list(read_only.iterdir()) == []
    finally:
        read_only.chmod(0o700)


def test_rotation_clears_a_partial_backup_a_crash_left(clinic, clock) -> None:  # type: ignore[no-untyped-def]
    workspace, opened, _ = clinic
    service = workspace.backup_service(opened)
    service.folder.mkdir(parents=True)
    stale = service.folder / "clinic-20261101-020000Z.ddbackup.partial"
    stale.write_bytes(b"half")
    old = clock.now().timestamp() - 7200
    os.utime(stale, (old, old))
    fresh = service.folder / "clinic-20261102-102959Z.ddbackup.partial"  # perhaps being written right now
    fresh.write_bytes(b"half")
    os.utime(fresh, (clock.now().timestamp(), clock.now().timestamp()))
    assert service.run_due() is not None
    assert not stale.exists() and fresh.exists()
