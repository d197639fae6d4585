"""`backup restore`: a backup checked against its sealed manifest, exported into a new file, that file
checked again, and only then swapped in (atomic rename); the database it replaces is kept as
`clinic.db.before-restore`. On a new machine the recovery key alone opens the backup and its manifest."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.rekey import settle_interrupted_rekey
from dermadesk.services.vault import Vault
from dermadesk.store.backup import check_copy, export_file, file_sha256
from dermadesk.store.engine import open_encrypted, raw_connection
from dermadesk.system.backup_manifest import BackupFigures, Manifest, ManifestError, manifest_for
from dermadesk.system.keyfile import WrongSecret
from dermadesk.system.paths import key_file_for, sidecar_files, sync_folder


@dataclass(frozen=True)
class Restored:
    path: Path
    figures: BackupFigures
    previous: Path | None  # the database that was replaced, kept
    protected_by: str  # how the restored database's key is kept ("unchanged" on the same machine)


@dataclass(frozen=True)
class OpenedBackup:
    backup_key: bytes
    database_key: bytes  # the database key the backup was made under
    manifest: Manifest
    figures: BackupFigures


def open_backup(backup: Path, *, current_key: bytes | None, recovery_key: str | None) -> OpenedBackup:
    """Unwrap a backup's key (with the current database key if the backup was made under it, else the
    recovery key) and check the file: its SHA-256, integrity, every page's HMAC and every table's figures."""
    try:
        manifest = Manifest.load(manifest_for(backup))
    except ManifestError as exc:
        raise DermaDeskError(ErrorCode.BACKUP_DAMAGED, {"path": str(backup), "detail": str(exc)}) from exc
    try:
        if current_key is not None and manifest.made_under(current_key):
            database_key = current_key
        elif recovery_key is not None:
            database_key = manifest.database_key_from_recovery_key(recovery_key)
        else:
            raise DermaDeskError(ErrorCode.BACKUP_WRONG_KEY, {"path": str(backup)})
        backup_key = manifest.backup_key_from_database_key(database_key)
    except WrongSecret as exc:
        raise DermaDeskError(ErrorCode.DB_WRONG_RECOVERY_KEY) from exc
    try:
        figures = manifest.figures(backup_key)
    except ManifestError as exc:
        raise DermaDeskError(ErrorCode.BACKUP_DAMAGED, {"path": str(backup), "detail": str(exc)}) from exc
    if not backup.exists():
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "backup", "id": str(backup)})
    if file_sha256(backup) != figures.file_sha256:
        raise DermaDeskError(ErrorCode.BACKUP_DAMAGED, {"path": str(backup), "detail": "its checksum differs"})
    _require_matching(backup, backup_key, figures, backup)
    return OpenedBackup(backup_key, database_key, manifest, figures)


def restore(backup: Path, db_path: Path, vault: Vault, *, recovery_key: str | None = None) -> Restored:
    """Restore `backup` as `db_path` (closed; the caller holds the instance lock). Nothing at `db_path`
    changes until the restored copy has been checked."""
    settle_interrupted_rekey(db_path)
    has_key_file = key_file_for(db_path).exists()
    current_key = vault.unlock(db_path, recovery_key=recovery_key) if has_key_file else None
    try:
        opened = open_backup(backup, current_key=current_key, recovery_key=recovery_key)
    except DermaDeskError as error:
        if error.code is not ErrorCode.BACKUP_WRONG_KEY:
            raise
        opened = open_backup(backup, current_key=None, recovery_key=vault.ask_recovery_key())
    target_key = current_key or opened.database_key  # same machine: the key file beside the database stays
    incoming = db_path.with_name(db_path.name + ".restoring")
    for leftover in (incoming, incoming.with_name(incoming.name + "-journal")):
        leftover.unlink(missing_ok=True)
    export_file(backup, opened.backup_key, incoming, target_key)
    try:
        _require_matching(incoming, target_key, opened.figures, backup)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    protected_by = "unchanged"
    if not has_key_file:
        protected_by = vault.adopt(db_path, target_key, opened.manifest.recovery_keyfile())
    previous = _set_aside(db_path, current_key) if db_path.exists() else None
    os.replace(incoming, db_path)
    sync_folder(db_path.parent)
    return Restored(db_path, opened.figures, previous, protected_by)


def _require_matching(path: Path, key: bytes, figures: BackupFigures, backup: Path) -> None:
    check = check_copy(path, key)
    if check.problems:
        raise DermaDeskError(ErrorCode.BACKUP_DAMAGED, {"path": str(backup), "detail": "; ".join(check.problems[:3])})
    if check.tables != figures.tables:
        differing = sorted(
            name
            for name in set(check.tables) | set(figures.tables)
            if check.tables.get(name) != figures.tables.get(name)
        )
        raise DermaDeskError(
            ErrorCode.BACKUP_DAMAGED,
            {"path": str(backup), "detail": f"tables differ from its manifest: {differing[:5]}"},
        )


def _set_aside(db_path: Path, key: bytes | None) -> Path:
    """Keep the database being replaced, with its log and key file, as `<name>.before-restore[-stamp]`.
    A hard link keeps the live name in place until the atomic rename over it."""
    if key is not None:
        try:  # fold the log into the file so the kept copy is one file
            engine = open_encrypted(db_path, key)
            with raw_connection(engine) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()
        except Exception:  # a damaged database: keep its log beside it as it is
            pass
    kept = db_path.with_name(db_path.name + ".before-restore")
    if any(f.exists() for f in sidecar_files(kept)):
        kept = db_path.with_name(f"{db_path.name}.before-restore-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    for live, aside in zip(sidecar_files(db_path)[1:], sidecar_files(kept)[1:], strict=True):
        if live.exists():
            os.replace(live, aside)  # a log must never be replayed into the restored file
    try:
        os.link(db_path, kept)
    except OSError:  # no hard links here (some Windows and network file systems): a closed file copies safely
        shutil.copy2(db_path, kept)
    if key_file_for(db_path).exists():
        shutil.copy2(key_file_for(db_path), key_file_for(kept))
    return kept
