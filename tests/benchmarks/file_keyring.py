"""A keyring kept in a file, for benchmarks only: a fresh process finds the key the way a desktop finds it
in the OS keyring (no passphrase KDF on the way). Never for real use: the file is not protected."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import keyring.backend

STORE = Path(os.environ.get("DERMADESK_BENCH_KEYRING", Path(tempfile.gettempdir()) / "dermadesk-bench-keyring.json"))


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _items(self) -> dict[str, str]:
        return json.loads(STORE.read_text()) if STORE.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._items().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        items = self._items()
        items[f"{service}/{username}"] = password
        STORE.write_text(json.dumps(items))

    def delete_password(self, service: str, username: str) -> None:
        items = self._items()
        items.pop(f"{service}/{username}", None)
        STORE.write_text(json.dumps(items))
