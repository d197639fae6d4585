"""The tier movement matrix: patients per (tier last review → tier this review), moves up green, down red."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

UP, DOWN, SAME, TOTAL = QColor("#dcefdc"), QColor("#f8dcdc"), QColor("#eef0f3"), QColor("#f7f7f9")


class MovementMatrix(QTableWidget):
    """Rows are where patients were, columns where they are now; both in tier order, lowest first, so a cell
    right of the diagonal is a promotion. The last row and column are totals."""

    def __init__(self, locale: QLocale | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._locale = locale or QLocale()
        self._labels: list[str] = []
        self._counts: dict[tuple[int, int], int] = {}
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setAlternatingRowColors(False)

    def set_matrix(self, labels: Sequence[str], counts: Mapping[tuple[int, int], int]) -> None:
        """labels in tier order (lowest first); counts keyed by (from index, to index)."""
        self._labels, self._counts = list(labels), dict(counts)
        n = len(labels)
        self.clear()
        self.setRowCount(n + 1)
        self.setColumnCount(n + 1)
        total = self.tr("Total")
        self.setHorizontalHeaderLabels([*(self.tr("→ %1").replace("%1", x) for x in labels), total])
        self.setVerticalHeaderLabels([*labels, total])
        for i in range(n):
            for j in range(n):
                self._put(i, j, counts.get((i, j), 0), UP if j > i else DOWN if j < i else SAME)
            self._put(i, n, sum(counts.get((i, j), 0) for j in range(n)), TOTAL, bold=True)
        for j in range(n):
            self._put(n, j, sum(counts.get((i, j), 0) for i in range(n)), TOTAL, bold=True)
        self._put(n, n, sum(counts.values()), TOTAL, bold=True)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its rows: a small grid, no empty band under it."""
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        self.setFixedHeight(rows + self.horizontalHeader().height() + 2 * self.frameWidth())

    def count(self, from_label: str, to_label: str) -> int:
        return self._counts.get((self._labels.index(from_label), self._labels.index(to_label)), 0)

    def moves(self) -> tuple[int, int]:
        """(promotions, demotions): patients right of and left of the diagonal."""
        up = sum(c for (i, j), c in self._counts.items() if j > i)
        down = sum(c for (i, j), c in self._counts.items() if j < i)
        return up, down

    def _put(self, row: int, col: int, value: int, colour: QColor, bold: bool = False) -> None:
        item = QTableWidgetItem(self._locale.toString(value) if value else "·")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setBackground(QBrush(colour if value or colour in (SAME, TOTAL) else QColor("#ffffff")))
        if bold or (value and row != col):
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        if row < len(self._labels) and col < len(self._labels):
            item.setToolTip(
                self.tr("From %1 to %2: %3 patients")
                .replace("%1", self._labels[row])
                .replace("%2", self._labels[col])
                .replace("%3", self._locale.toString(value))
            )
        self.setItem(row, col, item)
