"""Copying a whole clinic between engines (file <-> server): every table in foreign-key order, in batches, in one
target transaction, verified by per-table row counts and content fingerprints before it commits."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, Integer, Table, func, inspect, select, text, update

from dermadesk.domain.errors import DermaDeskError, ErrorCode
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


def copy_tables(source: Engine, target: Engine, chain_key: bytes, progress: Progress | None = None) -> None:
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
        _verify(src, dst, tables)
        if progress:
            progress(len(tables), len(tables), "verified")


def _snapshot(engine: Engine) -> Connection:
    """A read of the whole source as of one moment (other workstations may be writing to a server)."""
    if engine.dialect.name == "postgresql":
        return engine.connect().execution_options(isolation_level="REPEATABLE READ")
    return engine.connect()


def _copy_table(src: Connection, dst: Connection, table: Table) -> None:
    """Rows in key order, BATCH_ROWS at a time. A column pointing into its own table (a patient referred by
    a later patient) is written afterwards, when every row it may point at exists."""
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    later: list[dict[str, object]] = []
    pk = list(table.primary_key.columns)
    for batch in _batches(src, table):
        rows = batch
        if self_refs:
            later.extend({**{c: row[c] for c in self_refs}, **{c.name: row[c.name] for c in pk}} for row in batch)
            rows = [{**row, **dict.fromkeys(self_refs)} for row in batch]
        dst.execute(table.insert(), rows)
    pending = [row for row in later if any(row[c] is not None for c in self_refs)]
    for row in pending:
        where = [c == row[c.name] for c in pk]
        dst.execute(update(table).where(*where).values({c: row[c] for c in self_refs}))


def _batches(conn: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    result = conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
    while rows := result.fetchmany(BATCH_ROWS):
        yield [dict(row) for row in rows]


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


def _verify(src: Connection, dst: Connection, tables: list[Table]) -> None:
    for table in tables:
        mine, theirs = fingerprint(src, table), fingerprint(dst, table)
        if mine != theirs:
            detail = f"{mine.rows} rows in the source, {theirs.rows} in the copy"
            if mine.rows == theirs.rows:
                detail = f"{mine.rows} rows each, different content"
            raise DermaDeskError(ErrorCode.DB_COPY_MISMATCH, {"table": table.name, "detail": detail})


def fingerprints(engine: Engine) -> dict[str, TableFingerprint]:
    """Per copied table: rows and a content digest that is equal on SQLCipher and PostgreSQL for equal content."""
    with engine.connect() as conn:
        return {table.name: fingerprint(conn, table) for table in copied_tables()}


def fingerprint(conn: Connection, table: Table) -> TableFingerprint:
    """Row values read through the column types (aware datetimes, parsed JSON, bools), each row hashed and the
    hashes summed: independent of row order, which differs between SQLite's and the server's collations."""
    total, rows = 0, 0
    for batch in _batches(conn, table):
        for row in batch:
            canonical = repr(tuple(_canonical(row[c.name]) for c in table.columns)).encode()
            total = (total + int.from_bytes(hashlib.sha256(canonical).digest(), "big")) % MODULUS
            rows += 1
    return TableFingerprint(rows, f"{total:064x}")


def _canonical(value: object) -> object:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value
