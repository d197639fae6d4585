"""Leakage: after an import, a print, a data export and exit, a canary patient's name is in no file of the
data folder, the temp folder or the logs (only inside the encrypted database, where no scan can see it)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.cli.test_commands import run_cli

CANARY_GIVEN, CANARY_FAMILY = "Zephyrine", "Quorvalesk"


def encodings_of(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")] + [text.casefold().encode()]


def files_holding(folder: Path, needles: list[bytes]) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


@pytest.mark.slow
def test_a_canary_name_leaks_into_no_file(tmp_path: Path) -> None:
    data, temp, outside = tmp_path / "data", tmp_path / "tmp", tmp_path / "handed-over"
    for folder in (temp, outside):
        folder.mkdir()
    env = {"DERMADESK_HOME": str(data), "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}

    def dermadesk(*args: str) -> str:
        done = run_cli(*args, extra=env)
        assert done.returncode == 0, done.stderr
        return done.stdout

    dermadesk("demo", "--patients", "30", "--seed", "3", "--end", "2026-10-31")
    source = outside / "from-the-old-system.csv"  # the user's own file, outside DermaDesk's folders
    source.write_text(f"external_id,given_name,family_name,phone\nC-1,{CANARY_GIVEN},{CANARY_FAMILY},07700 900777\n")
    dermadesk("import", "patients", str(source), "--report", str(outside / "report.csv"))
    with (outside / "report.csv").open(encoding="utf-8-sig") as handle:
        patient_id = next(csv.DictReader(handle))["patient_id"]
    dermadesk("print", "onboarding", "--patient", patient_id, "-o", str(outside / "welcome.pdf"))
    dermadesk("privacy", "export", "--patient", patient_id, "--to", str(outside))
    assert (outside / f"patient-{patient_id}-data.json").read_text(encoding="utf-8").count(CANARY_FAMILY) >= 1

    needles = encodings_of(CANARY_GIVEN) + encodings_of(CANARY_FAMILY)
    assert (data / "logs").is_dir() and (data / "clinic.db").is_file()
    assert files_holding(data, needles) == []  # the database, its key, its log, the logs, the backups
    assert files_holding(temp, needles) == []
    assert files_holding(outside, needles)  # the scan does find the name where it was meant to go
