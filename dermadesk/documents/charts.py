"""Charts drawn with reportlab.graphics: a metric's trend against its threshold, bars, and a reading profile."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from dermadesk.documents import styles as st
from dermadesk.documents.fonts import font_for
from dermadesk.documents.formatting import format_number, format_reading, format_short_date
from dermadesk.documents.rtl_text import to_visual
from dermadesk.domain.printables import ReadingRow

_SCALE = re.compile(r"^0\s*[–-]\s*(\d+)$")  # units such as "0–10" name their own scale


def label(x: float, y: float, text: str, size: float = 7.5, **extra: object) -> String:
    """A chart string in a font that has every one of its characters."""
    shown = to_visual(text)
    attrs: dict[str, object] = {"fontName": font_for(shown), "fontSize": size, "fillColor": st.MUTED}
    attrs.update(extra)
    return String(x, y, shown, **attrs)


def _nice_max(value: float) -> float:
    """A round top for an axis: 1, 2, 2.5 or 5 times a power of ten, above the value."""
    if value <= 0:
        return 1.0
    power = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10.0 * power


def trend_chart(
    points: Sequence[tuple[date, float]],
    threshold: float,
    title: str,
    language: str = "en",
    width: float = 240,
    height: float = 130,
) -> Drawing:
    """A metric over time as a line, with its concern threshold as a dashed red line."""
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 30, 22, width - 42, height - 44
    plot.data = [[(day.toordinal(), value) for day, value in points]]
    plot.lines[0].strokeColor = st.ACCENT
    plot.lines[0].strokeWidth = 1.6
    plot.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=st.ACCENT)
    top = _nice_max(max([*(v for _, v in points), threshold]) * 1.15)
    _value_axis(plot.yValueAxis, 0, top)
    days = [day.toordinal() for day, _ in points]
    x_axis = plot.xValueAxis
    x_axis.valueMin, x_axis.valueMax = min(days) - 7, max(days) + 7  # a week's margin keeps end points inside
    x_axis.valueSteps = days
    x_axis.labelTextFormat = lambda n: format_short_date(date.fromordinal(int(n)), language)
    _style_axis_labels(x_axis.labels, "".join(format_short_date(d, language) for d, _ in points))
    drawing.add(plot)
    y = plot.y + plot.height * threshold / top
    drawing.add(Line(plot.x, y, plot.x + plot.width, y, strokeColor=st.WARN, strokeWidth=1, strokeDashArray=[3, 2]))
    drawing.add(label(plot.x + plot.width, y + 2, format_number(threshold), 6.5, fillColor=st.WARN, textAnchor="end"))
    drawing.add(label(0, height - 10, title, 8.5, fillColor=st.INK))
    return drawing


def _value_axis(axis: Any, low: float, high: float, fmt: Callable[[float], str] | None = None) -> None:
    axis.valueMin, axis.valueMax = low, high
    span = high - low
    leading = span / 10 ** math.floor(math.log10(span)) if span > 0 else 1
    axis.valueStep = span / (4 if round(leading, 3) == 2 else 5)  # ticks on round numbers: 0-20 by 5, 0-50 by 10
    axis.labels.fontName = font_for("0")
    axis.labels.fontSize = 6.5
    axis.labels.fillColor = st.MUTED
    axis.strokeColor = st.RULE
    axis.gridStrokeColor = colors.HexColor("#E6ECEB")
    axis.visibleGrid = True
    axis.labelTextFormat = fmt or format_number


def _style_axis_labels(labels: Any, sample: str, size: float = 6.5) -> None:
    labels.fontName = font_for(sample)
    labels.fontSize = size
    labels.fillColor = st.MUTED


def bar_chart(
    names: Sequence[str],
    values: Sequence[float],
    title: str,
    width: float = 240,
    height: float = 150,
    axis_format: Callable[[float], str] | None = None,
    show_values: bool = True,
) -> Drawing:
    """Vertical bars, one per category; exact values on the bars only where the table prints them too."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 22, width - 48, height - 46
    chart.data = [list(values)]
    chart.bars[0].fillColor = st.ACCENT
    chart.bars[0].strokeColor = None
    chart.barSpacing, chart.groupSpacing = 0, 8
    chart.categoryAxis.categoryNames = [to_visual(name) for name in names]
    chart.categoryAxis.strokeColor = st.RULE
    _style_axis_labels(chart.categoryAxis.labels, "".join(names), 7)
    _value_axis(chart.valueAxis, 0, _nice_max(max(values, default=0) * 1.1), axis_format)
    if show_values:
        chart.barLabelFormat = lambda v: f"{int(v):,}"
        chart.barLabels.nudge = 6
        chart.barLabels.fontName = font_for("0")
        chart.barLabels.fontSize = 6.5
        chart.barLabels.fillColor = st.INK
    drawing.add(chart)
    drawing.add(label(0, height - 10, title, 8.5, fillColor=st.INK))
    return drawing


