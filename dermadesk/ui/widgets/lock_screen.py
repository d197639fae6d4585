"""The lock screen (placeholder)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from dermadesk.services.workspace import Services
from dermadesk.ui.tasks import TaskRunner


class LockScreen(QWidget):
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, services: Services, runner: TaskRunner, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
