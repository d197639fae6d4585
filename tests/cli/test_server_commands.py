"""The command line on a clinic server: --db takes a URL, `db copy` moves a clinic there, `db info` describes it;
the password comes from the keyring (the test server's is put there as the app would keep it)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dermadesk.bootstrap import main
from tests.pg_server import PgServer


@pytest.fixture
def server_url(pg_server: PgServer) -> Iterator[str]:
    name = pg_server.new_name("cli")
    yield pg_server.create(name)
    pg_server.drop(name)


def test_copy_a_clinic_onto_the_server_then_describe_and_review_it_there(
    demo_path: Path, server_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "copy", "--db", str(demo_path), "--to", server_url]) == 0
    out = capsys.readouterr().out
    assert "audit chain of" in out and "intact" in out and "patients: 303 rows" in out

    assert main(["db", "info", "--db", server_url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["patients"] == 303 and info["sqlcipher_version"].startswith("PostgreSQL")

    assert main(["tiers", "review", "--db", server_url, "--as-of", "2026-10-31", "--json"]) == 0
    capsys.readouterr()
    assert main(["db", "copy", "--from", server_url, "--to", str(tmp_path / "back.db")]) == 0
    assert "Recovery key" in capsys.readouterr().err  # a new file: its recovery key is shown once


def test_a_password_in_the_url_is_refused_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "info", "--db", "postgresql+psycopg://someone:secret@localhost/clinic"]) == 1
    err = capsys.readouterr().err
    assert "contains a password" in err and "secret" not in err
