"""Opening a clinic server (PostgreSQL): password from the keyring or a prompt, schema to head, a new clinic seeded."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.ports import Clock, SystemClock
from dermadesk.services.clinic import seed_defaults
from dermadesk.services.database import OpenedDatabase
from dermadesk.services.vault import Vault
from dermadesk.store import migrate
from dermadesk.store.chain_key import has_clinic, store_chain_key, stored_chain_key
from dermadesk.store.server import ServerAddress, is_password_refused, is_server_url, open_server
from dermadesk.store.server import grant_application_role as store_grants
from dermadesk.store.unit_of_work import Store

PASSWORD_ATTEMPTS = 3


def connect_server(location: str, vault: Vault) -> tuple[ServerAddress, Engine]:
    """An engine for a server URL (no password in it). The keyring's password first; when the server refuses
    it (or there is none) the prompt's, kept in the keyring once the server accepts it."""
    address = ServerAddress.parse(location)
    ask, last = False, None
    for _attempt in range(PASSWORD_ATTEMPTS):
        password = vault.server_password(address.keyring_entry, ask=ask)
        if password is None and ask:
            raise DermaDeskError(ErrorCode.DB_SERVER_PASSWORD_NEEDED, {"server": address.display})
        try:
            engine = open_server(address, password)
        except DermaDeskError as error:
            if not is_password_refused(error):
                raise
            ask = True
            last = error
            continue
        if password is not None:
            vault.remember_server_password(address.keyring_entry, password)
        return address, engine
    assert last is not None
    raise last


def server_engine(location: str, vault: Vault, password: str | None = None) -> tuple[ServerAddress, Engine]:
    """`password` given (tests; "" = the one in the URL) bypasses the keyring; otherwise connect_server."""
    if password is None:
        return connect_server(location, vault)
    address = ServerAddress.parse(location, allow_password=True)
    return address, open_server(address, password or address.url.password)


def open_server_database(
    location: str,
    vault: Vault,
    *,
    settings: ClinicSettings | None = None,
    clock: Clock | None = None,
    password: str | None = None,
) -> OpenedDatabase:
    """Open the clinic on a server: migrate an empty or older schema, seed a new clinic once."""
    clock = clock or SystemClock()
    address, engine = server_engine(location, vault, password)
    try:
        migrate.upgrade(engine)  # a server is backed up by its own tools (pg_dump); see README
        store = Store(engine, (settings or ClinicSettings()).currency)
        chain_key = ensure_clinic(store, settings or ClinicSettings(), clock)
    except BaseException:
        engine.dispose()
        raise
    return OpenedDatabase(store, None, b"", chain_key=chain_key, server=address.display)


def ensure_clinic(store: Store, settings: ClinicSettings, clock: Clock) -> bytes:
    """A first start on an empty server seeds the clinic and its audit chain key; later starts read them.
    Runs under the migration lock so two workstations starting together seed once."""
    with store.write() as uow:
        uow.lock_for("dermadesk-first-start")
        key = stored_chain_key(uow.session)
        if not has_clinic(uow.session):
            seed_defaults(uow, settings, clock.now())
        if key is None:
            key = os.urandom(32)
            store_chain_key(uow.session, key)
    with store.read() as uow:
        store.currency = uow.settings.clinic().currency
    return key


def database_location(text: str) -> Path | str:
    """A --db value: a clinic server URL stays text (a Path would fold its //), anything else is a file."""
    return text if is_server_url(text) else Path(text)


def grant_application_role(location: str, vault: Vault, role: str, *, password: str | None = None) -> str:
    """As the owner: bring the schema to head, then give `role` the application's rights (see README)."""
    address, engine = server_engine(location, vault, password)
    try:
        migrate.upgrade(engine)
        store_grants(engine, role)
    finally:
        engine.dispose()
    return address.display


def checked_server_url(text: str) -> str:
    """A server URL as the first-start screen takes it: the display form, or the error saying what is wrong."""
    if not is_server_url(text):
        raise DermaDeskError(
            ErrorCode.DB_SERVER_UNREACHABLE,
            {"server": text or "-", "detail": "expected postgresql+psycopg://user@host/db"},
        )
    return ServerAddress.parse(text).display
