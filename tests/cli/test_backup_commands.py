"""`dermadesk backup …` and `dermadesk db rekey` as a user runs them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from dermadesk.bootstrap import main
from dermadesk.system.backup_manifest import manifest_for
from dermadesk.system.instance_lock import InstanceLock
from tests.cli.test_commands import run_cli


@pytest.mark.slow
def test_backup_then_restore_on_a_new_machine_with_only_the_recovery_key(tmp_path: Path) -> None:
    clinic = tmp_path / "old-pc" / "clinic.db"
    clinic.parent.mkdir()
    home = {"DERMADESK_HOME": str(tmp_path / "old-pc" / "data")}
    made = run_cli("demo", "--patients", "30", "--seed", "4", "--end", "2026-10-31", "--db", str(clinic), extra=home)
    assert made.returncode == 0, made.stderr
    recovery = re.search(r"Recovery key[^:]*: (\S+)", made.stderr)
    assert recovery is not None
    backup = run_cli("backup", "create", "--db", str(clinic), "--to", str(tmp_path / "usb"), extra=home)
    assert backup.returncode == 0, backup.stderr
    assert "verified" in backup.stdout
    (file,) = (tmp_path / "usb").glob("*.ddbackup")
    listed = run_cli("backup", "list", "--db", str(clinic), "--to", str(tmp_path / "usb"), extra=home)
    assert file.name in listed.stdout

    # the new PC: no keyring, no passphrase, an empty data folder, the backup's two files and the recovery key
    new_pc = tmp_path / "new-pc"
    new_pc.mkdir()
    for part in (file, manifest_for(file)):
        shutil.copy(part, new_pc / part.name)
    fresh = {"DERMADESK_HOME": str(new_pc / "data")}
    refused = run_cli(
        "backup", "restore", str(new_pc / file.name), "--db", str(new_pc / "clinic.db"), passphrase=None, extra=fresh
    )
    assert refused.returncode == 1 and "recovery key" in refused.stderr
    assert not (new_pc / "clinic.db").exists()
    with_key = {**fresh, "DERMADESK_RECOVERY_KEY": recovery.group(1)}
    restored = run_cli(
        "backup", "restore", str(new_pc / file.name), "--db", str(new_pc / "clinic.db"), passphrase=None, extra=with_key
    )
    assert restored.returncode == 0, restored.stderr
    info = run_cli("db", "info", "--db", str(new_pc / "clinic.db"), passphrase=None, extra=with_key)
    assert "patients: 30" in info.stdout

    # a byte flipped in the backup: verify says so (exit 3) and restore refuses
    raw = bytearray(file.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    file.write_bytes(raw)
    checked = run_cli("backup", "verify", str(file), "--db", str(clinic), extra=home)
    assert checked.returncode == 3 and "damaged" in checked.stderr


def test_backup_list_auto_verify_and_rekey_in_process(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_path)]
    assert main(["backup", "list", *db]) == 0
    assert "no backups yet" in capsys.readouterr().out
    assert main(["backup", "auto", *db]) == 0
    assert "verified" in capsys.readouterr().out
    assert main(["backup", "auto", *db]) == 0
    assert "no backup due" in capsys.readouterr().out
    assert main(["backup", "list", *db, "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count('"manifest": true') == 1
    (made,) = re.findall(r'"path": "([^"]+)"', out)
    assert main(["backup", "verify", made, *db]) == 0
    assert "ok" in capsys.readouterr().out


def test_restore_and_rekey_refuse_while_the_database_is_open_elsewhere(demo_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["backup", "create", "--db", str(demo_path)]) == 0
    made = capsys.readouterr().out.split(":")[0]
    before = demo_path.read_bytes()
    with InstanceLock(demo_path):  # the app has it open
        assert main(["backup", "restore", made, "--db", str(demo_path)]) == 1
        assert "is open in DermaDesk" in capsys.readouterr().err
        assert main(["db", "rekey", "--db", str(demo_path)]) == 1
        assert "is open in DermaDesk" in capsys.readouterr().err
    assert demo_path.read_bytes() == before
    assert main(["backup", "restore", made, "--db", str(demo_path)]) == 0
    assert "before-restore" in capsys.readouterr().out


def test_rekey_without_the_recovery_key_is_refused(demo_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    before = demo_path.read_bytes()
    assert main(["db", "rekey", "--db", str(demo_path)]) == 1  # no terminal to ask on, no DERMADESK_RECOVERY_KEY
    assert "recovery key" in capsys.readouterr().err
    assert demo_path.read_bytes() == before
