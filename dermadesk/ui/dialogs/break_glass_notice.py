"""The owner's notice of emergency ("break the glass") sessions: shown at each owner sign-in until acknowledged."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from dermadesk.domain.staff import BreakGlassSession
from dermadesk.services.workspace import Services
from dermadesk.ui.dialogs.base_dialog import BaseDialog
from dermadesk.ui.messages import error_text
from dermadesk.ui.models.alert_table_model import display_locale
from dermadesk.ui.tasks import TaskRunner


class BreakGlassNoticeDialog(BaseDialog):
    """Acknowledge marks every listed session seen (and logs it); Later leaves them for the next sign-in."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        sessions: list[BreakGlassSession],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.runner, self.sessions = services, runner, sessions
        self.setWindowTitle(self.tr("Emergency access was used"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%n emergency session(s) since you last acknowledged. Everything done in them is flagged in the "
                "audit log (Audit log, Emergency access only).",
                "",
                len(sessions),
            ),
            wordWrap=True,
        )
        layout.addWidget(intro)
        self.list = QListWidget(objectName="sessions")
        locale = display_locale()
        for session in sessions:
            started = locale.toString(session.started_at.astimezone(), "yyyy-MM-dd HH:mm")
            ends = locale.toString(session.ends_at.astimezone(), "HH:mm")
            self.list.addItem(
                self.tr("%1, %2 to %3 at %4: %5")
                .replace("%1", session.staff_name)
                .replace("%2", started)
                .replace("%3", ends)
                .replace("%4", session.workstation)
                .replace("%5", session.reason)
            )
        layout.addWidget(self.list)
        self.message = QLabel(objectName="message", wordWrap=True, styleSheet="color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.acknowledge_button = self.buttons.addButton(
            self.tr("&Acknowledge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.acknowledge_button.setObjectName("acknowledge")
        self.later_button = self.buttons.addButton(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_acknowledge)
        self.buttons.rejected.connect(self.reject)

    def _on_acknowledge(self) -> None:
        self.acknowledge_button.setEnabled(False)
        staff, ids = self.services.staff, [s.id for s in self.sessions if s.id is not None]

        def acknowledge_all() -> None:
            for session_id in ids:
                staff.acknowledge_break_glass(session_id)

        self.runner.database(acknowledge_all, on_done=lambda _: self.accept(), on_error=self._on_failed, parent=self)

    def _on_failed(self, error: BaseException) -> None:
        self.acknowledge_button.setEnabled(True)
        self.message.setText(error_text(error))
