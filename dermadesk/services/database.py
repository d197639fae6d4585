"""Opening, creating, describing and checking a clinic's encrypted database."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.ports import Clock, SystemClock
from dermadesk.services.clinic import seed_defaults
from dermadesk.services.rekey import settle_interrupted_rekey
from dermadesk.services.vault import NewKey, Vault
from dermadesk.store import migrate
from dermadesk.store.backup import export_copy, pragma_problems
from dermadesk.store.chain_key import store_chain_key, stored_chain_key
from dermadesk.store.engine import cipher_version, open_encrypted
from dermadesk.store.server import server_size_and_version
from dermadesk.store.unit_of_work import Store
from dermadesk.system.keyfile import AUDIT_CHAIN_PURPOSE, derive_subkey
from dermadesk.system.paths import key_file_for, sidecar_files
from dermadesk.system.storage_location import refusal_for


@dataclass
class OpenedDatabase:
    store: Store
    path: Path | None  # None for a clinic server
    key: bytes  # the file's key; empty for a clinic server
    new_key: NewKey | None = None  # only on creation: the recovery key to show once
    read_only: bool = False
    damage: tuple[str, ...] = ()  # what the start-up quick_check found; the database is then open read-only
    checked: bool = True  # False until `check_after_open` has run (a big file opened with check_later)
    chain_key: bytes | None = None  # a stored audit chain key (server, or a file copied back from one)
    server: str | None = None  # user@host:port/database of a clinic server

    @property
    def audit_key(self) -> bytes:
        return self.chain_key if self.chain_key is not None else derive_subkey(self.key, AUDIT_CHAIN_PURPOSE)

    @property
    def location(self) -> str:
        """What to show the user: the file, or the server."""
        return self.server if self.server is not None else str(self.path)

    def close(self) -> None:
        self.store.dispose()


def open_database(
    path: Path,
    vault: Vault,
    *,
    create: bool = False,
    settings: ClinicSettings | None = None,
    backups: Path | None = None,
    clock: Clock | None = None,
    check_later: bool = False,
) -> OpenedDatabase:
    """Unlock and open an existing database (upgrading its schema after a backup), or create a new one.
    An existing file is never recreated or written to before its key has opened it. With `check_later`, a big
    file that needs no upgrade opens before its quick_check: the caller runs `check_after_open` as the first
    work on its database thread (the app does, behind the sign-in dialog), so nothing is written before it."""
    clock = clock or SystemClock()
    path = Path(path)
    refuse_shared_location(path)
    settle_interrupted_rekey(path)
    if path.exists():
        key = vault.unlock(path)
        engine = open_encrypted(path, key)
        if check_later and path.stat().st_size > CHECK_AT_OPEN_BYTES and not migrate.needs_upgrade(engine):
            store = _store(engine)
            return OpenedDatabase(store, path, key, chain_key=_chain_key(store), checked=False)
        damage = pragma_problems(engine, ("quick_check",))
        if damage:  # never migrated, written or "repaired": read-only, and the UI says so
            engine.dispose()
            store = _store(open_encrypted(path, key, read_only=True), read_only=True)
            return OpenedDatabase(
                store, path, key, read_only=True, damage=tuple(damage[:20]), chain_key=_chain_key(store)
            )
        try:
            migrate.upgrade(engine, backup=lambda: _backup_before_upgrade(engine, path, key, backups, clock))
        except BaseException:
            engine.dispose()
            raise
        store = _store(engine)
        return OpenedDatabase(store, path, key, chain_key=_chain_key(store))
    if not create:
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "database", "id": str(path)})
    new_key = vault.create(path)
    try:
        engine = open_encrypted(path, new_key.key, create=True)
        migrate.upgrade(engine)
        store = Store(engine, (settings or ClinicSettings()).currency)
        with store.write() as uow:
            seed_defaults(uow, settings or ClinicSettings(), clock.now())
            # kept in the file from the start: a later key rotation must not change the audit chain's key
            store_chain_key(uow.session, derive_subkey(new_key.key, AUDIT_CHAIN_PURPOSE))
    except BaseException:
        _remove_unfinished(path, vault)
        raise
    return OpenedDatabase(store, path, new_key.key, new_key)


# quick_check reads and decrypts every page: about 5 ms per MB here. Below this size it runs before the
# database is handed over; above it, on the database thread while the sign-in dialog is open.
CHECK_AT_OPEN_BYTES = 64 * 1024 * 1024


def check_after_open(opened: OpenedDatabase) -> tuple[str, ...]:
    """The start-up quick_check of a database opened with check_later; on damage the open database turns
    read-only (nothing was written before: the caller runs this first on its database thread)."""
    damage = tuple(pragma_problems(opened.store.engine, ("quick_check",))[:20])
    opened.checked = True
    if damage:
        opened.damage, opened.read_only, opened.store.read_only = damage, True, True
    return damage


def open_read_only(path: Path, vault: Vault) -> OpenedDatabase:
    """For checks and exports of a database that must not change (possibly damaged)."""
    settle_interrupted_rekey(path)
    if not path.exists():
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "database", "id": str(path)})
    key = vault.unlock(path)
    store = Store(open_encrypted(path, key, read_only=True), read_only=True)
    return OpenedDatabase(store, path, key, read_only=True, chain_key=_chain_key(store))


def refuse_shared_location(path: Path) -> None:
    """Network shares and cloud-synced folders corrupt SQLite databases: refuse them with the way out."""
    refusal = refusal_for(path)
    if refusal is not None:
        raise DermaDeskError(ErrorCode.DB_ON_NETWORK_SHARE, {"path": str(path), "reason": refusal.reason})


def _store(engine: Engine, *, read_only: bool = False) -> Store:
    store = Store(engine, read_only=read_only)
    try:
        with store.read() as uow:
            store.currency = uow.settings.clinic().currency
    except Exception:
        if not read_only:
            raise
        # a damaged database may not even yield its settings; it still opens, read-only, to be looked at
    return store


def _chain_key(store: Store) -> bytes | None:
    try:
        with store.read() as uow:
            return stored_chain_key(uow.session)
    except (DBAPIError, DermaDeskError):  # a read-only look at a file from before the table existed, or damaged
        return None


def _backup_before_upgrade(engine: Engine, path: Path, key: bytes, backups: Path | None, clock: Clock) -> Path:
    folder = backups or path.parent
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-before-upgrade-{stamp}.db"
    export_copy(engine, target, key)
    shutil.copy2(key_file_for(path), key_file_for(target))  # same key: the same key file opens it
    return target


def _remove_unfinished(path: Path, vault: Vault) -> None:
    """Creation failed part-way: leave nothing half-made behind."""
    for file in sidecar_files(path):
        file.unlink(missing_ok=True)
    vault.forget(path)


@dataclass(frozen=True)
class DatabaseInfo:
    path: Path | str
    revision: str | None
    head: str
    cipher_version: str
    patient_count: int
    size_bytes: int
    clinic_name: str


def describe(opened: OpenedDatabase) -> DatabaseInfo:
    with opened.store.read() as uow:
        count = uow.patients.count()
        name = uow.settings.clinic().name
    if opened.path is None:
        size, engine_version = server_size_and_version(opened.store.engine)
    else:
        size = sum(f.stat().st_size for f in sidecar_files(opened.path) if f.exists())
        engine_version = cipher_version(opened.store.engine)
    return DatabaseInfo(
        opened.location,
        migrate.current_revision(opened.store.engine),
        migrate.head_revision(),
        engine_version,
        count,
        size,
        name,
    )


def integrity_problems(opened: OpenedDatabase) -> list[str]:
    """quick_check and cipher_integrity_check (which checks every page's HMAC); [] when sound."""
    if opened.path is None:
        return []  # a server checks its own pages; its operators run amcheck / pg_dump
    return pragma_problems(opened.store.engine, ("quick_check", "cipher_integrity_check"))
