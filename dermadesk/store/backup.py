"""Consistent encrypted copies of a live database (sqlcipher_export), never a file copy, and their checks."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from dermadesk.store import migrate
from dermadesk.store.engine import assert_driver_encrypts, open_encrypted, raw_connection, sqlcipher_module
from dermadesk.store.tables import Base


def export_copy(engine: Engine, target: Path, key: bytes) -> Path:
    """Write a consistent copy of the whole database into a new file encrypted with `key`.
    The copy is made in one read transaction (a snapshot, whatever other connections write meanwhile),
    its row counts are compared with the source's inside that same transaction, and it is synced to disk.
    On any failure nothing is left at `target`."""
    with raw_connection(engine) as conn:
        _export(conn, target, key)
    return target


def export_file(source: Path, source_key: bytes, target: Path, target_key: bytes) -> Path:
    """The same from a closed database file (a backup being restored), opened read-only: never written."""
    with _read_only_connection(source, source_key) as conn:
        _export(conn, target, target_key)
    return target


def _export(conn: Any, target: Path, key: bytes) -> None:
    if target.exists():
        raise FileExistsError(target)
    old_umask = os.umask(0o077)
    try:
        conn.execute(
            "ATTACH DATABASE ? AS export_target KEY ?", (f"{target.resolve().as_uri()}?mode=rwc", f"x'{key.hex()}'")
        )
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT sqlcipher_export('export_target')")
            _compare_counts(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("DETACH DATABASE export_target")
        _fsync(target)
    except BaseException:
        target.unlink(missing_ok=True)
        target.with_name(target.name + "-journal").unlink(missing_ok=True)
        raise
    finally:
        os.umask(old_umask)


def driver_errors() -> type[Exception]:
    """The SQLCipher driver's own error class (a full disk during an export raises it, not SQLAlchemy's)."""
    return sqlcipher_module().DatabaseError


class CopyMismatch(Exception):
    """A copy whose row counts differ from its source's."""


def _compare_counts(conn: Any) -> None:
    names = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")]
    for name in names:
        if name.startswith("sqlite_"):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        source = conn.execute(f"SELECT count(*) FROM main.{quoted}").fetchone()[0]
        copied = conn.execute(f"SELECT count(*) FROM export_target.{quoted}").fetchone()[0]
        if source != copied:
            raise CopyMismatch(f"{name}: {source} rows, copy has {copied}")


@contextmanager
def _read_only_connection(path: Path, key: bytes) -> Iterator[Any]:
    driver = sqlcipher_module()
    assert_driver_encrypts(driver)
    conn = driver.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield conn
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class CopyCheck:
    """A closed copy reopened on a fresh connection: its problems ([] when sound) and its figures."""

    problems: list[str]
    tables: dict[str, tuple[int, str]]
    revision: str | None


def check_copy(path: Path, key: bytes) -> CopyCheck:
    """Reopen a copy read-only with its own key; full integrity_check, every page's HMAC, per-table figures."""
    try:
        engine = open_encrypted(path, key, read_only=True)
    except Exception as exc:  # a damaged first page looks like a wrong key
        return CopyCheck([f"cannot be opened with its key: {exc}"], {}, None)
    try:
        problems = pragma_problems(engine, ("integrity_check", "cipher_integrity_check"))
        if problems:
            return CopyCheck(problems, {}, None)
        return CopyCheck([], table_fingerprints(engine), migrate.current_revision(engine))
    finally:
        engine.dispose()


def pragma_problems(engine: Engine, pragmas: tuple[str, ...]) -> list[str]:
    """The rows of integrity pragmas that are not 'ok' ([] when sound)."""
    problems: list[str] = []
    with raw_connection(engine) as conn:
        for pragma in pragmas:
            try:
                rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            except Exception as exc:  # a damaged page can fail the pragma itself
                rows = [f"{pragma}: {exc}"]
            problems.extend(r for r in rows if r != "ok")
    return problems


def table_fingerprints(engine: Engine) -> dict[str, tuple[int, str]]:
    """Per table: row count and a SHA-256 of every row in key order, read through the column types
    so equal content gives equal hashes on SQLCipher and PostgreSQL alike."""
    result: dict[str, tuple[int, str]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            digest = hashlib.sha256()
            rows = conn.execute(select(table).order_by(*table.primary_key.columns))
            count = 0
            for row in rows:
                digest.update(repr(tuple(_canonical(v) for v in row)).encode())
                count += 1
            result[table.name] = (count, digest.hexdigest())
    return result


def content_hash(engine: Engine, exclude: tuple[str, ...] = ()) -> str:
    return combined_hash({k: v for k, v in table_fingerprints(engine).items() if k not in exclude})


def combined_hash(tables: dict[str, tuple[int, str]]) -> str:
    """One hash over every table's row count and content hash."""
    digest = hashlib.sha256()
    for name, (count, table_hash) in sorted(tables.items()):
        digest.update(f"{name}:{count}:{table_hash};".encode())
    return digest.hexdigest()


def _canonical(value: object) -> object:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value
