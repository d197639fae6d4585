"""After an erasure: move the write-ahead log into the database and truncate it, so no old page image of the
erased data stays in the -wal file (secure_delete already zeroes freed space inside the database)."""

from __future__ import annotations

from sqlalchemy import Engine

from dermadesk.store.engine import raw_connection


def checkpoint(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    with raw_connection(engine) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
