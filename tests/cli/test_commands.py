"""The command line: plain output, one-line errors, exit codes, and never a changed file on failure."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dermadesk import __version__
from dermadesk.bootstrap import main

PASSPHRASE = "a long clinic passphrase"


def run_cli(
    *args: str, passphrase: str | None = PASSPHRASE, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """A real process with no keyring at all (as on a headless server)."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **(extra or {})}
    env.pop("DERMADESK_PASSPHRASE", None)
    if passphrase:
        env["DERMADESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "dermadesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_db_info_and_check(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "info", "--db", str(demo_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["patients"] >= 300
    assert info["sqlcipher_version"].startswith("4.")
    assert info["schema_revision"] == info["schema_head"]
    assert info["clinic"] == "Harbour Skin Clinic"
    assert main(["db", "check", "--db", str(demo_path)]) == 0
    assert "ok" in capsys.readouterr().out


def test_demo_command_creates_a_clinic_and_prints_the_recovery_key_once(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    made = run_cli("demo", "--patients", "40", "--seed", "2", "--end", "2026-10-31", "--db", str(target))
    assert made.returncode == 0, made.stderr
    assert "Recovery key" in made.stderr
    assert "patients" in made.stdout
    info = run_cli("db", "info", "--db", str(target))
    assert info.returncode == 0 and "Recovery key" not in info.stderr
    assert "patients: 4" in info.stdout


def test_errors_are_one_plain_line_and_leave_the_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "clinic.db"
    assert run_cli("demo", "--patients", "5", "--db", str(target)).returncode == 0
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    wrong = run_cli("db", "info", "--db", str(target), passphrase="not the passphrase at all")
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1 and "Traceback" not in wrong.stderr
    assert "passphrase does not open" in wrong.stderr
    missing = run_cli("db", "info", "--db", str(tmp_path / "nowhere.db"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert not (tmp_path / "nowhere.db").exists()
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before


def test_db_check_reports_damage_without_repairing(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(demo_path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = os.urandom(8)
    demo_path.write_bytes(bytes(data))
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    assert main(["db", "check", "--db", str(demo_path)]) == 3
    assert "damaged" in capsys.readouterr().err
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
