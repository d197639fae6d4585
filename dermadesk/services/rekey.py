"""`db rekey`: a new database key, by export, so that at every moment the database opens with the old key
or the new one.

    1. export   the database into `clinic.db.rekey` under the new key; reopen it and compare every table
    2. stage    the new key file as `clinic.db.key.next` (same keyring entry, passphrase and recovery key)
    3. swap db  rename `clinic.db.rekey` over `clinic.db` (atomic)
    4. swap key rename `clinic.db.key.next` over `clinic.db.key` (atomic)

A crash leaves the files in a state `settle_interrupted_rekey` (run before every open) finishes or undoes
from which files exist: `.rekey` still there -> the database was not swapped: drop `.rekey` and `.key.next`;
`.key.next` alone -> the database was swapped: finish step 4."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.vault import Vault
from dermadesk.store.backup import check_copy, export_copy, table_fingerprints
from dermadesk.store.chain_key import store_chain_key, stored_chain_key
from dermadesk.store.engine import open_encrypted, raw_connection
from dermadesk.store.unit_of_work import Store
from dermadesk.system.keyfile import AUDIT_CHAIN_PURPOSE, derive_subkey, new_database_key, new_recovery_key
from dermadesk.system.paths import key_file_for, sidecar_files, sync_folder

REKEY_STEPS = ("exported", "key_file_staged", "database_swapped", "key_file_swapped")
StepHook = Callable[[str], None]


@dataclass(frozen=True)
class Rekeyed:
    path: Path
    tables: int
    new_recovery_key: str | None  # only when one was asked for: shown once


def rekey_paths(db_path: Path) -> tuple[Path, Path]:
    return db_path.with_name(db_path.name + ".rekey"), key_file_for(db_path).with_name(
        key_file_for(db_path).name + ".next"
    )


def settle_interrupted_rekey(db_path: Path) -> str | None:
    """Finish or undo a rotation a crash interrupted; returns what was done (None when nothing was pending)."""
    new_db, staged_key = rekey_paths(db_path)
    if new_db.exists():
        for leftover in (new_db, new_db.with_name(new_db.name + "-journal"), staged_key):
            leftover.unlink(missing_ok=True)
        return "undone"
    if staged_key.exists():
        os.replace(staged_key, key_file_for(db_path))
        sync_folder(db_path.parent)
        return "finished"
    return None


def rekey(
    db_path: Path,
    vault: Vault,
    *,
    recovery_key: str | None = None,
    new_recovery: bool = False,
    step: StepHook | None = None,
) -> Rekeyed:
    """Rotate the database key of a closed database (the caller holds the instance lock)."""
    step = step or (lambda _name: None)
    settle_interrupted_rekey(db_path)
    old_key = vault.unlock(db_path)
    current_recovery = recovery_key or vault.ask_recovery_key()
    shown = new_recovery_key() if new_recovery else None
    new_key = new_database_key()
    fresh = vault.resealed(db_path, old_key, new_key, current_recovery)
    if shown is not None:
        fresh.seal_with_recovery_key(new_key, shown)
    new_db, staged_key = rekey_paths(db_path)

    engine = open_encrypted(db_path, old_key)
    try:
        keep_audit_chain_key(engine, old_key)
        with raw_connection(engine) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = table_fingerprints(engine)
        export_copy(engine, new_db, new_key)
    finally:
        engine.dispose()
    check = check_copy(new_db, new_key)
    if check.problems or check.tables != expected:
        new_db.unlink(missing_ok=True)
        raise DermaDeskError(ErrorCode.BACKUP_NOT_VERIFIED, {"detail": "; ".join(check.problems[:3]) or "tables"})
    step("exported")
    fresh.save(staged_key)
    step("key_file_staged")
    _drop_empty_sidecars(db_path)
    os.replace(new_db, db_path)
    sync_folder(db_path.parent)
    step("database_swapped")
    os.replace(staged_key, key_file_for(db_path))
    sync_folder(db_path.parent)
    step("key_file_swapped")
    return Rekeyed(db_path, len(expected), shown)


def keep_audit_chain_key(engine: Engine, old_key: bytes) -> None:
    """The audit chain's HMAC key was derived from the database key: store it in the database (once) before the
    key changes, or every entry written so far would fail `audit verify` afterwards. The copy carries it."""
    with Store(engine).write() as uow:
        if stored_chain_key(uow.session) is None:
            store_chain_key(uow.session, derive_subkey(old_key, AUDIT_CHAIN_PURPOSE))


def _drop_empty_sidecars(db_path: Path) -> None:
    """After a clean close and a TRUNCATE checkpoint the -wal is empty: it must not outlive its database
    (SQLite would replay another file's log into the new one)."""
    for sidecar in sidecar_files(db_path)[1:]:
        if sidecar.exists():
            if sidecar.name.endswith("-wal") and sidecar.stat().st_size > 0:
                raise DermaDeskError(ErrorCode.DB_IN_USE, {"path": str(db_path)})
            sidecar.unlink()
