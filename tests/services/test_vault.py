"""The key vault: whatever the keyring does, an existing database is never replaced, and the
passphrase or the recovery key always opens it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.vault import Vault
from dermadesk.services.workspace import Workspace
from dermadesk.system.paths import key_file_for, sidecar_files
from dermadesk.system.secrets import KeyringSecretStore
from tests.conftest import MemoryKeyring

PASSPHRASE = "a long clinic passphrase"


class LockedKeyring(keyring.backend.KeyringBackend):
    """A locked GNOME keyring: every call fails with 'Prompt dismissed'."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.InitError("Prompt dismissed")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.InitError("Prompt dismissed")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.InitError("Prompt dismissed")


BACKENDS = {
    "working": MemoryKeyring,
    "no_keyring": keyring.backends.fail.Keyring,
    "locked": LockedKeyring,
    "null": keyring.backends.null.Keyring,
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def workspace(
    backend: keyring.backend.KeyringBackend, env: dict[str, str] | None = None, answer: str | None = None
) -> Workspace:
    prompt = (lambda purpose, confirm=False: answer) if answer is not None else None
    return Workspace(Vault(KeyringSecretStore(backend), prompt, env=env or {}))


def create(path: Path, backend: keyring.backend.KeyringBackend) -> str:
    opened = workspace(backend, env={"DERMADESK_PASSPHRASE": PASSPHRASE}).open(
        path, create=True, settings=ClinicSettings(name="Vault Clinic")
    )
    assert opened.new_key is not None
    recovery = opened.new_key.recovery_key
    opened.close()
    return recovery


@pytest.mark.parametrize("backend_name", list(BACKENDS))
def test_keyring_state_never_leads_to_a_new_database_over_an_old_one(tmp_path: Path, backend_name: str) -> None:
    path = tmp_path / "clinic.db"
    recovery = create(path, BACKENDS[backend_name]())
    before = sha256(path)
    # the keyring is gone or broken on the next start (new machine, locked keychain, headless session)
    for later in (keyring.backends.fail.Keyring(), LockedKeyring(), keyring.backends.null.Keyring()):
        with pytest.raises(DermaDeskError) as caught:
            workspace(later).open(path, create=True)
        needed = ErrorCode.DB_RECOVERY_KEY_NEEDED if backend_name == "working" else ErrorCode.DB_PASSPHRASE_NEEDED
        assert caught.value.code is needed
        assert sha256(path) == before
    # the recovery key always opens it
    opened = workspace(keyring.backends.fail.Keyring(), env={"DERMADESK_RECOVERY_KEY": recovery}).open(path)
    with opened.store.read() as uow:
        assert uow.settings.clinic().name == "Vault Clinic"
    opened.close()


@pytest.mark.parametrize("backend_name", ["no_keyring", "locked", "null"])
def test_without_a_keyring_the_passphrase_protects_and_opens_it(tmp_path: Path, backend_name: str) -> None:
    path = tmp_path / "clinic.db"
    create(path, BACKENDS[backend_name]())
    assert "keyring" not in key_file_for(path).read_text()
    opened = workspace(BACKENDS[backend_name](), answer=PASSPHRASE).open(path)
    assert opened.new_key is None
    opened.close()


def test_with_a_working_keyring_no_secret_is_asked(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    path = tmp_path / "clinic.db"
    create(path, backend)
    opened = workspace(backend).open(path)  # no env, no prompt
    opened.close()
    assert len(backend.items) == 1


def test_the_recovery_key_enrols_a_new_machines_keyring(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    recovery = create(path, MemoryKeyring())
    new_machine = MemoryKeyring()
    workspace(new_machine, answer=recovery.lower().replace("-", " ")).open(path).close()  # typed sloppily
    workspace(new_machine).open(path).close()  # and from now on without asking


def test_wrong_passphrase_ten_times_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    create(path, keyring.backends.fail.Keyring())
    before = {f.name: sha256(f) for f in [path, key_file_for(path)]}
    for attempt in range(10):
        with pytest.raises(DermaDeskError) as caught:
            workspace(keyring.backends.fail.Keyring(), answer=f"wrong passphrase {attempt}").open(path)
        assert caught.value.code is ErrorCode.DB_WRONG_PASSPHRASE
    assert {f.name: sha256(f) for f in [path, key_file_for(path)]} == before


def test_wrong_recovery_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    create(path, MemoryKeyring())
    with pytest.raises(DermaDeskError) as caught:
        workspace(MemoryKeyring(), env={"DERMADESK_RECOVERY_KEY": "AAAA-" * 7 + "AAAA"}).open(path)
    assert caught.value.code is ErrorCode.DB_WRONG_RECOVERY_KEY


def test_missing_key_file_is_a_clear_error_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    backend = MemoryKeyring()
    create(path, backend)
    key_file_for(path).unlink()
    before = sha256(path)
    for _ in range(10):
        with pytest.raises(DermaDeskError) as caught:
            workspace(backend).open(path, create=True)
        assert caught.value.code is ErrorCode.DB_KEY_FILE_MISSING
    assert sha256(path) == before
    assert not key_file_for(path).exists()


def test_truncated_database_is_a_clear_error_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    backend = MemoryKeyring()
    create(path, backend)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3 - 1000])
    before = sha256(path)
    for _ in range(10):
        with pytest.raises(DermaDeskError) as caught:
            opened = workspace(backend).open(path, create=True)
            from dermadesk.services.database import integrity_problems

            problems = integrity_problems(opened)  # a cut page-aligned file may open; the check finds it
            opened.close()
            if problems:
                raise DermaDeskError(ErrorCode.DB_DAMAGED, {"detail": problems[0]})
        assert caught.value.code in (ErrorCode.DB_LOCKED_OTHER_KEY, ErrorCode.DB_DAMAGED, ErrorCode.DB_NOT_DATABASE)
    assert sha256(path) == before


def test_a_stray_key_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    key_file_for(path).write_text("{}")
    with pytest.raises(DermaDeskError) as caught:
        workspace(MemoryKeyring()).open(path, create=True)
    assert caught.value.code is ErrorCode.DB_ORPHAN_KEY_FILE
    assert key_file_for(path).read_text() == "{}"
    assert not any(f.exists() for f in sidecar_files(path))


def test_a_damaged_key_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    create(path, MemoryKeyring())
    key_file_for(path).write_text("not json")
    with pytest.raises(DermaDeskError) as caught:
        workspace(MemoryKeyring()).open(path)
    assert caught.value.code is ErrorCode.DB_KEY_FILE_DAMAGED


def test_the_key_file_is_private_and_holds_no_raw_key(tmp_path: Path) -> None:
    path = tmp_path / "clinic.db"
    opened = workspace(MemoryKeyring()).open(path, create=True)
    text = key_file_for(path).read_text()
    assert opened.key.hex() not in text
    assert key_file_for(path).stat().st_mode & 0o077 == 0
    opened.close()
