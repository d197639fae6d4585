"""Where DermaDesk keeps its files: the user's data folder, or DERMADESK_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "DermaDesk"


def data_dir() -> Path:
    """The private data folder, created 0700 on first use."""
    override = os.environ.get("DERMADESK_HOME")
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    return ensure_private_dir(folder)


def ensure_private_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def default_db_path() -> Path:
    return data_dir() / "clinic.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def backups_dir() -> Path:
    return ensure_private_dir(data_dir() / "backups")


def logs_dir() -> Path:
    return ensure_private_dir(data_dir() / "logs")


def key_file_for(db_path: Path) -> Path:
    """The wrapped-key file that travels beside its database."""
    return db_path.with_name(db_path.name + ".key")


def sidecar_files(db_path: Path) -> list[Path]:
    """The database and the files SQLite keeps beside it."""
    return [db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")]


def sync_folder(folder: Path) -> None:
    """Make a rename inside `folder` durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private_atomically(path: Path, data: bytes) -> None:
    """A temp file (0600), fsync, rename over: a reader sees the old file or the new, never half of one."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
