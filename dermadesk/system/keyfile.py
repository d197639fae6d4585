"""The key file: the database key wrapped (AES-256-GCM) by a keyring key, a passphrase and a recovery key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from dermadesk.system.paths import write_private_atomically

FORMAT = "dermadesk-key/1"
KEY_BYTES = 32
# scrypt at 2^17 x 8: ~128 MiB and ~0.3 s, a fair price once per start for an offline guesser's cost.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_RECOVERY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_RECOVERY_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class KeyFileError(Exception):
    """The key file is missing, unreadable or not ours."""


class WrongSecret(Exception):
    """A passphrase, keyring key or recovery key that does not unwrap the database key."""


def new_database_key() -> bytes:
    return os.urandom(KEY_BYTES)


def new_recovery_key() -> str:
    """160 random bits as 8 groups of 4 base32 letters, easy to print and type back."""
    text = base64.b32encode(os.urandom(20)).decode()
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def normalise_recovery_key(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper().translate(_RECOVERY_LOOKALIKES) if ch.isalnum())
    if len(cleaned) != 32 or any(ch not in _RECOVERY_ALPHABET for ch in cleaned):
        raise WrongSecret("not a recovery key")
    return cleaned


def key_check(key: bytes) -> str:
    """A short fingerprint of the key, to tell a damaged database from a wrong key."""
    return hmac.new(key, b"dermadesk-key-check", hashlib.sha256).hexdigest()[:16]


@dataclass
class KeyFile:
    key_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    check: str = ""
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)

    # -- slots -------------------------------------------------------------
    def seal_with_keyring_key(self, key: bytes, kek: bytes) -> None:
        self.slots["keyring"] = _seal(key, kek, self._aad("keyring"))

    def seal_with_passphrase(self, key: bytes, passphrase: str) -> None:
        salt = os.urandom(16)
        wrapping = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        slot = _seal(key, wrapping, self._aad("passphrase"))
        slot.update(kdf="scrypt", salt=_b64(salt), n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
        self.slots["passphrase"] = slot

    def seal_with_recovery_key(self, key: bytes, recovery_key: str) -> None:
        salt = os.urandom(16)
        slot = _seal(key, _recovery_wrapping(recovery_key, salt), self._aad("recovery"))
        slot.update(kdf="hkdf-sha256", salt=_b64(salt))
        self.slots["recovery"] = slot

    def open_with_keyring_key(self, kek: bytes) -> bytes:
        return self._open("keyring", kek)

    def open_with_passphrase(self, passphrase: str) -> bytes:
        slot = self._slot("passphrase")
        wrapping = _scrypt(passphrase, _unb64(slot["salt"]), int(slot["n"]), int(slot["r"]), int(slot["p"]))
        return self._open("passphrase", wrapping)

    def open_with_recovery_key(self, recovery_key: str) -> bytes:
        slot = self._slot("recovery")
        return self._open("recovery", _recovery_wrapping(recovery_key, _unb64(slot["salt"])))

    def has(self, slot: str) -> bool:
        return slot in self.slots

    # -- file --------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically and privately: a temp file, fsync, then rename over."""
        data = json.dumps(
            {"format": FORMAT, "key_id": self.key_id, "check": self.check, "slots": self.slots},
            indent=1,
            sort_keys=True,
        ).encode()
        write_private_atomically(path, data)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise
        except (OSError, ValueError) as exc:
            raise KeyFileError(str(path)) from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("slots"), dict):
            raise KeyFileError(str(path))
        return cls(key_id=str(raw.get("key_id")), check=str(raw.get("check", "")), slots=raw["slots"])

    # -- internals ---------------------------------------------------------
    def _aad(self, slot: str) -> bytes:
        return f"{FORMAT}|{self.key_id}|{slot}".encode()

    def _slot(self, name: str) -> dict[str, Any]:
        if name not in self.slots:
            raise WrongSecret(f"no {name} slot")
        return self.slots[name]

    def _open(self, name: str, wrapping: bytes) -> bytes:
        slot = self._slot(name)
        try:
            key = AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["ciphertext"]), self._aad(name))
        except (InvalidTag, KeyError, ValueError) as exc:
            raise WrongSecret(name) from exc
        if self.check and not secrets.compare_digest(key_check(key), self.check):
            raise WrongSecret(name)
        return key


def _seal(key: bytes, wrapping: bytes, aad: bytes) -> dict[str, Any]:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ciphertext": _b64(AESGCM(wrapping).encrypt(nonce, key, aad))}


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _recovery_wrapping(recovery_key: str, salt: bytes) -> bytes:
    material = base64.b32decode(normalise_recovery_key(recovery_key))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"dermadesk-recovery").derive(material)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)


AUDIT_CHAIN_PURPOSE = "audit-chain"  # the audit log's HMAC key, derived from the database key


def derive_subkey(key: bytes, purpose: str) -> bytes:
    """A separate key for one purpose (e.g. the audit chain's HMAC), derived from the database key."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=f"dermadesk/{purpose}".encode()).derive(key)
