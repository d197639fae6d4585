"""Schema migrations: a backup first, then alembic upgrade, one transaction per migration."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.system.resources import migrations_dir


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current == head_revision():
        return False
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current not in known:
        raise DermaDeskError(ErrorCode.DB_NEWER_SCHEMA, {"revision": current})
    return True


def upgrade(engine: Engine, *, backup: Callable[[], Path | None] | None = None) -> bool:
    """Bring the schema to head. Returns whether anything ran. A database that already holds
    tables is backed up first; a failed migration rolls back whole and names the backup."""
    if not needs_upgrade(engine):
        return False
    backup_path = backup() if backup and current_revision(engine) is not None else None
    try:
        with _foreign_keys_off(engine) as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if conn.in_transaction():
                conn.commit()
    except DermaDeskError:
        raise
    except Exception as exc:
        raise DermaDeskError(
            ErrorCode.DB_MIGRATION_FAILED, {"detail": type(exc).__name__, "backup": str(backup_path or "-")}
        ) from exc
    return True


@contextmanager
def _foreign_keys_off(engine: Engine) -> Iterator[Connection]:
    """Batch migrations rebuild tables; with foreign keys on, SQLite refuses to drop a referenced one.
    The pragma only takes effect outside a transaction, so it is set on the raw connection."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.driver_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            yield conn
            if sqlite:
                problems = raw.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise DermaDeskError(
                        ErrorCode.DB_MIGRATION_FAILED, {"detail": f"foreign key check: {problems[:3]}", "backup": "-"}
                    )
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")
