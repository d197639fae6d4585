"""The database key: made once, kept wrapped in the key file, unwrapped by keyring, passphrase or recovery key."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dermadesk.domain.errors import DermaDeskError, ErrorCode, FieldProblem, invalid
from dermadesk.domain.ports import PassphrasePrompt, SecretStore
from dermadesk.system.keyfile import (
    KeyFile,
    KeyFileError,
    WrongSecret,
    key_check,
    new_database_key,
    new_recovery_key,
)
from dermadesk.system.paths import key_file_for
from dermadesk.system.secrets import SecretStoreUnavailable

PASSPHRASE_ENV = "DERMADESK_PASSPHRASE"
RECOVERY_ENV = "DERMADESK_RECOVERY_KEY"
MIN_PASSPHRASE = 10


@dataclass(frozen=True)
class NewKey:
    key: bytes
    recovery_key: str  # shown once, for printing
    protected_by: str  # "keyring" or "passphrase"


class Vault:
    def __init__(
        self, secrets: SecretStore, prompt: PassphrasePrompt | None = None, env: Mapping[str, str] | None = None
    ) -> None:
        self._secrets = secrets
        self._prompt = prompt
        self._env = os.environ if env is None else env

    # -- creation ----------------------------------------------------------------
    def create(self, db_path: Path) -> NewKey:
        """A fresh key for a database about to be created, written wrapped beside it.
        Refuses if a key file is already there: it may be the only way into some database."""
        key_path = key_file_for(db_path)
        if key_path.exists():
            raise DermaDeskError(ErrorCode.DB_ORPHAN_KEY_FILE, {"path": str(key_path)})
        key, recovery = new_database_key(), new_recovery_key()
        keyfile = KeyFile(check=key_check(key))
        protected_by = "keyring" if self._enrol_keyring(keyfile, key) else "passphrase"
        if protected_by == "passphrase":
            passphrase = self._ask("new", confirm=True)
            if not passphrase:
                raise DermaDeskError(ErrorCode.DB_PASSPHRASE_NEEDED)
            if len(passphrase) < MIN_PASSPHRASE:
                raise invalid(FieldProblem("passphrase", "too_short"))
            keyfile.seal_with_passphrase(key, passphrase)
        keyfile.seal_with_recovery_key(key, recovery)
        keyfile.save(key_path)
        return NewKey(key, recovery, protected_by)

    def forget(self, db_path: Path) -> None:
        """Remove a key file and its keyring entry (only for a database that was never written)."""
        key_path = key_file_for(db_path)
        try:
            keyfile = KeyFile.load(key_path)
        except (OSError, KeyFileError):
            return
        self._secrets.delete(_entry(keyfile))
        key_path.unlink(missing_ok=True)

    # -- unlocking ---------------------------------------------------------------
    def unlock(self, db_path: Path, *, passphrase: str | None = None, recovery_key: str | None = None) -> bytes:
        keyfile = self._load(db_path)
        recovery_key = recovery_key or self._env.get(RECOVERY_ENV)
        if recovery_key:
            return self._with_recovery(keyfile, db_path, recovery_key)
        if keyfile.has("keyring"):
            key = self._from_keyring(keyfile)
            if key is not None:
                return key
        if keyfile.has("passphrase"):
            passphrase = passphrase or self._env.get(PASSPHRASE_ENV) or self._ask("unlock")
            if not passphrase:
                raise DermaDeskError(ErrorCode.DB_PASSPHRASE_NEEDED)
            try:
                key = keyfile.open_with_passphrase(passphrase)
            except WrongSecret as exc:
                raise DermaDeskError(ErrorCode.DB_WRONG_PASSPHRASE) from exc
            return key
        recovery_key = self._ask("recovery")
        if not recovery_key:
            raise DermaDeskError(ErrorCode.DB_RECOVERY_KEY_NEEDED)
        return self._with_recovery(keyfile, db_path, recovery_key)

    def set_passphrase(self, db_path: Path, key: bytes, passphrase: str) -> None:
        """Add (or replace) a passphrase slot, e.g. before moving to a machine without a keyring."""
        keyfile = self._load(db_path)
        keyfile.seal_with_passphrase(key, passphrase)
        keyfile.save(key_file_for(db_path))

    # -- backups, restores and key rotation ----------------------------------------------
    def ask_recovery_key(self) -> str:
        """The recovery key from DERMADESK_RECOVERY_KEY or the prompt; an error naming how to give it."""
        given = self._env.get(RECOVERY_ENV) or self._ask("recovery")
        if not given:
            raise DermaDeskError(ErrorCode.DB_RECOVERY_KEY_NEEDED)
        return given

    def adopt(self, db_path: Path, key: bytes, keyfile: KeyFile) -> str:
        """A restored database on a machine that had none: its key file keeps the backup's recovery slot (the
        same recovery key opens it) and gains this machine's keyring, or a passphrase where there is no keyring.
        Returns how it is protected now."""
        if self._enrol_keyring(keyfile, key):
            protected_by = "keyring"
        else:
            passphrase = self._ask("new", confirm=True)
            if passphrase and len(passphrase) >= MIN_PASSPHRASE:
                keyfile.seal_with_passphrase(key, passphrase)
                protected_by = "passphrase"
            else:
                protected_by = "recovery key only"
        keyfile.save(key_file_for(db_path))
        return protected_by

    def resealed(self, db_path: Path, old_key: bytes, new_key: bytes, recovery_key: str) -> KeyFile:
        """A key file for `new_key` with the same slots as the current one (same keyring entry, passphrase and
        recovery key), each proven against the current key first. Not saved: the caller stages it."""
        current = self._load(db_path)
        fresh = KeyFile(key_id=current.key_id, check=key_check(new_key))
        if current.has("keyring"):
            # the same keyring entry (KEK) wraps the new key: both key files open from the keyring mid-rotation
            kek = self._secrets.get(_entry(current)) if self._from_keyring(current) is not None else None
            if kek is not None:  # a keyring that no longer opens the current file is no use to the new one
                fresh.seal_with_keyring_key(new_key, kek)
        if current.has("passphrase"):
            passphrase = self._ask("unlock")
            try:
                if not passphrase or current.open_with_passphrase(passphrase) != old_key:
                    raise DermaDeskError(ErrorCode.DB_PASSPHRASE_NEEDED)
            except WrongSecret as exc:
                raise DermaDeskError(ErrorCode.DB_WRONG_PASSPHRASE) from exc
            fresh.seal_with_passphrase(new_key, passphrase)
        if current.has("recovery"):
            try:
                if current.open_with_recovery_key(recovery_key) != old_key:
                    raise DermaDeskError(ErrorCode.DB_WRONG_RECOVERY_KEY)
            except WrongSecret as exc:
                raise DermaDeskError(ErrorCode.DB_WRONG_RECOVERY_KEY) from exc
        fresh.seal_with_recovery_key(new_key, recovery_key)
        return fresh

    # -- a clinic server's password ----------------------------------------------
    def server_password(self, entry: str, *, ask: bool = False) -> str | None:
        """The keyring's password for a server login, or (when there is none, or `ask` after a refusal)
        the prompt's. Never read from a file or the environment: it is kept only in the keyring."""
        if not ask:
            try:
                stored = self._secrets.get(entry)
            except SecretStoreUnavailable:
                stored = None
            if stored is not None:
                return stored.decode("utf-8")
        return self._prompt("server", confirm=False) if self._prompt else None

    def remember_server_password(self, entry: str, password: str) -> None:
        """Keep a password the server accepted; without a usable keyring it is asked again next time."""
        with contextlib.suppress(SecretStoreUnavailable):
            self._secrets.put(entry, password.encode("utf-8"))

    # -- internals ---------------------------------------------------------------
    def _load(self, db_path: Path) -> KeyFile:
        key_path = key_file_for(db_path)
        try:
            return KeyFile.load(key_path)
        except FileNotFoundError as exc:
            raise DermaDeskError(ErrorCode.DB_KEY_FILE_MISSING, {"path": str(db_path)}) from exc
        except KeyFileError as exc:
            raise DermaDeskError(ErrorCode.DB_KEY_FILE_DAMAGED, {"path": str(key_path)}) from exc

    def _with_recovery(self, keyfile: KeyFile, db_path: Path, recovery_key: str) -> bytes:
        try:
            key = keyfile.open_with_recovery_key(recovery_key)
        except WrongSecret as exc:
            raise DermaDeskError(ErrorCode.DB_WRONG_RECOVERY_KEY) from exc
        if keyfile.has("keyring") and self._from_keyring(keyfile) is None and self._enrol_keyring(keyfile, key):
            keyfile.save(key_file_for(db_path))  # a new machine: the keyring opens it from now on
        return key

    def _from_keyring(self, keyfile: KeyFile) -> bytes | None:
        try:
            kek = self._secrets.get(_entry(keyfile))
        except SecretStoreUnavailable:
            return None
        if kek is None:
            return None
        try:
            return keyfile.open_with_keyring_key(kek)
        except WrongSecret:
            return None

    def _enrol_keyring(self, keyfile: KeyFile, key: bytes) -> bool:
        kek = os.urandom(32)
        try:
            self._secrets.put(_entry(keyfile), kek)
        except SecretStoreUnavailable:
            return False
        keyfile.seal_with_keyring_key(key, kek)
        return True

    def _ask(self, purpose: str, confirm: bool = False) -> str | None:
        if purpose in ("new", "unlock") and self._env.get(PASSPHRASE_ENV):
            return self._env[PASSPHRASE_ENV]
        return self._prompt(purpose, confirm=confirm) if self._prompt else None


def _entry(keyfile: KeyFile) -> str:
    return f"db-key:{keyfile.key_id}"
