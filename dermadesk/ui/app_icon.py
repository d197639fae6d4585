"""The app's icon (drawn by installer/make_icons.py), at every size the window system may ask for."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from dermadesk.system.resources import resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource("icons", f"dermadesk-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
