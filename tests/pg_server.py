"""The test PostgreSQL server (DERMADESK_TEST_PG_URL): fresh databases cloned from templates, dropped after."""

from __future__ import annotations

import base64
import itertools
import os
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from dermadesk.store.server import ServerAddress

PG_URL_ENV = "DERMADESK_TEST_PG_URL"
SKIP_REASON = f"{PG_URL_ENV} is not set: the PostgreSQL variant needs a server (.ci/run starts one and sets it)"
ENGINES = ("sqlcipher", "postgresql")

_names = itertools.count(1)


class PgServer:
    """Creates and drops databases through the URL's own database (the test role needs CREATEDB)."""

    def __init__(self, url: str, keyring: object) -> None:
        self.url = make_url(url).set(drivername="postgresql+psycopg")
        self._keyring = keyring
        self._admin = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_size=1)

    def new_name(self, kind: str) -> str:
        return f"dd_{kind}_{os.getpid()}_{next(_names)}"

    def create(self, name: str, template: str | None = None) -> str:
        """A new database (a clone of `template` when given); the URL the app would be given: no password in it,
        the password sits in the (test) keyring as the app would keep it."""
        clause = f" TEMPLATE {template}" if template else ""
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return self.app_url(name)

    def app_url(self, name: str) -> str:
        url: URL = self.url.set(database=name)
        address = ServerAddress.parse(url.render_as_string(hide_password=False), allow_password=True)
        if url.password:
            secret = base64.b64encode(str(url.password).encode("utf-8")).decode()
            self._keyring.set_password("DermaDesk", address.keyring_entry, secret)  # type: ignore[attr-defined]
        return address.url._replace(password=None).render_as_string(hide_password=False)

    def drop(self, name: str) -> None:
        """FORCE ends our own connections; an autovacuum worker that just started on the fresh database belongs
        to the server, which this role may not signal: it finishes in a moment, so try again."""
        for attempt in range(40):
            try:
                with self._admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                return
            except DBAPIError as exc:
                if "pg_signal_backend" not in str(exc) or attempt == 39:
                    raise
                time.sleep(0.25)

    def dispose(self) -> None:
        self._admin.dispose()


def server_or_skip(keyring: object) -> PgServer:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(SKIP_REASON)
    return PgServer(url, keyring)
