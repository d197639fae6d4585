"""The app's own fonts, so every script shows on a bare machine and screenshots do not vary."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dermadesk.system.resources import resource

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "wqy-microhei.ttc")


def install_fonts(app: QApplication, point_size: int = 10) -> list[str]:
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    families = list(dict.fromkeys(families))
    if families:
        font = QFont(families[0], point_size)
        # DejaVu for Latin, Greek and Cyrillic; WenQuanYi for CJK and Hangul
        font.setFamilies(families)
        app.setFont(font)
    return families
