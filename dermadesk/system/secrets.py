"""Secret stores: the OS keyring (refusing insecure backends) and memory for tests."""

from __future__ import annotations

import base64
import logging

import keyring
import keyring.backend
import keyring.errors

SERVICE = "DermaDesk"
log = logging.getLogger(__name__)

# Backends that store nothing, fail always, or keep secrets in a readable file.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class SecretStoreUnavailable(Exception):
    """No secure keyring here (headless, locked, null or plaintext backend)."""


class KeyringSecretStore:
    """The OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    def _keyring(self) -> keyring.backend.KeyringBackend:
        backend = self._backend or keyring.get_keyring()
        if not is_secure_backend(backend):
            raise SecretStoreUnavailable(type(backend).__module__)
        return backend

    def get(self, name: str) -> bytes | None:
        try:
            value = self._keyring().get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(type(exc).__name__) from exc
        return base64.b64decode(value) if value else None

    def put(self, name: str, secret: bytes) -> None:
        """Store, then read back: a backend that 'succeeds' but keeps nothing is refused."""
        encoded = base64.b64encode(secret).decode()
        try:
            backend = self._keyring()
            backend.set_password(SERVICE, name, encoded)
            stored = backend.get_password(SERVICE, name)
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(type(exc).__name__) from exc
        if stored != encoded:
            raise SecretStoreUnavailable("keyring did not keep the secret")

    def delete(self, name: str) -> None:
        try:
            self._keyring().delete_password(SERVICE, name)
        except (keyring.errors.KeyringError, SecretStoreUnavailable):
            log.info("could not delete a keyring entry")


def is_secure_backend(backend: keyring.backend.KeyringBackend) -> bool:
    inner = getattr(backend, "backends", None)
    if inner is not None:  # the chainer: secure if any of its members is
        return any(is_secure_backend(b) for b in inner)
    module = type(backend).__module__
    return not any(module.startswith(refused) for refused in _REFUSED_MODULES)


class MemorySecretStore:
    """Secrets kept in this process only: tests and throw-away databases."""

    def __init__(self) -> None:
        self._items: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        return self._items.get(name)

    def put(self, name: str, secret: bytes) -> None:
        self._items[name] = secret

    def delete(self, name: str) -> None:
        self._items.pop(name, None)


class NoSecretStore:
    """A keyring that is never there: the database key is then protected by a passphrase (self-test)."""

    def get(self, name: str) -> bytes | None:
        raise SecretStoreUnavailable("no keyring by choice")

    def put(self, name: str, secret: bytes) -> None:
        raise SecretStoreUnavailable("no keyring by choice")

    def delete(self, name: str) -> None:
        pass


# The backend each OS uses, and the libraries it needs beyond keyring itself.
_NATIVE_BACKENDS = {
    "win32": ("Windows", ("win32ctypes.pywin32.win32cred",)),
    "darwin": ("macOS", ()),
    "linux": ("SecretService", ("secretstorage", "jeepney")),
}


def load_native_backend(platform: str) -> str:
    """Load this OS's keyring backend the way keyring finds it (an entry point in its metadata) and the libraries
    it needs, without asking the keyring for anything: proves an installer carries them. Returns the class name."""
    from importlib import import_module, metadata

    name, needs = _NATIVE_BACKENDS.get("linux" if platform.startswith("linux") else platform, ("", ()))
    if not name:
        return "none for this platform"
    points = {point.name: point for point in metadata.entry_points(group="keyring.backends")}
    if name not in points:
        raise SecretStoreUnavailable(f"keyring's {name} backend is not registered (its metadata is missing)")
    module = points[name].load()
    for library in needs:
        import_module(library)
    backend = getattr(module, "Keyring", None) or getattr(module, "WinVaultKeyring", None)
    if backend is None:
        raise SecretStoreUnavailable(f"keyring's {name} backend has no keyring class")
    return f"{backend.__module__}.{backend.__name__}"
