"""The sealed manifest beside each backup, and the key hierarchy that lets the recovery key alone open both.

backup file  -- SQLCipher, encrypted with its own random backup key B
manifest     -- JSON: B wrapped twice, and the backup's figures sealed (AES-256-GCM) under a key derived from B
    slot "database": B wrapped by a key derived from the database key K (same machine: the keyring opens it)
    slot "recovery": a copy of the key file's recovery slot (K wrapped by the recovery key), so that
                     recovery key -> K -> B works on a new machine with nothing but the two backup files
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dermadesk.system.keyfile import KeyFile, WrongSecret, derive_subkey, key_check
from dermadesk.system.paths import write_private_atomically

FORMAT = "dermadesk-backup/1"
MANIFEST_SUFFIX = ".manifest"


class ManifestError(Exception):
    """The manifest is missing, not ours, or has been altered."""


@dataclass(frozen=True)
class BackupFigures:
    """What a verified backup holds: checked again before any restore."""

    created_at: str
    source_name: str
    schema_revision: str | None
    tables: dict[str, tuple[int, str]]  # name -> (row count, content hash)
    content_hash: str
    file_sha256: str
    file_size: int

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "tables": {k: list(v) for k, v in self.tables.items()}}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> BackupFigures:
        tables = {str(k): (int(v[0]), str(v[1])) for k, v in raw["tables"].items()}
        return cls(**{**raw, "tables": tables})


@dataclass
class Manifest:
    backup_id: str
    database_key_check: str  # tells whether the current database key is the one this backup was made under
    slots: dict[str, dict[str, Any]]
    sealed: dict[str, str]

    @classmethod
    def seal(cls, figures: BackupFigures, backup_key: bytes, database_key: bytes, keyfile: KeyFile) -> Manifest:
        backup_id = uuid.uuid4().hex
        slots: dict[str, dict[str, Any]] = {
            "database": _wrap(backup_key, _database_wrapping(database_key), _aad(backup_id, "database"))
        }
        if keyfile.has("recovery"):
            slots["recovery"] = {"key_id": keyfile.key_id, "check": keyfile.check, "slot": keyfile.slots["recovery"]}
        body = json.dumps(figures.to_json(), sort_keys=True).encode()
        sealed = _wrap(body, derive_subkey(backup_key, "backup-manifest"), _aad(backup_id, "figures"))
        return cls(backup_id, key_check(database_key), slots, sealed)

    # -- opening -----------------------------------------------------------------
    def made_under(self, database_key: bytes) -> bool:
        return secrets.compare_digest(self.database_key_check, key_check(database_key))

    def backup_key_from_database_key(self, database_key: bytes) -> bytes:
        return _unwrap(self._slot("database"), _database_wrapping(database_key), _aad(self.backup_id, "database"))

    def database_key_from_recovery_key(self, recovery_key: str) -> bytes:
        """The database key the backup was made under, from the recovery key alone."""
        return self.recovery_keyfile().open_with_recovery_key(recovery_key)

    def recovery_keyfile(self) -> KeyFile:
        """A key file holding just the copied recovery slot: the start of a restored database's key file."""
        slot = self._slot("recovery")
        return KeyFile(key_id=str(slot["key_id"]), check=str(slot["check"]), slots={"recovery": dict(slot["slot"])})

    def figures(self, backup_key: bytes) -> BackupFigures:
        """The sealed figures; any change to the manifest (or the wrong key) is refused."""
        try:
            body = _unwrap(self.sealed, derive_subkey(backup_key, "backup-manifest"), _aad(self.backup_id, "figures"))
        except WrongSecret as exc:
            raise ManifestError(
                "the manifest's figures do not open: it was altered or belongs to another backup"
            ) from exc
        try:
            return BackupFigures.from_json(json.loads(body))
        except (ValueError, KeyError, TypeError) as exc:
            raise ManifestError("figures") from exc

    def _slot(self, name: str) -> dict[str, Any]:
        if name not in self.slots:
            raise WrongSecret(f"no {name} slot")
        return self.slots[name]

    # -- file --------------------------------------------------------------------
    def save(self, path: Path) -> None:
        data = json.dumps(
            {
                "format": FORMAT,
                "backup_id": self.backup_id,
                "database_key_check": self.database_key_check,
                "slots": self.slots,
                "sealed": self.sealed,
            },
            indent=1,
            sort_keys=True,
        ).encode()
        write_private_atomically(path, data)

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            raw = json.loads(path.read_bytes())
            if raw.get("format") != FORMAT:
                raise ManifestError(f"{path.name}: not a DermaDesk backup manifest")
            return cls(str(raw["backup_id"]), str(raw["database_key_check"]), dict(raw["slots"]), dict(raw["sealed"]))
        except FileNotFoundError as exc:
            raise ManifestError(f"{path.name}: missing") from exc
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ManifestError(f"{path.name}: unreadable") from exc


def manifest_for(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def _database_wrapping(database_key: bytes) -> bytes:
    return derive_subkey(database_key, "backup-key-wrap")


def _aad(backup_id: str, part: str) -> bytes:
    return f"{FORMAT}|{backup_id}|{part}".encode()


def _wrap(secret: bytes, wrapping: bytes, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ciphertext": _b64(AESGCM(wrapping).encrypt(nonce, secret, aad))}


def _unwrap(slot: dict[str, Any], wrapping: bytes, aad: bytes) -> bytes:
    try:
        return AESGCM(wrapping).decrypt(base64.b64decode(slot["nonce"]), base64.b64decode(slot["ciphertext"]), aad)
    except (InvalidTag, KeyError, ValueError, TypeError) as exc:
        raise WrongSecret("backup manifest") from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
