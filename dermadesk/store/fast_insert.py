"""Inserting many rows at the driver's speed: one executemany of plain tuples, built column by column.
SQLAlchemy's own bulk paths build a parameter dict per row: seconds for the 100,000 rows of a tier review."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_columns(session: Session, table: Table, columns: Mapping[str, Sequence[Any]]) -> None:
    """Insert len(any column) rows given as equal-length columns of Python values. Columns left out take
    their scalar default; a column's bind processing (e.g. aware datetimes to UTC) runs once per value
    only for the columns that have one."""
    size = len(next(iter(columns.values()), ()))
    if size == 0:
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).inline().compile(dialect=dialect, column_keys=list(columns))
    order = list(compiled.positiontup or compiled.params)
    defaults = {c.name: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar}
    prepared = []
    for name in order:
        values = columns[name] if name in columns else [defaults.get(name)] * size
        process = table.c[name].type._cached_bind_processor(dialect)
        prepared.append(values if process is None else [None if v is None else process(v) for v in values])
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if dialect.paramstyle in ("qmark", "numeric"):
            cursor.executemany(compiled.string, list(zip(*prepared, strict=True)))
        else:  # named styles (psycopg)
            cursor.executemany(
                compiled.string, [dict(zip(order, row, strict=True)) for row in zip(*prepared, strict=True)]
            )
    finally:
        cursor.close()
