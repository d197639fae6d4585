"""First start: the clinic's name and currency, the owner's account, the recovery key (placeholder)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.tasks import TaskRunner


class SetupDialog(BaseDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, recovery_key: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.recovery_key = services, runner, recovery_key
