"""A clinic server: the PostgreSQL engine, its URL rules (no password in it, verified TLS off this computer)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from dermadesk.domain.errors import DermaDeskError, ErrorCode

SERVER_SCHEMES = ("postgresql", "postgres")
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", ""})
REQUIRED_SSLMODE = "verify-full"


def is_server_url(location: object) -> bool:
    """Whether a --db value names a clinic server rather than a database file."""
    return isinstance(location, str) and location.split(":", 1)[0].split("+", 1)[0] in SERVER_SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """A checked server URL without its password: safe to show, log and use as a keyring entry name."""

    url: URL

    @classmethod
    def parse(cls, location: str, *, allow_password: bool = False) -> ServerAddress:
        try:
            url = make_url(location)
        except ArgumentError as exc:
            raise DermaDeskError(ErrorCode.DB_SERVER_UNREACHABLE, {"server": location, "detail": str(exc)}) from exc
        if url.get_backend_name() != "postgresql" or not url.database:
            raise DermaDeskError(
                ErrorCode.DB_SERVER_UNREACHABLE,
                {"server": location, "detail": "expected postgresql+psycopg://user@host/database"},
            )
        if url.password is not None and not allow_password:
            raise DermaDeskError(ErrorCode.DB_SERVER_PASSWORD_IN_URL)
        url = url.set(drivername="postgresql+psycopg")
        return cls(_with_tls_policy(url))

    @property
    def is_local(self) -> bool:
        host = self.url.host or ""
        return host in LOCAL_HOSTS or host.startswith("/")  # a Unix socket is on this computer too

    @property
    def display(self) -> str:
        """user@host:port/database, as the user would name it."""
        bare = self.url._replace(password=None).render_as_string(hide_password=False)
        return bare.split("://", 1)[1].split("?", 1)[0]

    @property
    def keyring_entry(self) -> str:
        return f"server-password:{self.display}"

    def with_database(self, name: str) -> ServerAddress:
        return ServerAddress(self.url.set(database=name))


def _with_tls_policy(url: URL) -> URL:
    """Off this computer the connection must be encrypted and the server's certificate checked against
    its host name; a weaker sslmode in the URL is refused rather than silently upgraded."""
    host = url.host or ""
    if host in LOCAL_HOSTS or host.startswith("/"):
        return url
    sslmode = url.query.get("sslmode")
    if sslmode is None:
        return url.update_query_dict({"sslmode": REQUIRED_SSLMODE})
    if sslmode != REQUIRED_SSLMODE:
        raise DermaDeskError(ErrorCode.DB_SERVER_INSECURE, {"host": host, "sslmode": sslmode})
    return url


def open_server(address: ServerAddress, password: str | None) -> Engine:
    """An engine over the clinic server; connects once now so a wrong password or host fails here."""
    url = address.url.set(password=password) if password is not None else address.url
    engine = create_engine(
        url,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=True,  # a server restarted overnight: reconnect instead of failing the first click
        connect_args={"connect_timeout": 10, "application_name": "DermaDesk"},
    )
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        raise DermaDeskError(
            ErrorCode.DB_SERVER_UNREACHABLE, {"server": address.display, "detail": _reason(exc)}
        ) from exc
    return engine


def is_password_refused(error: DermaDeskError) -> bool:
    detail = str(error.details.get("detail", "")).lower()
    return error.code is ErrorCode.DB_SERVER_UNREACHABLE and ("password" in detail or "authentication" in detail)


def _reason(exc: OperationalError) -> str:
    """The server's own first line (e.g. 'password authentication failed for user ...'), not the traceback."""
    lines = [line.strip() for line in str(exc.orig).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc.orig).__name__


def server_size_and_version(engine: Engine) -> tuple[int, str]:
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        version = conn.execute(text("SHOW server_version")).scalar_one()
    return int(size), f"PostgreSQL {version}"


def grant_application_role(engine: Engine, role: str) -> None:
    """The two-role set-up, run as the owner that migrates: the application role may read and write the clinic's
    tables, but only read and append to the audit log, never change the schema or its revision."""
    with engine.begin() as conn:
        quoted = conn.dialect.identifier_preparer.quote(role)
        database = conn.dialect.identifier_preparer.quote(conn.execute(text("SELECT current_database()")).scalar_one())
        for statement in (
            f"GRANT CONNECT ON DATABASE {database} TO {quoted}",
            f"GRANT USAGE ON SCHEMA public TO {quoted}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
            f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, audit_chain_key FROM {quoted}",
            f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {quoted}",
        ):
            conn.execute(text(statement))
