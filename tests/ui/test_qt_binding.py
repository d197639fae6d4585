"""A guard on the Qt binding itself: PySide6 6.12.0 dropped a reference to None on every call of a Python
override (paintEvent, data, ...), and Python 3.11 aborts once None's count runs out (~5,000 repaints)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


class _Painted(QWidget):
    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        pass


def test_repainting_does_not_leak_references_to_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = _Painted()
    qtbot.addWidget(widget)
    widget.show()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.repaint()
    assert sys.getrefcount(None) > before - 500, "the Qt binding leaks references to None: pin another version"
