"""Moving a clinic onto a server and back: `db copy` from a file into an empty server database, or from a server
into a new encrypted file. The copy is verified table by table and its audit chain checked before it counts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.ports import Clock, SystemClock
from dermadesk.services.database import OpenedDatabase, open_database
from dermadesk.services.server_database import open_server_database, server_engine
from dermadesk.services.vault import NewKey, Vault
from dermadesk.store import migrate
from dermadesk.store.copy import (
    Progress,
    TableFingerprint,
    copy_tables,
    first_non_empty_table,
    refresh_statistics,
)
from dermadesk.store.engine import open_encrypted
from dermadesk.store.repositories.audit import GENESIS, entry_digest
from dermadesk.store.server import ServerAddress, is_server_url
from dermadesk.store.unit_of_work import Store
from dermadesk.system.paths import sidecar_files


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    tables: dict[str, TableFingerprint]  # the target's, equal to the source's
    audit_entries: int
    new_key: NewKey | None = None  # a new file's recovery key, to show once


def copy_database(
    source: Path | str,
    target: Path | str,
    vault: Vault,
    *,
    clock: Clock | None = None,
    progress: Progress | None = None,
    password: str | None = None,
) -> CopyReport:
    """File -> empty server database, or server -> new file. `password` is for tests (both sides' server)."""
    clock = clock or SystemClock()
    if is_server_url(source) == is_server_url(target):
        raise DermaDeskError(
            ErrorCode.INVALID_STATE,
            {"what": "The copy", "action": "made", "detail": "one side must be a file and the other a server URL"},
        )
    if is_server_url(target):
        ServerAddress.parse(str(target), allow_password=password is not None)  # a bad URL fails before any work
        opened = open_database(Path(source), vault, clock=clock)
        try:
            return _to_server(opened, str(target), vault, progress, password)
        finally:
            opened.close()
    if Path(target).exists():  # before anything is opened: an existing file is never written over
        raise DermaDeskError(ErrorCode.DB_COPY_TARGET_NOT_EMPTY, {"target": str(target), "table": "(an existing file)"})
    opened = open_server_database(str(source), vault, clock=clock, password=password)
    try:
        return _to_file(opened, Path(target), vault, progress)
    finally:
        opened.close()


def _to_server(
    opened: OpenedDatabase, url: str, vault: Vault, progress: Progress | None, password: str | None
) -> CopyReport:
    address, engine = server_engine(url, vault, password)
    try:
        occupied = first_non_empty_table(engine)
        if occupied is not None:
            raise DermaDeskError(ErrorCode.DB_COPY_TARGET_NOT_EMPTY, {"target": address.display, "table": occupied})
        migrate.upgrade(engine)
        tables = copy_tables(opened.store.engine, engine, opened.audit_key, progress)
        refresh_statistics(engine)
        entries = checked_chain(Store(engine), opened.audit_key)
        return CopyReport(opened.location, address.display, tables, entries)
    finally:
        engine.dispose()


def _to_file(opened: OpenedDatabase, path: Path, vault: Vault, progress: Progress | None) -> CopyReport:
    if path.exists():
        raise DermaDeskError(ErrorCode.DB_COPY_TARGET_NOT_EMPTY, {"target": str(path), "table": "(an existing file)"})
    new_key = vault.create(path)
    engine = None
    try:
        engine = open_encrypted(path, new_key.key, create=True)
        migrate.upgrade(engine)
        tables = copy_tables(opened.store.engine, engine, opened.audit_key, progress)
        entries = checked_chain(Store(engine), opened.audit_key)
        return CopyReport(opened.location, str(path), tables, entries, new_key)
    except BaseException:
        if engine is not None:
            engine.dispose()
            engine = None
        for file in sidecar_files(path):  # nothing half-made stays behind
            file.unlink(missing_ok=True)
        vault.forget(path)
        raise
    finally:
        if engine is not None:
            engine.dispose()


def checked_chain(store: Store, key: bytes) -> int:
    """Recompute every link of the audit chain; the number of entries, or an error naming the first bad one."""
    previous, count = GENESIS, 0
    with store.read() as uow:
        for event, stored in uow.audit.chain():
            if entry_digest(key, previous, event) != stored:
                raise DermaDeskError(
                    ErrorCode.DB_COPY_MISMATCH, {"table": "audit_events", "detail": f"chain broken at entry {event.id}"}
                )
            previous, count = stored, count + 1
    return count
