"""`dermadesk import` with hand-made column matches and a report file; `dermadesk privacy` export and erase."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dermadesk.bootstrap import main
from dermadesk.domain.csv_safety import is_dangerous


def test_import_with_a_hand_made_match_and_a_safe_report(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "clients.csv"
    source.write_text('Who,=HYPERLINK("x"),Telephone number\nAdams,1,12\nBrown,2,07700 900123\n', encoding="utf-8")
    report = tmp_path / "report.csv"
    args = ["import", "patients", str(source), "--db", str(db_path), "--report", str(report)]
    assert main([*args, "--map", "family_name=Who", "--map", "phone=Telephone number"]) == 1
    err = capsys.readouterr().err
    assert "row 2: Telephone number is not a phone number" in err
    with report.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["row"], r["outcome"], r["column"]) for r in rows] == [("2", "error", "phone"), ("3", "new", "")]
    assert main([*args, "--map", "family_name=Who", "--map", 'external_id==HYPERLINK("x")']) == 0
    with report.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not any(is_dangerous(c) for c in cells)


def test_privacy_export_and_erase(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "p.csv"
    source.write_text("external_id,given_name,family_name\nE1,Ottoline,Brackenbury\n", encoding="utf-8")
    assert main(["import", "patients", str(source), "--db", str(db_path)]) == 0
    capsys.readouterr()
    out = tmp_path / "for-the-patient"
    assert main(["privacy", "export", "--patient", "1", "--to", str(out), "--db", str(db_path)]) == 0
    data = json.loads((out / "patient-1-data.json").read_text(encoding="utf-8"))
    assert data["data"]["patient"][0]["family_name"] == "Brackenbury"
    assert (out / "patient-1-data.pdf").read_bytes().startswith(b"%PDF")
    # no terminal to confirm on, and no --yes: nothing is erased
    assert main(["privacy", "erase", "--patient", "1", "--reason", "asked", "--db", str(db_path)]) == 2
    assert main(["privacy", "export", "--patient", "1", "--to", str(out), "--db", str(db_path)]) == 0
    assert main(["privacy", "erase", "--patient", "1", "--reason", "asked", "--yes", "--db", str(db_path)]) == 0
    assert "personal data erased" in capsys.readouterr().out
    assert main(["privacy", "export", "--patient", "1", "--to", str(out), "--db", str(db_path)]) == 1
    assert "erased" in capsys.readouterr().err
