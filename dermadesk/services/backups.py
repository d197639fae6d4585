"""Verified, encrypted backups of the open database: made on demand or once a day, rotated, listed."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dermadesk.domain.audit import AuditAction
from dermadesk.domain.backup_rotation import Retention, backups_to_keep
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.staff import Permission
from dermadesk.services.context import ServiceContext
from dermadesk.store.backup import CopyMismatch, check_copy, combined_hash, driver_errors, export_copy, file_sha256
from dermadesk.system.backup_manifest import BackupFigures, Manifest, manifest_for
from dermadesk.system.keyfile import KeyFile, new_database_key
from dermadesk.system.paths import ensure_private_dir, key_file_for

BACKUP_SUFFIX = ".ddbackup"
DAILY = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?Z\.ddbackup$")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    made_at: datetime  # UTC, from the name (readable without any key)
    size_bytes: int
    has_manifest: bool

    @property
    def manifest(self) -> Path:
        return manifest_for(self.path)


@dataclass(frozen=True)
class BackupMade:
    path: Path
    figures: BackupFigures
    removed: tuple[Path, ...] = ()  # older backups rotation let go


class BackupService:
    """Backups of one open database into one folder. A backup is a new SQLCipher file under its own random
    key, written by sqlcipher_export from one read transaction (never a copy of the live files), reopened
    and checked, and described by a sealed manifest beside it (see system/backup_manifest.py)."""

    def __init__(
        self, context: ServiceContext, db_path: Path, database_key: bytes, folder: Path, retention: Retention
    ) -> None:
        self.context = context
        self.db_path = db_path
        self._key = database_key
        self.folder = folder
        self.retention = retention

    # -- making ------------------------------------------------------------------------
    def create(self, to: Path | None = None) -> BackupMade:
        """One verified backup now (owners; the command line acts as the owner)."""
        self.context.require(Permission.EXPORT_DATA, "make a backup")
        return self._make(to or self.folder)

    def run_due(self) -> BackupMade | None:
        """The automatic daily backup: made if the newest is a day old or more (or there is none), then rotated.
        Any signed-in user's start triggers it: a backup is the clinic's safety, not a privilege."""
        last = self.last()
        if last is not None and self.context.clock.now() - last.made_at < DAILY:
            return None
        made = self._make(self.folder)
        removed = self.rotate()
        return BackupMade(made.path, made.figures, tuple(removed))

    def _make(self, folder: Path) -> BackupMade:
        try:
            ensure_private_dir(folder)
        except OSError as exc:
            raise DermaDeskError(ErrorCode.BACKUP_FAILED, {"path": str(folder), "detail": str(exc)}) from exc
        now = self.context.clock.now().astimezone(UTC)
        target = self._free_name(folder, now)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        backup_key = new_database_key()
        try:
            export_copy(self.context.store.engine, partial, backup_key)
            check = check_copy(partial, backup_key)
        except CopyMismatch as exc:
            partial.unlink(missing_ok=True)
            raise DermaDeskError(ErrorCode.BACKUP_NOT_VERIFIED, {"detail": str(exc)}) from exc
        except (OSError, driver_errors()) as exc:  # a full disk, a read-only stick, a folder we may not write
            partial.unlink(missing_ok=True)
            raise DermaDeskError(ErrorCode.BACKUP_FAILED, {"path": str(folder), "detail": str(exc)}) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        if check.problems:
            partial.unlink(missing_ok=True)
            raise DermaDeskError(ErrorCode.BACKUP_NOT_VERIFIED, {"detail": "; ".join(check.problems[:3])})
        figures = BackupFigures(
            created_at=now.isoformat(),
            source_name=self.db_path.name,
            schema_revision=check.revision,
            tables=check.tables,
            content_hash=combined_hash(check.tables),
            file_sha256=file_sha256(partial),
            file_size=partial.stat().st_size,
        )
        keyfile = KeyFile.load(key_file_for(self.db_path))
        Manifest.seal(figures, backup_key, self._key, keyfile).save(manifest_for(target))
        os.replace(partial, target)  # the backup appears under its name only once its manifest exists
        self._record(target)
        return BackupMade(target, figures)

    def _record(self, target: Path) -> None:
        if self.context.store.read_only:
            return  # a damaged database opened read-only: the backup is still worth having
        with self.context.store.write() as uow:
            self.context.audit(uow, AuditAction.BACKUP, "backup", target.name)

    def _free_name(self, folder: Path, now: datetime) -> Path:
        base = f"{self.db_path.stem}-{now.strftime(_STAMP)}"
        candidate, n = folder / f"{base}Z{BACKUP_SUFFIX}", 1
        while candidate.exists() or manifest_for(candidate).exists():
            n += 1
            candidate = folder / f"{base}-{n}Z{BACKUP_SUFFIX}"
        return candidate

    # -- listing and rotating --------------------------------------------------------------
    def list(self, folder: Path | None = None) -> list[BackupEntry]:
        """This database's backups in a folder, newest first."""
        return list_backups(folder or self.folder, self.db_path.stem)

    def last(self) -> BackupEntry | None:
        entries = [e for e in self.list() if e.has_manifest]
        return entries[0] if entries else None

    def rotate(self) -> list[Path]:
        """Delete the backups rotation no longer keeps (7 daily, 4 weekly, 12 monthly), and their manifests.
        Only files this service named are touched; a backup without its manifest is left for a person to judge."""
        entries = [e for e in self.list() if e.has_manifest]
        keep = backups_to_keep([e.made_at for e in entries], self.retention)
        removed = self._drop_abandoned_partials()
        for entry in entries:
            if entry.made_at not in keep:
                entry.path.unlink(missing_ok=True)
                entry.manifest.unlink(missing_ok=True)
                removed.append(entry.path)
        return removed

    def _drop_abandoned_partials(self) -> list[Path]:
        """A backup interrupted by a crash leaves `….partial`; one an hour old is not being written any more."""
        removed = []
        cutoff = self.context.clock.now().timestamp() - 3600
        for partial in self.folder.glob(f"{self.db_path.stem}-*{BACKUP_SUFFIX}.partial"):
            if partial.stat().st_mtime < cutoff:
                partial.unlink(missing_ok=True)
                removed.append(partial)
        return removed


def list_backups(folder: Path, stem: str | None = None) -> list[BackupEntry]:
    if not folder.is_dir():
        return []
    entries = []
    for path in folder.glob(f"*{BACKUP_SUFFIX}"):
        match = _NAME.match(path.name)
        if not match or (stem is not None and match["stem"] != stem):
            continue
        made_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        entries.append(BackupEntry(path, made_at, path.stat().st_size, manifest_for(path).exists()))
    return sorted(entries, key=lambda e: (e.made_at, e.path.name), reverse=True)
