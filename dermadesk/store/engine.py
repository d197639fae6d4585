"""The encrypted engine: SQLCipher key and pragmas applied in one place, on every connection."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, QueuePool, create_engine, event
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlcipher import SQLiteDialect_pysqlcipher
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL

from dermadesk.domain.errors import DermaDeskError, ErrorCode

CACHE_KIB = 65536  # 64 MiB page cache: SQLCipher decrypts every page read from outside it


class RawKeySQLCipherDialect(SQLiteDialect_pysqlcipher):
    """SQLAlchemy's SQLCipher dialect, minus its own `PRAGMA key` from the URL's password:
    our connection factory applies the raw key and checks it before anything else runs."""

    supports_statement_cache = True

    def on_connect_url(self, url: URL) -> Any:
        return SQLiteDialect_pysqlite.on_connect_url(self, url)


registry.register("sqlite.dermadesk_sqlcipher", __name__, "RawKeySQLCipherDialect")


def sqlcipher_module() -> ModuleType:
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def open_encrypted(
    path: Path, key: bytes, *, create: bool = False, read_only: bool = False, dbapi: ModuleType | None = None
) -> Engine:
    """An engine over an encrypted file. Refuses a driver that does not encrypt before touching the path,
    and an existing file that the key does not open, without writing to it."""
    driver = dbapi or sqlcipher_module()
    assert_driver_encrypts(driver)
    path = Path(path)
    exists = path.exists()
    if not exists and not create:
        raise DermaDeskError(ErrorCode.NOT_FOUND, {"what": "database", "id": str(path)})
    if exists and path.stat().st_size == 0:
        # SQLite would silently start a new database inside an empty file
        raise DermaDeskError(ErrorCode.DB_NOT_DATABASE, {"path": str(path)})
    hex_key = key.hex()
    mode = "ro" if read_only else ("rwc" if create else "rw")
    uri = f"{path.resolve().as_uri()}?mode={mode}"

    def connect() -> Any:
        old_umask = os.umask(0o077)  # the database, -wal and -shm are created private
        try:
            conn = driver.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        finally:
            os.umask(old_umask)
        try:
            _prepare(conn, hex_key, path, read_only=read_only)
        except BaseException:
            conn.close()
            raise
        return conn

    engine = create_engine(
        URL.create("sqlite+dermadesk_sqlcipher", database=str(path)),
        creator=connect,
        poolclass=QueuePool,  # not SingletonThreadPool: connections are handed between threads
        pool_size=4,
        max_overflow=4,
    )
    _emit_own_begin(engine)
    with engine.connect():
        pass  # open one connection now so a wrong key fails here, not at first use
    return engine


def assert_driver_encrypts(driver: ModuleType) -> None:
    """The stock sqlite3 accepts PRAGMA key silently and writes plaintext: refuse it."""
    probe = driver.connect(":memory:")
    try:
        row = probe.execute("PRAGMA cipher_version").fetchone()
    finally:
        probe.close()
    if not row or not str(row[0]).startswith("4."):
        raise DermaDeskError(ErrorCode.DB_NOT_ENCRYPTED_DRIVER)


def _prepare(conn: Any, hex_key: str, path: Path, *, read_only: bool) -> None:
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{hex_key}'\"")  # hex digits only: nothing to quote
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not str(row[0]).startswith("4."):
        raise DermaDeskError(ErrorCode.DB_NOT_ENCRYPTED_DRIVER)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver_error(conn) as exc:  # a wrong key only shows at the first read
        raise DermaDeskError(ErrorCode.DB_LOCKED_OTHER_KEY, {"path": str(path)}) from exc
    pragmas = [
        "synchronous = FULL",
        "foreign_keys = ON",
        "busy_timeout = 5000",
        "secure_delete = ON",
        "temp_store = MEMORY",
        f"cache_size = -{CACHE_KIB}",
    ]
    if not read_only:
        pragmas.insert(0, "journal_mode = WAL")
    else:
        pragmas.append("query_only = ON")
    for pragma in pragmas:
        conn.execute(f"PRAGMA {pragma}")


def driver_error(conn: Any) -> type[Exception]:
    """The DB-API DatabaseError class of a connection's own driver module."""
    return sys.modules[type(conn).__module__].DatabaseError


def _emit_own_begin(engine: Engine) -> None:
    """The driver runs in autocommit; we emit BEGIN ourselves so DDL and DML share one transaction
    (SQLAlchemy's recipe for pysqlite), and BEGIN IMMEDIATE for writes so two writers queue on the
    busy timeout instead of failing on lock upgrade."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writing(engine: Engine) -> Engine:
    """The same engine, beginning write transactions (BEGIN IMMEDIATE on SQLite)."""
    return engine.execution_options(write=True)


def cipher_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA cipher_version").scalar())


@contextmanager
def raw_connection(engine: Engine) -> Iterator[Any]:
    """A DB-API connection for pragmas and exports that SQLAlchemy has no words for."""
    conn = engine.raw_connection()
    try:
        yield conn.driver_connection
    finally:
        conn.close()


def open_memory() -> Engine:
    """A private in-memory database with the full schema: scoring another system's CSV export runs the very
    same queries as a clinic database, so both give the same figures. Nothing touches the disk."""
    from sqlalchemy.pool import StaticPool

    from dermadesk.store.tables import Base

    driver = sqlcipher_module()

    def connect() -> Any:
        conn = driver.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    engine = create_engine(URL.create("sqlite+dermadesk_sqlcipher"), creator=connect, poolclass=StaticPool)
    _emit_own_begin(engine)
    Base.metadata.create_all(engine)
    return engine
