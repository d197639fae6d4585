"""Schema migrations: a backup first, then alembic upgrade, one transaction per migration."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.system.resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# alembic costs half a second of every start; opening a database only needs the revision ids
_REVISION = re.compile(r"^revision(?::\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision[^=]*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def known_revisions() -> dict[str, str | None]:
    """revision -> the revision it follows, read from the migration files (a linear history)."""
    chain: dict[str, str | None] = {}
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision:
            chain[revision.group(1)] = down.group(1) if down else None
    return chain


def head_revision() -> str:
    chain = known_revisions()
    heads = set(chain) - set(chain.values())
    assert len(heads) == 1, f"migrations must form one line, found heads {heads}"
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(engine: Engine) -> bool:
    current = current_revision(engine)
    if current == head_revision():
        return False
    if current is not None and current not in known_revisions():
        raise DermaDeskError(ErrorCode.DB_NEWER_SCHEMA, {"revision": current})
    return True


def upgrade(engine: Engine, *, backup: Callable[[], Path | None] | None = None) -> bool:
    """Bring the schema to head. Returns whether anything ran. A database that already holds
    tables is backed up first; a failed migration rolls back whole and names the backup."""
    if not needs_upgrade(engine):
        return False
    backup_path = backup() if backup and current_revision(engine) is not None else None
    try:
        from alembic import command

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
    The pragma only takes effect outside a transaction, so it is set on the raw connection.
    On a server the connection holds a session advisory lock instead, so only one workstation migrates."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.driver_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")
        else:  # workstations starting together on a server: one migrates, the others then find it at head
            conn.execute(text("SELECT pg_advisory_lock(hashtext('dermadesk-migrate'))"))
            conn.commit()
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
            else:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(hashtext('dermadesk-migrate'))"))
                conn.commit()
