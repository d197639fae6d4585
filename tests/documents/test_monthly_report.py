"""The monthly tier report: every figure printed, and the CSV holds exactly the figures the PDF prints."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from dermadesk.documents.monthly_report import build_monthly_report
from dermadesk.documents.monthly_report_csv import HEADER, write_monthly_report_csv
from dermadesk.domain.csv_safety import safe_cell
from dermadesk.domain.printables import MonthlyTierReport, Mover
from tests.documents import samples
from tests.documents.pdf_reading import layout_lines, pdf_text, uncovered

NUMBER = re.compile(r"[-+]?[£¥€$]?\d[\d,]*(?:\.\d+)?%?")


def build(tmp_path: Path, report: MonthlyTierReport) -> tuple[list[str], list[dict[str, str]]]:
    pdf, table = tmp_path / "report.pdf", tmp_path / "report.csv"
    build_monthly_report(report, pdf)
    write_monthly_report_csv(report, table)
    with open(table, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return layout_lines(pdf), rows


def numbers(line: str) -> list[Decimal]:
    """The figures on a printed line, as numbers: £1,234.50 -> 1234.50, 87.3% -> 87.3, +54 -> 54."""
    return [Decimal(re.sub(r"[£¥€$,%+]", "", match)) for match in NUMBER.findall(line)]


def figure_after(lines: list[str], label: str) -> Decimal:
    """The figure printed right after a label, wherever it stands (tables side by side share lines)."""
    for line in lines:
        match = re.search(rf"(?:^| ){re.escape(label)} ({NUMBER.pattern})", line)
        if match:
            return numbers(match.group(1))[0]
    raise AssertionError(f"{label} is not printed with a figure")


def line_for(lines: list[str], label: str, after: str) -> str:
    """The first printed line that starts with the label, after the heading of its section."""
    start = next(i for i, line in enumerate(lines) if line.startswith(after))
    return next(line for line in lines[start:] if line.startswith(label + " ") or line == label)


def test_the_pdf_prints_every_section(tmp_path: Path) -> None:
    lines, _ = build(tmp_path, samples.monthly_report())
    text = " ".join(lines)
    for heading in (
        "Monthly tier report",
        "October 2026",
        "Tiers",
        "Patients per tier",
        "Revenue per tier (GBP)",
        "Tier movement this month",
        "Top movers up",
        "Top movers down",
        "RFM segments",
        "Lifecycle funnel",
        "Retention, alerts and satisfaction",
        "Net Promoter Score",
        "Revenue at risk",
    ):
        assert heading in text, heading
    assert "£19,123.40" in text and "244 patients" in text


def test_tier_rows_in_the_csv_equal_the_printed_table(tmp_path: Path) -> None:
    lines, rows = build(tmp_path, samples.monthly_report())
    for tier in samples.monthly_report().tiers:
        printed = numbers(line_for(lines, tier.name, "Tier Patients"))
        figures = {
            r["measure"]: Decimal(r["value"]) for r in rows if r["section"] == "tiers" and r["code"] == tier.code
        }
        assert printed == [figures["patients"], figures["share"], figures["revenue"], figures["visits"]]
    total = numbers(line_for(lines, "Total", "Tier Patients"))
    summary = {r["measure"]: Decimal(r["value"]) for r in rows if r["section"] == "summary"}
    assert total == [summary["patients"], summary["revenue"], summary["visits"]]


def test_the_totals_add_up_to_the_stored_review(tmp_path: Path) -> None:
    report = samples.monthly_report()
    _, rows = build(tmp_path, report)
    summary = {r["measure"]: r["value"] for r in rows if r["section"] == "summary"}
    assert int(summary["patients"]) == sum(t.patients for t in report.tiers) == 2000
    assert summary["revenue"] == "83176.74"
    assert summary["retention_rate"] == "87.3" and summary["churn_rate"] == "4.2"
    assert summary["nps"] == "54"  # (118 - 19) / 183 = 54.1 %
    shares = [Decimal(r["value"]) for r in rows if r["section"] == "tiers" and r["measure"] == "share"]
    assert abs(sum(shares) - 100) <= Decimal("0.3")


def test_the_movement_matrix_in_the_csv_equals_the_printed_matrix(tmp_path: Path) -> None:
    report = samples.monthly_report()
    lines, rows = build(tmp_path, report)
    names = ["No tier", *(t.name for t in report.tiers)]
    for i, name in enumerate(names):
        printed = numbers(line_for(lines, name, "From \\ to"))
        figures = [Decimal(r["value"]) for r in rows if r["section"] == "movement" and r["item"] == name]
        assert printed == figures == [Decimal(n) for n in report.movement.counts[i]]


@pytest.mark.parametrize(("section", "heading"), [("segments", "Segment Patients"), ("funnel", "Stage Patients")])
def test_segment_and_funnel_counts_equal_the_printed_tables(tmp_path: Path, section: str, heading: str) -> None:
    lines, rows = build(tmp_path, samples.monthly_report())
    figures = [r for r in rows if r["section"] == section]
    assert len(figures) == (11 if section == "segments" else 6)
    for row in figures:
        # the bar beside the row repeats the count on the same printed line
        assert numbers(line_for(lines, row["item"], heading))[0] == Decimal(row["value"])


def test_alerts_nps_rates_and_movers_equal_the_printed_figures(tmp_path: Path) -> None:
    lines, rows = build(tmp_path, samples.monthly_report())
    by_measure = {(r["section"], r["measure"]): Decimal(r["value"]) for r in rows if r["section"] in ("alerts", "nps")}
    for label, key in (
        ("Raised", ("alerts", "raised")),
        ("Resolved", ("alerts", "resolved")),
        ("Rebooked", ("alerts", "rebooked")),
        ("Promoters", ("nps", "promoters")),
        ("Passives", ("nps", "passives")),
        ("Detractors", ("nps", "detractors")),
        ("Responses", ("nps", "responses")),
    ):
        assert figure_after(lines, label) == by_measure[key], label
    assert figure_after(lines, "Retention") == Decimal("87.3") and figure_after(lines, "Churn") == Decimal("4.2")
    assert figure_after(lines, "Score") == Decimal("54")
    text = " ".join(lines)
    for row in (r for r in rows if r["section"].startswith("movers") and r["measure"] == "change"):
        mover = next(r for r in rows if r["section"] == row["section"] and r["code"] == row["code"])
        printed = next(line for line in lines if line.startswith(row["item"]))
        assert numbers(printed)[-1] == Decimal(row["value"]), printed
        assert f"{row['item']} {mover['value']}" in text  # name, then the tier moved from


def test_every_csv_figure_is_printed_somewhere_in_the_pdf(tmp_path: Path) -> None:
    lines, rows = build(tmp_path, samples.monthly_report())
    printed = {n for line in lines for n in numbers(line)}
    for row in rows:
        if row["measure"] not in ("from", "to") and row["value"]:
            assert Decimal(row["value"]) in printed, row


def test_names_in_any_script_and_xml_specials_print(tmp_path: Path) -> None:
    report = samples.monthly_report()
    names = (*samples.NAMES, "O'Brien & Co <x>")
    movers = tuple(Mover(name, "bronze", "silver", 100 * i) for i, name in enumerate(names, 1))
    report = dataclasses.replace(report, movers_up=movers)
    pdf = tmp_path / "r.pdf"
    build_monthly_report(report, pdf)
    text = pdf_text(pdf)
    for name in names:
        assert name in text
    assert uncovered(pdf) == []


def test_the_csv_is_safe_to_open_in_a_spreadsheet() -> None:
    report = dataclasses.replace(samples.monthly_report(), movers_up=(Mover('=HYPERLINK("x")', "gold", "none", -5),))
    buffer = io.StringIO()
    write_monthly_report_csv(report, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert tuple(rows[0]) == HEADER
    assert ["2026-10", "movers_up", "1", '\'=HYPERLINK("x")', "change", "-0.05", "GBP"] in rows
    assert safe_cell("-420.00") == "-420.00" and safe_cell("+x") == "'+x" and safe_cell("@a") == "'@a"


def test_the_chinese_report(tmp_path: Path) -> None:
    pdf = tmp_path / "zh.pdf"
    build_monthly_report(samples.monthly_report("zh_CN"), pdf)
    text = pdf_text(pdf)
    for heading in (
        "会员等级月报",
        "2026年10月",
        "本月等级变动",
        "无等级",
        "冠军客户",
        "生命周期漏斗",
        "净推荐值",
        "风险收入",
    ):
        assert heading in text, heading
    assert uncovered(pdf) == []
