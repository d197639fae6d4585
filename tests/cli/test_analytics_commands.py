"""tiers, rfm, churn and alerts on the command line: stable JSON keys and the published CDNOW figures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dermadesk.bootstrap import main

CDNOW = Path(__file__).resolve().parents[1] / "data" / "cdnow" / "CDNOW_sample.txt"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_churn_fit_on_the_cdnow_csv_prints_the_published_estimates(tmp_path: Path, capsys) -> None:
    transactions = tmp_path / "cdnow.csv"
    with transactions.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["patient_id", "date", "amount"])
        for line in CDNOW.read_text().split("\n"):
            if line.strip():
                _, customer, day, _, amount = line.split()
                writer.writerow([customer, f"{day[:4]}-{day[4:6]}-{day[6:]}", amount])
    fit = run_json(
        capsys,
        "churn",
        "fit",
        "--transactions",
        str(transactions),
        "--calibration-end",
        "1997-09-30",
        "--time-unit",
        "weeks",
    )
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for key, value in published.items():
        assert fit[key] == pytest.approx(value, rel=0.005), key
    assert fit["log_likelihood"] == pytest.approx(-9582.4, abs=0.1)
    for key, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert fit[key] == pytest.approx(value, rel=0.01), key


def test_review_alerts_and_exports_on_a_demo_clinic(demo_path: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_path)]
    review = run_json(capsys, "tiers", "review", "--as-of", "2026-10-31", *db)
    assert set(review) >= {"month", "as_of", "patients", "per_tier", "per_segment", "per_stage", "moves", "model"}
    assert review["month"] == "2026-10" and sum(review["per_tier"].values()) == review["patients"]
    again = run_json(capsys, "tiers", "review", "--as-of", "2026-10-31", *db)
    assert again["replaced"] is True

    run = run_json(capsys, "alerts", "run", "--as-of", "2026-10-31", *db)
    assert run["total"] > 0
    listed = run_json(capsys, "alerts", "list", *db)
    assert len(listed) == run["total"] and all(row["reason"] for row in listed)
    first, second = listed[0]["id"], listed[1]["id"]
    assert run_json(capsys, "alerts", "resolve", str(first), "--outcome", "no-answer", *db)["status"] == "resolved"
    assert run_json(capsys, "alerts", "snooze", str(second), "--until", "2027-01-15", *db)["status"] == "snoozed"
    assert len(run_json(capsys, "alerts", "list", *db)) == len(listed) - 2
    assert run_json(capsys, "alerts", "list", "--status", "snoozed", *db)[0]["id"] == second

    shown = run_json(capsys, "tiers", "show", "--patient", str(listed[0]["patient_id"]), *db)
    assert shown["reviews"][-1]["month"] == "2026-10"

    out = tmp_path / "rfm.csv"
    assert main(["rfm", "export", "--as-of", "2026-10-31", "--csv", str(out), *db]) == 0
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == review["patients"]
    assert {r["tier"] for r in rows} >= {"bronze"}
    assert all(r["monetary"] == f"{float(r['monetary']):.2f}" for r in rows)


def test_timeline_print_and_report_commands(demo_path: Path, tmp_path: Path, capsys) -> None:
    db = ["--db", str(demo_path)]
    assert main(["tiers", "review", "--as-of", "2026-10-31", *db]) == 0
    capsys.readouterr()
    events = run_json(capsys, "timeline", "--patient", "5", "--kind", "treatment", *db)
    assert events and all(e["kind"] == "treatment" for e in events)
    assert main(["print", "aftercare", "--event", str(events[0]["id"]), "-o", str(tmp_path / "a.pdf"), *db]) == 0
    assert main(["print", "onboarding", "--patient", "5", "-o", str(tmp_path / "o.pdf"), *db]) == 0
    assert (
        main(
            [
                "report",
                "monthly",
                "--month",
                "2026-10",
                "-o",
                str(tmp_path / "r.pdf"),
                "--csv",
                str(tmp_path / "r.csv"),
                *db,
            ]
        )
        == 0
    )
    assert all((tmp_path / name).read_bytes().startswith(b"%PDF") for name in ("a.pdf", "o.pdf", "r.pdf"))
    assert (tmp_path / "r.csv").read_text(encoding="utf-8-sig").startswith("month,")
    capsys.readouterr()
    printed = run_json(capsys, "timeline", "--patient", "5", "--kind", "packet_printed", *db)
    assert {e["details"]["packet"] for e in printed} == {"aftercare", "onboarding"}
    assert main(["report", "monthly", "--month", "2019-01", "-o", str(tmp_path / "x.pdf"), *db]) == 1
