"""Staff sign-in (placeholder)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.tasks import TaskRunner


class SignInDialog(BaseDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, clinic_name: str, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
