"""Idle detection (placeholder)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes = minutes

    def stop(self) -> None:
        pass
