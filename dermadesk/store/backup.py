"""Consistent encrypted copies of a live database (sqlcipher_export), never a file copy."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sqlalchemy import Engine, select

from dermadesk.store.engine import raw_connection
from dermadesk.store.tables import Base


def export_copy(engine: Engine, target: Path, key: bytes) -> Path:
    """Write a consistent copy of the whole database into a new file encrypted with `key`."""
    if target.exists():
        raise FileExistsError(target)
    old_umask = os.umask(0o077)
    try:
        with raw_connection(engine) as conn:
            conn.execute("ATTACH DATABASE ? AS export_target KEY ?", (str(target), f"x'{key.hex()}'"))
            try:
                conn.execute("BEGIN")
                conn.execute("SELECT sqlcipher_export('export_target')")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            finally:
                conn.execute("DETACH DATABASE export_target")
    finally:
        os.umask(old_umask)
    return target


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
    digest = hashlib.sha256()
    for name, (count, table_hash) in sorted(table_fingerprints(engine).items()):
        if name not in exclude:
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
