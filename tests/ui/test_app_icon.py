"""The app's icon: every window gets it, at the sizes a taskbar, a title bar and a dock ask for."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from dermadesk.ui.application import create_application
from dermadesk.ui.main_window import MainWindow


def test_every_window_shows_the_dermadesk_icon_at_small_and_large_sizes(qtbot) -> None:  # type: ignore[no-untyped-def]
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert icon.cacheKey() == QApplication.windowIcon().cacheKey()
    sizes = icon.availableSizes()
    assert QSize(16, 16) in sizes and QSize(256, 256) in sizes
    # the mark is teal, not a blank square: the drop left of its leaf is white, the corner teal
    image = icon.pixmap(QSize(32, 32)).toImage()
    assert image.pixelColor(11, 19).lightness() > 240
    teal = image.pixelColor(4, 28)
    assert teal.green() > teal.red() + 40 and teal.alpha() == 255
