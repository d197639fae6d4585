"""Each OS's keyring backend is found the way keyring finds it, without asking the keyring for anything."""

from __future__ import annotations

import sys

import pytest

from dermadesk.system.secrets import NoSecretStore, SecretStoreUnavailable, load_native_backend


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Secret Service backend is Linux's")
def test_linux_loads_the_secret_service_backend_and_its_dbus_libraries() -> None:
    assert load_native_backend(sys.platform) == "keyring.backends.SecretService.Keyring"
    assert "secretstorage" in sys.modules and "jeepney" in sys.modules


def test_a_platform_without_a_native_keyring_says_so() -> None:
    assert load_native_backend("sunos5") == "none for this platform"


def test_the_no_keyring_store_refuses_so_a_passphrase_protects_the_key() -> None:
    with pytest.raises(SecretStoreUnavailable):
        NoSecretStore().put("db-key:x", b"secret")
    with pytest.raises(SecretStoreUnavailable):
        NoSecretStore().get("db-key:x")
