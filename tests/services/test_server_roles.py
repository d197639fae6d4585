"""The two-role server set-up: the owner migrates and grants; the application role works the clinic but cannot
change or delete the audit log, which keeps its hash chain."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from dermadesk.domain.patients import Patient
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database_copy import checked_chain
from dermadesk.services.server_database import grant_application_role, open_server_database
from dermadesk.services.vault import Vault
from dermadesk.system.secrets import KeyringSecretStore
from tests.conftest import FixedClock, make_workspace
from tests.pg_server import PgServer

APP_PASSWORD = "app-role-test-pass"


@pytest.fixture
def owner_and_app(pg_server: PgServer) -> Iterator[tuple[str, str]]:
    """(owner URL, application URL) of a fresh database; the application role is made for this test."""
    role = f"dd_app_{os.getpid()}"
    name = pg_server.new_name("roles")
    owner_url = pg_server.create(name)
    with pg_server._admin.connect() as conn:
        may = conn.execute(text("SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar()
        if not may:
            pg_server.drop(name)
            pytest.skip("the test role lacks CREATEROLE, needed to make an application role (.ci/run grants it)")
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD '{APP_PASSWORD}'"))
    app_url = pg_server.url.set(username=role, password=APP_PASSWORD, database=name)
    yield owner_url, app_url.render_as_string(hide_password=False)
    pg_server.drop(name)
    with pg_server._admin.connect() as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {role}"))


def test_the_application_role_works_the_clinic_but_cannot_rewrite_the_audit_log(
    owner_and_app: tuple[str, str], clock: FixedClock
) -> None:
    owner_url, app_url = owner_and_app
    make_workspace(clock).open(owner_url).close()  # the owner's first start: schema and a new clinic
    grant_application_role(owner_url, Vault(KeyringSecretStore()), make_url(app_url).username or "")

    opened = open_server_database(app_url, Vault(KeyringSecretStore()), clock=clock, password="")
    services = make_workspace(clock).services(opened, SYSTEM_ACTOR)
    saved = services.patients.register(Patient("Ada", "Lovelace", phone="020 7946 0000"))
    assert services.patients.get(saved.id).family_name == "Lovelace"  # type: ignore[arg-type]  # audited read
    opened.close()

    engine = create_engine(app_url)
    for statement in (
        "UPDATE audit_events SET outcome = 'edited'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "UPDATE audit_chain_key SET key = 'x'",
        "CREATE TABLE mischief (id int)",
    ):
        with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
            conn.execute(text(statement))
        assert "permission denied" in str(caught.value.orig).lower(), statement
    engine.dispose()

    owner = make_workspace(clock).open(owner_url)  # even the owner is stopped by the triggers
    with pytest.raises(DBAPIError) as caught, owner.store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET outcome = 'edited'"))
    assert "append-only" in str(caught.value.orig)
    assert checked_chain(owner.store, owner.audit_key) >= 1
    owner.close()
