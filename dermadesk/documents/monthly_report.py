"""The owner's monthly tier report: tiers, movement, segments, funnel, rates, alerts, NPS and movers, with charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from dermadesk.documents import styles as st
from dermadesk.documents.aftercare_templates import fill
from dermadesk.documents.blocks import data_table, panel, para, tiles
from dermadesk.documents.charts import bar_chart, horizontal_bars, stacked_share
from dermadesk.documents.formatting import (
    CURRENCY_SYMBOLS,
    catalogue_for,
    format_count,
    format_money,
    format_month_key,
    normalise_language,
)
from dermadesk.documents.letterhead import Target, build_pdf
from dermadesk.documents.monthly_report_figures import CountLine, ReportFigures, report_figures
from dermadesk.documents.monthly_report_labels import LABELS
from dermadesk.domain.money import Money
from dermadesk.domain.printables import MonthlyTierReport, Mover

UP = colors.HexColor("#E3F0E5")
DOWN = colors.HexColor("#F8E4E1")
HALF = st.FRAME_WIDTH / 2


@dataclass(frozen=True)
class _Page:
    fig: ReportFigures
    words: dict[str, str]
    language: str
    sheet: dict[str, ParagraphStyle]

    def money(self, minor: int, signed: bool = False) -> str:
        text = format_money(minor, self.fig.report.currency)
        return f"+{text}" if signed and minor > 0 else text


def build_monthly_report(report: MonthlyTierReport, target: Target) -> None:
    """Write the report as a PDF to a path or a binary file object."""
    language = normalise_language(report.language)
    values = {"month": format_month_key(report.month, language), "clinic": report.clinic.name}
    words = {key: fill(value, values) for key, value in catalogue_for(LABELS, language).items()}
    page = _Page(report_figures(report, words), words, language, st.stylesheet(language))
    story = [*_summary(page), *_tiers(page), *_risk(page), *_movement(page), *_movers(page)]
    story += [*_rates_alerts_nps(page), *_segments_and_funnel(page)]
    title = f"{words['title']} {values['month']}"
    build_pdf(target, story, report.clinic, title=title, footer_note=words["footer"], language=language)


def _summary(page: _Page) -> list[Flowable]:
    fig, words = page.fig, page.words
    items = [
        (words["members"], format_count(fig.total_patients)),
        (words["revenue"], page.money(fig.total_revenue_minor)),
        (words["visits"], format_count(fig.total_visits)),
        (words["at_risk"], page.money(fig.report.revenue_at_risk_minor)),
        (words["retention"], f"{fig.retention_pct}%"),
        (words["churn"], f"{fig.churn_pct}%"),
        (words["nps"], _signed(fig.nps_score)),
        (words["alerts_raised"], format_count(fig.report.alerts.raised)),
    ]
    return [
        para(words["title"], page.sheet["title"]),
        para(words["subtitle"], page.sheet["subtitle"]),
        tiles(items, page.language),
    ]


def _signed(score: int | None) -> str:
    return "—" if score is None else f"{score:+d}"


def _tiers(page: _Page) -> list[Flowable]:
    fig, words = page.fig, page.words
    header = [words["tier"], words["patients"], words["share"], words["revenue"], words["visits"]]
    rows = [
        [t.name, format_count(t.patients), f"{t.share_pct}%", page.money(t.revenue_minor), format_count(t.visits)]
        for t in fig.tiers
    ]
    total = [
        words["total"],
        format_count(fig.total_patients),
        "",
        page.money(fig.total_revenue_minor),
        format_count(fig.total_visits),
    ]
    widths = [w * st.FRAME_WIDTH for w in (0.28, 0.16, 0.14, 0.26, 0.16)]
    bold_total = [("LINEABOVE", (0, -1), (-1, -1), 0.9, st.ACCENT), ("BACKGROUND", (0, -1), (-1, -1), st.ACCENT_SOFT)]
    table = data_table(
        header, [*rows, total], widths, numeric=(1, 2, 3, 4), language=page.language, extra_style=bold_total
    )
    names = [t.name for t in fig.tiers]
    patients = bar_chart(names, [t.patients for t in fig.tiers], words["chart_patients"], width=HALF - 4 * mm)
    revenue = bar_chart(
        names,
        [float(Money(t.revenue_minor, fig.report.currency).to_decimal()) for t in fig.tiers],
        f"{words['chart_revenue']} ({fig.report.currency})",
        width=HALF - 4 * mm,
        axis_format=_compact_money(fig.report.currency),
        show_values=False,  # exact amounts are in the table; rounded ones on bars would be a second truth
    )
    return [para(words["tiers"], page.sheet["h1"]), table, Spacer(1, 5 * mm), _side_by_side(patients, revenue)]


def _compact_money(currency: str) -> Callable[[float], str]:
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), "")

    def label(value: float) -> str:
        return f"{symbol}{value / 1000:g}k" if value >= 1000 else f"{symbol}{value:g}"

    return label


Cell = Flowable | list[Flowable]


def _side_by_side(left: Cell, right: Cell, widths: Sequence[float] = (HALF, HALF)) -> Table:
    table = Table([[left, right]], colWidths=list(widths), hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _movement(page: _Page) -> list[Flowable]:
    fig, words = page.fig, page.words
    labels, counts = fig.movement_labels, fig.report.movement.counts
    header = [words["from_to"], *labels]
    rows = [[labels[i], *(format_count(n) for n in row)] for i, row in enumerate(counts)]
    first = st.FRAME_WIDTH * 0.2
    widths = [first] + [(st.FRAME_WIDTH - first) / len(labels)] * len(labels)
    shading: list[tuple[object, ...]] = []
    for i, row in enumerate(counts):
        for j, n in enumerate(row):
            colour = st.ACCENT_SOFT if i == j else (UP if j > i else DOWN) if n else None
            if colour is not None:
                shading.append(("BACKGROUND", (j + 1, i + 1), (j + 1, i + 1), colour))
    numeric = tuple(range(1, len(labels) + 1))
    table = data_table(header, rows, widths, numeric=numeric, language=page.language, extra_style=shading)
    head = [
        CondPageBreak(90 * mm),
        para(words["movement"], page.sheet["h1"]),
        para(words["movement_note"], page.sheet["small"]),
    ]
    return [KeepTogether([*head, Spacer(1, 2 * mm), table])]


def _movers(page: _Page) -> list[Flowable]:
    words, report = page.words, page.fig.report
    story: list[Flowable] = []
    for title, movers in ((words["movers_up"], report.movers_up), (words["movers_down"], report.movers_down)):
        story.append(KeepTogether(_mover_table(page, title, movers)))
    return story


def _mover_table(page: _Page, title: str, movers: Sequence[Mover]) -> list[Flowable]:
    words, fig = page.words, page.fig
    parts: list[Flowable] = [para(title, page.sheet["h2"])]
    if not movers:
        return [*parts, para(words["no_movers"], page.sheet["small"])]
    rows = [
        [m.name, fig.tier_label(m.from_tier), fig.tier_label(m.to_tier), page.money(m.change_minor, signed=True)]
        for m in movers
    ]
    widths = [w * st.FRAME_WIDTH for w in (0.4, 0.18, 0.18, 0.24)]
    header = [words["patient"], words["from"], words["to"], words["change"]]
    return [*parts, data_table(header, rows, widths, numeric=(3,), language=page.language)]


def _count_table(page: _Page, head: str, lines: Sequence[CountLine], width: float) -> Flowable:
    rows = [[line.label, format_count(line.count)] for line in lines]
    return data_table(
        [head, page.words["patients"]], rows, [width * 0.66, width * 0.34], numeric=(1,), language=page.language
    )


def _segments_and_funnel(page: _Page) -> list[Flowable]:
    fig, words, sheet = page.fig, page.words, page.sheet
    width = HALF - 6 * mm
    story: list[Flowable] = []
    for title, head, lines in (
        (words["segments"], words["segment"], fig.segments),
        (words["funnel"], words["stage"], fig.funnel),
    ):
        # no title and the table's row pitch: each bar sits level with its row in the table beside it
        chart = horizontal_bars([line.label for line in lines], [line.count for line in lines], width=width)
        block = _side_by_side(_count_table(page, head, lines, width), chart)
        story.append(KeepTogether([para(title, sheet["h1"]), block]))
    return story


def _rates_alerts_nps(page: _Page) -> list[Flowable]:
    fig, words = page.fig, page.words
    report = fig.report
    rates = [[words["retention"], f"{fig.retention_pct}%"], [words["churn"], f"{fig.churn_pct}%"]]
    alerts = [[words[key], format_count(getattr(report.alerts, key))] for key in ("raised", "resolved", "rebooked")]
    nps = [[words[key], format_count(getattr(report.nps, key))] for key in ("promoters", "passives", "detractors")]
    nps += [[words["responses"], format_count(report.nps.responses)], [words["score"], _signed(fig.nps_score)]]
    tables = [
        _two_column(page, words["rates"], words["rate"], rates),
        _two_column(page, words["alerts"], words["count"], alerts),
        _two_column(page, words["nps_title"], words["count"], nps),
    ]
    grid = Table([tables], colWidths=[st.FRAME_WIDTH / 3] * 3, hAlign="LEFT")
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    parts = [
        (words["detractors"], report.nps.detractors, st.WARN),
        (words["passives"], report.nps.passives, colors.HexColor("#B8C2C0")),
        (words["promoters"], report.nps.promoters, st.GOOD),
    ]
    share_chart = stacked_share(parts, words["nps_title"], width=st.FRAME_WIDTH)
    return [KeepTogether([para(words["outcomes"], page.sheet["h1"]), grid, Spacer(1, 3 * mm), share_chart])]


def _two_column(page: _Page, head: str, value_head: str, rows: list[list[str]]) -> Flowable:
    width = st.FRAME_WIDTH / 3 - 4 * mm
    return data_table([head, value_head], rows, [width * 0.7, width * 0.3], numeric=(1,), language=page.language)


def _risk(page: _Page) -> list[Flowable]:
    report, words, sheet = page.fig.report, page.words, page.sheet
    content = [
        para(words["risk"], sheet["panel_title"]),
        para(page.money(report.revenue_at_risk_minor), sheet["big_number"]),
        para(fill(words["risk_note"], {"count": format_count(report.at_risk_patients)}), sheet["body"]),
    ]
    return [Spacer(1, 6 * mm), KeepTogether(panel(content, st.WARN, st.WARN_SOFT))]
