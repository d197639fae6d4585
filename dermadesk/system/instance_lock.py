"""One DermaDesk per database: an operating-system lock on a small file. The OS drops the lock when the
holding process ends, however it ends, so a lock left by a crash is never in the way (the file stays; only
its lock matters). The app, `backup restore` and `db rekey` take the same lock."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from dermadesk.system.paths import data_dir, ensure_private_dir

LOCK_DIR_ENV = "DERMADESK_LOCK_DIR"  # tests and parallel runs point this at a folder of their own


class AlreadyLocked(Exception):
    """Another process holds this database's lock."""


def lock_name(db_path: Path) -> str:
    """A short name per database (also the single-instance channel's name)."""
    digest = hashlib.sha256(str(Path(os.path.abspath(db_path))).encode()).hexdigest()[:16]
    return f"dermadesk-{digest}"


def lock_dir() -> Path:
    override = os.environ.get(LOCK_DIR_ENV)
    return ensure_private_dir(Path(override) if override else data_dir() / "locks")


class InstanceLock:
    def __init__(self, db_path: Path, folder: Path | None = None) -> None:
        self.name = lock_name(db_path)
        self.path = (folder or lock_dir()) / f"{self.name}.lock"
        self._fd: int | None = None

    def acquire(self) -> InstanceLock:
        """Take the lock or raise AlreadyLocked at once (no waiting)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise AlreadyLocked(str(self.path)) from exc
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
