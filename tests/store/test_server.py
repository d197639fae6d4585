"""Server URLs: no password in them, verified TLS unless the server is on this computer, clear refusals."""

from __future__ import annotations

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.services.server_database import database_location
from dermadesk.store.server import ServerAddress, is_server_url


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_a_server_on_this_computer_needs_no_tls(host: str) -> None:
    address = ServerAddress.parse(f"postgresql+psycopg://clinic_app@{host}/clinic")
    assert address.is_local and "sslmode" not in address.url.query


def test_a_remote_server_gets_verify_full() -> None:
    address = ServerAddress.parse("postgresql://clinic_app@db.clinic.example:5433/clinic")
    assert address.url.query["sslmode"] == "verify-full"
    assert address.url.drivername == "postgresql+psycopg"
    assert address.display == "clinic_app@db.clinic.example:5433/clinic"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require", "verify-ca"])
def test_a_remote_server_with_weaker_tls_is_refused_naming_the_mode(mode: str) -> None:
    with pytest.raises(DermaDeskError) as caught:
        ServerAddress.parse(f"postgresql+psycopg://clinic_app@10.0.0.5/clinic?sslmode={mode}")
    assert caught.value.code is ErrorCode.DB_SERVER_INSECURE
    assert f"sslmode={mode}" in str(caught.value) and "10.0.0.5" in str(caught.value)


def test_a_password_in_the_url_is_refused() -> None:
    with pytest.raises(DermaDeskError) as caught:
        ServerAddress.parse("postgresql+psycopg://clinic_app:secret@localhost/clinic")
    assert caught.value.code is ErrorCode.DB_SERVER_PASSWORD_IN_URL
    assert "secret" not in str(caught.value)


def test_db_values_are_files_unless_they_are_server_urls() -> None:
    assert is_server_url("postgresql+psycopg://a@b/c") and is_server_url("postgres://a@b/c")
    assert database_location("postgresql+psycopg://a@b/c") == "postgresql+psycopg://a@b/c"  # // kept
    assert str(database_location("clinic.db")) == "clinic.db" and not is_server_url("clinic.db")


def test_an_unreachable_server_names_it_and_the_reason(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dermadesk.store.server import open_server

    with pytest.raises(DermaDeskError) as caught:
        open_server(ServerAddress.parse("postgresql+psycopg://nobody@localhost:1/none"), "x")
    assert caught.value.code is ErrorCode.DB_SERVER_UNREACHABLE
    assert "nobody@localhost:1/none" in str(caught.value)
