"""Toggle chips with counts ("Treatment 16"), wrapping onto more lines when the window is narrow."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QToolButton, QWidget

CHIP_STYLE = """
QToolButton { border: 1px solid #c5cad1; border-radius: 11px; padding: 2px 10px; background: #f6f7f9; }
QToolButton:checked { background: #1f5fa8; color: white; border-color: #1f5fa8; }
QToolButton:disabled { color: #a0a4aa; }
"""


class FlowLayout(QLayout):
    """Lays widgets left to right and wraps, like words in a paragraph."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 — Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line > 0:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()


class FilterChips(QWidget):
    """An "All" chip and one chip per key; choosing keys narrows, "All" clears. Emits the chosen keys
    (an empty set means everything)."""

    changed = Signal(object)  # frozenset of keys

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chips: dict[Hashable, QToolButton] = {}
        self._labels: dict[Hashable, str] = {}
        self._setup_ui()

    def _setup_ui(self) -> None:
        self._layout = FlowLayout(self)
        self.setStyleSheet(CHIP_STYLE)
        self._all = self._make_chip(self.tr("All"))
        self._all.setChecked(True)
        self._all.clicked.connect(self._on_all_clicked)

    def _make_chip(self, text: str) -> QToolButton:
        chip = QToolButton(self)
        chip.setCheckable(True)
        chip.setText(text)
        chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._layout.addWidget(chip)
        return chip

    def set_keys(self, keys: Sequence[Hashable], labels: Mapping[Hashable, str]) -> None:
        """The chips to offer, in order (built once)."""
        for key in keys:
            chip = self._make_chip(labels[key])
            chip.clicked.connect(self._on_chip_clicked)
            self._chips[key] = chip
            self._labels[key] = labels[key]

    def set_counts(self, counts: Mapping[Hashable, int]) -> None:
        """Counts after each label; chips with nothing behind them are hidden unless chosen."""
        total = sum(counts.values())
        self._all.setText(self.tr("All %1").replace("%1", str(total)))
        for key, chip in self._chips.items():
            n = counts.get(key, 0)
            chip.setText(f"{self._labels[key]} {n}")
            chip.setVisible(n > 0 or chip.isChecked())
        self._layout.invalidate()
        self.updateGeometry()

    def chosen(self) -> frozenset:
        return frozenset(k for k, c in self._chips.items() if c.isChecked())

    def chip(self, key: Hashable) -> QToolButton:
        return self._chips[key]

    def clear_choice(self) -> None:
        for chip in self._chips.values():
            chip.setChecked(False)
        self._all.setChecked(True)

    def _on_all_clicked(self) -> None:
        self.clear_choice()
        self.changed.emit(frozenset())

    def _on_chip_clicked(self) -> None:
        chosen = self.chosen()
        self._all.setChecked(not chosen)
        self.changed.emit(chosen)
