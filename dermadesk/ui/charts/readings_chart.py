"""One skin metric over time: a line through the sessions, the concern threshold dashed, concerning points red."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from dermadesk.domain.readings import ConcernWhen, Metric
from dermadesk.ui.charts.metric_words import _tr, concern_words, short_name, unit_suffix

LINE = "#1f5fa8"
CONCERN = "#b00020"
HEALTHY = (27, 127, 59, 28)  # a faint green band: where the metric should sit


class ReadingsChart(pg.PlotWidget):
    """Push the sessions' times and values in with set_readings(); `points`, `curve` and `threshold_line`
    are the items drawn (tests and screenshots read them)."""

    def __init__(self, metric: Metric, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w", axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.metric = metric
        self._setup_ui()

    def _setup_ui(self) -> None:
        item = self.getPlotItem()
        item.setTitle(
            f"<span style='color:#1e1f22'><b>{short_name(self.metric)}</b></span>"
            f" <span style='color:#555b63'>({self.metric.unit})</span>",
            size="9pt",
        )
        item.showGrid(x=False, y=True, alpha=0.15)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)  # a trend to read, not a canvas to drag around
        for name in ("left", "bottom"):
            item.getAxis(name).setTextPen("#333333")
            item.getAxis(name).setPen("#9aa0a6")
        self._add_healthy_band()
        self.curve = self.plot([], [], pen=pg.mkPen(LINE, width=2))
        self.points = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w", width=1), hoverable=True, tip=self._tip)
        self.addItem(self.points)
        self._add_threshold_line()
        self.setToolTip(f"{_tr(self.metric.name)} ({self.metric.unit}): {concern_words(self.metric)}")
        self.setMinimumSize(220, 190)

    def _add_healthy_band(self) -> None:
        if self.metric.healthy_low is not None and self.metric.healthy_high is not None:
            band = pg.LinearRegionItem(
                (self.metric.healthy_low, self.metric.healthy_high),
                orientation="horizontal",
                brush=pg.mkBrush(HEALTHY),
                pen=pg.mkPen(None),
                movable=False,
            )
            band.setZValue(-10)
            self.addItem(band, ignoreBounds=True)

    def _add_threshold_line(self) -> None:
        self.threshold_line = pg.InfiniteLine(
            pos=self.metric.threshold,
            angle=0,
            movable=False,
            pen=pg.mkPen(CONCERN, width=1.5, style=Qt.PenStyle.DashLine),
            label=concern_words(self.metric),
            # the words sit on the healthy side of the line, where there is room inside the chart
            labelOpts={"position": 0.02, "anchors": [self._label_anchor()] * 2, "color": CONCERN},
        )
        self.addItem(self.threshold_line)

    def _label_anchor(self) -> tuple[int, int]:
        below = self.metric.concern_when in (ConcernWhen.BELOW, ConcernWhen.AT_OR_BELOW)
        return (0, 1) if below else (0, 0)

    def set_readings(self, times: Sequence[datetime], values: Sequence[float]) -> None:
        """Sessions oldest first; each value that crosses the threshold is drawn red."""
        xs = [t.timestamp() for t in times]
        self.curve.setData(xs, list(values))
        concern = [self.metric.is_concern(v) for v in values]
        self.points.setData(
            x=xs,
            y=list(values),
            brush=[pg.mkBrush(CONCERN if c else LINE) for c in concern],
            symbol=["d" if c else "o" for c in concern],  # shape too, for readers who do not see red
            data=list(concern),
        )
        self._fit(xs, list(values))

    def concern_count(self) -> int:
        return sum(1 for flag in self.points.data["data"] if flag)

    def _fit(self, xs: list[float], values: list[float]) -> None:
        """The range shows every point and the threshold line, with a little room around them."""
        if not xs:
            return
        low = min([*values, self.metric.threshold])
        high = max([*values, self.metric.threshold])
        pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
        self.setYRange(low - pad, high + pad, padding=0)
        span = (max(xs) - min(xs)) or 86_400 * 30
        self.setXRange(min(xs) - span * 0.08, max(xs) + span * 0.08, padding=0)

    def _tip(self, x: float, y: float, data: object) -> str:
        day = QLocale().toString(datetime.fromtimestamp(x).date(), QLocale.FormatType.ShortFormat)
        value = QLocale().toString(float(y), "g", 6)
        return f"{day}: {value}{unit_suffix(self.metric)}" + (
            f" — {_tr('crosses the concern threshold')}" if data else ""
        )
