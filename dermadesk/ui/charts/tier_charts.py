"""Bar charts for the tiers dashboard (patients per tier, per segment, per stage; revenue per tier)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

DEFAULT_COLOUR = "#5b8def"
TIER_COLOURS = {
    "bronze": "#b87333",
    "silver": "#9ea3a8",
    "gold": "#c9a227",
    "platinum": "#6d8a96",
    "diamond": "#3a8fd6",
}
NO_TIER_COLOUR = "#c5cad3"
AXIS_PEN = pg.mkPen("#9aa1ab")
TEXT_COLOUR = "#2b2f36"


def tier_colour(code: str | None) -> str:
    """The tier's colour (the same badge colours as the patient list); grey for no tier or a clinic's own tier."""
    return TIER_COLOURS.get(code or "", NO_TIER_COLOUR)


class BarChart(pg.PlotWidget):
    """A read-only bar chart with its values written on the bars. Vertical bars suit a few short labels
    (tiers); horizontal ones leave room for long labels (segments)."""

    def __init__(
        self, title: str, horizontal: bool = False, locale: QLocale | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent, background="w")
        self._horizontal = horizontal
        self._locale = locale or QLocale()
        self._bars: list[tuple[str, float]] = []
        self._items: list[pg.GraphicsObject] = []
        self._setup_ui(title)

    def _setup_ui(self, title: str) -> None:
        self.setTitle(title, color=TEXT_COLOUR, size="10pt")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(200)
        tick_font = QFont()
        tick_font.setPointSizeF(8.5)
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(AXIS_PEN)
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.setTickFont(tick_font)
        value_axis = self.getAxis("bottom" if self._horizontal else "left")
        value_axis.setStyle(showValues=False)  # the values are written on the bars
        value_axis.setTicks([[]])
        if self._horizontal:
            self.invertY(True)  # the first label on top, as a list reads

    def set_bars(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        colours: Sequence[str] | None = None,
        value_text: Callable[[float], str] | None = None,
    ) -> None:
        for item in self._items:
            self.removeItem(item)
        self._items.clear()
        self._bars = list(zip(labels, (float(v) for v in values), strict=True))
        if not self._bars:
            return
        text = value_text or (lambda v: self._locale.toString(int(v)))
        brushes = [pg.mkBrush(QColor(c)) for c in (colours or [DEFAULT_COLOUR] * len(self._bars))]
        positions = list(range(len(self._bars)))
        heights = [v for _, v in self._bars]
        self._add_bar_item(positions, heights, brushes)
        top = max(*heights, 1.0)
        for pos, height in zip(positions, heights, strict=True):
            self._add_value_label(pos, height, text(height))
        ticks = [list(zip(positions, labels, strict=True))]
        if self._horizontal:
            self.getAxis("left").setTicks(ticks)
            self.setYRange(-0.6, len(positions) - 0.4, padding=0)
            self.setXRange(0, top * 1.25, padding=0)
        else:
            self.getAxis("bottom").setTicks(ticks)
            self.setXRange(-0.6, len(positions) - 0.4, padding=0)
            self.setYRange(0, top * 1.18, padding=0)

    def bars(self) -> list[tuple[str, float]]:
        """What the chart shows: (label, value) per bar."""
        return list(self._bars)

    def _add_bar_item(self, positions: list[int], heights: list[float], brushes: list[object]) -> None:
        if self._horizontal:
            item = pg.BarGraphItem(x0=0, y=positions, height=0.62, width=heights, brushes=brushes, pen=None)
        else:
            item = pg.BarGraphItem(x=positions, height=heights, width=0.62, brushes=brushes, pen=None)
        self.addItem(item)
        self._items.append(item)

    def _add_value_label(self, position: int, height: float, text: str) -> None:
        anchor = (0, 0.5) if self._horizontal else (0.5, 1)
        label = pg.TextItem(text, color=TEXT_COLOUR, anchor=anchor)
        font = QFont()
        font.setPointSizeF(8.5)
        label.setFont(font)
        if self._horizontal:
            label.setPos(height, position)
        else:
            label.setPos(position, height)
        self.addItem(label)
        self._items.append(label)
