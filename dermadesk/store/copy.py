"""Copying a whole clinic between engines (file <-> server): every table in foreign-key order, in batches, in one
target transaction, verified by per-table row counts and content fingerprints before it commits."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Float,
    Integer,
    LargeBinary,
    Table,
    func,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.types import TypeEngine

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.store.column_types import JSONData, UTCDateTime
from dermadesk.store.tables import AuditChainKeyRow, Base

BATCH_ROWS = 5000
MODULUS = 1 << 256
# The chain key is not copied as a row: the target gets the key the source's chain was made with (see copy_tables).
NOT_COPIED = frozenset({AuditChainKeyRow.__tablename__})

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class TableFingerprint:
    rows: int
    digest: str


def copied_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]


def first_non_empty_table(engine: Engine) -> str | None:
    """The first of our tables in the target that holds a row, or None: a copy goes only into an empty database."""
    with engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name in present and conn.execute(select(1).select_from(table).limit(1)).first() is not None:
                return table.name
    return None


def copy_tables(
    source: Engine, target: Engine, chain_key: bytes, progress: Progress | None = None
) -> dict[str, TableFingerprint]:
    """Copy every row from source into target's (migrated, empty) tables. One transaction on each side: a
    consistent snapshot is read, and the target either holds the verified whole copy or nothing."""
    tables = copied_tables()
    with _snapshot(source) as src, target.begin() as dst:
        for number, table in enumerate(tables, 1):
            if progress:
                progress(number - 1, len(tables), table.name)
            _copy_table(src, dst, table)
        dst.execute(AuditChainKeyRow.__table__.insert().values(id=1, key=chain_key))
        if dst.dialect.name == "postgresql":
            _fix_sequences(dst, tables)
        verified = _verify(src, dst, tables)
        if progress:
            progress(len(tables), len(tables), "verified")
    return verified


def _snapshot(engine: Engine) -> Connection:
    """A read of the whole source as of one moment (other workstations may be writing to a server)."""
    if engine.dialect.name == "postgresql":
        return engine.connect().execution_options(isolation_level="REPEATABLE READ")
    return engine.connect()


def _copy_table(src: Connection, dst: Connection, table: Table) -> None:
    """Rows in key order, BATCH_ROWS at a time. A column pointing into its own table (a patient referred by
    a later patient) is written afterwards, when every row it may point at exists."""
    names = [c.name for c in table.columns]
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    pk = [c.name for c in table.primary_key.columns]
    later: list[dict[str, object]] = []
    for batch in _batches(src, table):
        rows = [dict(zip(names, row, strict=True)) for row in batch]
        if self_refs:
            later.extend({c: row[c] for c in (*self_refs, *pk)} for row in rows if any(row[c] for c in self_refs))
            rows = [{**row, **dict.fromkeys(self_refs)} for row in rows]
        if dst.dialect.name == "postgresql":
            _copy_in(dst, table, names, [tuple(r.values()) for r in rows])
        else:
            dst.execute(table.insert(), rows)
    for row in later:
        where = [table.c[c] == row[c] for c in pk]
        dst.execute(update(table).where(*where).values({c: row[c] for c in self_refs}))


def _copy_in(dst: Connection, table: Table, names: list[str], rows: list[tuple[Any, ...]]) -> None:
    """PostgreSQL's COPY: ten times the rows per second of batched INSERTs. Values go through the same bind
    processing an INSERT would apply (UTC datetimes, JSON text)."""
    processors = [table.c[name].type._cached_bind_processor(dst.dialect) for name in names]
    columns = ", ".join(dst.dialect.identifier_preparer.quote(name) for name in names)
    cursor = dst.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {dst.dialect.identifier_preparer.quote(table.name)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(tuple(_apply(processors, row)))  # type: ignore[arg-type]
    finally:
        cursor.close()


def _batches(conn: Connection, table: Table) -> Iterator[Sequence[Any]]:
    """Rows as tuples in the table's column order, read through the column types."""
    result = conn.execute(select(*table.columns).order_by(*table.primary_key.columns))
    while rows := result.fetchmany(BATCH_ROWS):
        yield rows


def _fix_sequences(dst: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: move each id sequence past them, or the next new row would collide."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        sequence = dst.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name})
        name = sequence.scalar()
        if name:
            top = dst.execute(select(func.coalesce(func.max(pk[0]), 0))).scalar_one()
            dst.execute(text("SELECT setval(:s, :v, :called)"), {"s": name, "v": max(top, 1), "called": top > 0})


def _verify(src: Connection, dst: Connection, tables: list[Table]) -> dict[str, TableFingerprint]:
    verified = {}
    for table in tables:
        mine, theirs = fingerprint(src, table), fingerprint(dst, table)
        if mine != theirs:
            detail = f"{mine.rows} rows in the source, {theirs.rows} in the copy"
            if mine.rows == theirs.rows:
                detail = f"{mine.rows} rows each, different content"
            raise DermaDeskError(ErrorCode.DB_COPY_MISMATCH, {"table": table.name, "detail": detail})
        verified[table.name] = theirs
    return verified


def fingerprints(engine: Engine) -> dict[str, TableFingerprint]:
    """Per copied table: rows and a content digest that is equal on SQLCipher and PostgreSQL for equal content."""
    with engine.connect() as conn:
        return {table.name: fingerprint(conn, table) for table in copied_tables()}


def fingerprint(conn: Connection, table: Table) -> TableFingerprint:
    """Row values read through the column types (aware datetimes, parsed JSON, bools), each row hashed and the
    hashes summed: independent of row order, which differs between SQLite's and the server's collations."""
    canonical = [_canonical_for(column.type) for column in table.columns]
    plain = all(c is None for c in canonical)
    total, count, sha256 = 0, 0, hashlib.sha256
    for batch in _batches(conn, table):
        for row in batch:
            values = tuple(row) if plain else tuple(_apply(canonical, row))
            total += int.from_bytes(sha256(repr(values).encode()).digest(), "big")
        count += len(batch)
    return TableFingerprint(count, f"{total % MODULUS:064x}")


def _apply(functions: list[Callable[[Any], object] | None], row: Sequence[Any]) -> Iterator[object]:
    for function, value in zip(functions, row, strict=True):
        yield value if function is None or value is None else function(value)


def _canonical_for(kind: TypeEngine[Any]) -> Callable[[Any], object] | None:
    """How a column's values are made comparable across engines; None where they already are."""
    if isinstance(kind, Float):
        return lambda v: round(v, 9)
    if isinstance(kind, LargeBinary):
        return bytes
    if isinstance(kind, UTCDateTime):
        return datetime.isoformat
    if isinstance(kind, JSONData):
        return lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False)
    return None


def refresh_statistics(engine: Engine) -> None:
    """A server plans by table statistics; after a bulk copy they say 'empty' until autovacuum comes by."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