TABLE_ROW = 12 + 2 * 1.6 * mm  # one data_table row: cell leading plus top and bottom padding
TABLE_HEAD = 11 + 2 * 1.6 * mm


def horizontal_bars(names: Sequence[str], values: Sequence[int], width: float = 240, title: str = "") -> Drawing:
    """One bar per row at the pitch of a table row, so it can stand level with the table it illustrates."""
    top = 16 if title else TABLE_HEAD
    height = top + TABLE_ROW * len(names)
    label_width = 92 if title else 4  # beside its table the bars need no names of their own
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_width, 0, width - label_width - 26, TABLE_ROW * len(names)
    chart.data = [list(values)]
    chart.bars[0].fillColor = st.CHART_SERIES[1]
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.barSpacing, chart.groupSpacing = 0, TABLE_ROW - 10
    chart.categoryAxis.categoryNames = [to_visual(name) if title else "" for name in names]
    chart.categoryAxis.reverseDirection = True  # first row at the top, as in the table beside it
    chart.categoryAxis.strokeColor = st.RULE
    _style_axis_labels(chart.categoryAxis.labels, "".join(names), 7)
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, max(values, default=0) or 1
    chart.barLabelFormat = lambda v: f"{int(v):,}"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabels.fontName = font_for("0")
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = st.INK
    drawing.add(chart)
    if title:
        drawing.add(label(0, height - 10, title, 8.5, fillColor=st.INK))
    return drawing


def stacked_share(parts: Sequence[tuple[str, int, colors.Color]], title: str, width: float = 240) -> Drawing:
    """One bar split into coloured shares with a legend (NPS: detractors, passives, promoters)."""
    height = 62
    drawing = Drawing(width, height)
    drawing.add(label(0, height - 10, title, 8.5, fillColor=st.INK))
    total = sum(count for _, count, _ in parts) or 1
    x = 0.0
    for _name, count, colour in parts:
        share = width * count / total
        drawing.add(Rect(x, 24, share, 16, fillColor=colour, strokeColor=colors.white, strokeWidth=1))
        x += share
    x = 0.0
    for name, count, colour in parts:
        drawing.add(Rect(x, 6, 7, 7, fillColor=colour, strokeColor=None))
        text = f"{name} {count:,}"
        drawing.add(label(x + 10, 7, text, 7, fillColor=st.INK))
        x += width / len(parts)
    return drawing


def reading_profile(rows: Sequence[ReadingRow], width: float = st.FRAME_WIDTH) -> Drawing:
    """Each metric on its own scale: the healthy band, the concern threshold and where the patient is."""
    row_h = 20
    drawing = Drawing(width, row_h * len(rows) + 4)
    for index, row in enumerate(rows):
        _profile_row(drawing, row, drawing.height - (index + 1) * row_h + 6)
    return drawing


def _profile_row(drawing: Drawing, row: ReadingRow, y: float, label_w: float = 150, value_w: float = 62) -> None:
    track_w = drawing.width - label_w - value_w
    top = _scale_top(row)

    def at(value: float) -> float:
        return label_w + min(max(value, 0), top) * track_w / top

    drawing.add(label(0, y, row.metric, 7.5, fillColor=st.INK))
    drawing.add(Rect(label_w, y, track_w, 5, fillColor=colors.HexColor("#EEF2F1"), strokeColor=None))
    if row.healthy_low is not None and row.healthy_high is not None:
        band = at(row.healthy_high) - at(row.healthy_low)
        drawing.add(Rect(at(row.healthy_low), y, band, 5, fillColor=colors.HexColor("#CFE3D4"), strokeColor=None))
    drawing.add(Line(at(row.threshold), y - 3, at(row.threshold), y + 8, strokeColor=st.WARN, strokeWidth=1.2))
    colour = st.WARN if row.concern else st.ACCENT
    drawing.add(Circle(at(row.value), y + 2.5, 4, fillColor=colour, strokeColor=colors.white, strokeWidth=1))
    drawing.add(label(drawing.width, y, format_reading(row.value, row.unit), 7.5, fillColor=colour, textAnchor="end"))


def _scale_top(row: ReadingRow) -> float:
    named = _SCALE.match(row.unit.strip())
    if named:
        return float(named.group(1))
    highest = max(row.value, row.threshold, row.healthy_high or 0)
    return _nice_max(highest * 1.25)
