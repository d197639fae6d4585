"""The desktop application: Qt set-up, opening the clinic database off the GUI thread, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from dermadesk import __version__
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.ports import PassphrasePrompt, ProgressReporter
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase, describe
from dermadesk.services.demo import DEMO_SETTINGS, DemoSpec
from dermadesk.services.workspace import Workspace
from dermadesk.ui.dialogs.passphrase_dialog import GuiPassphrasePrompt
from dermadesk.ui.dialogs.recovery_key_dialog import RecoveryKeyDialog
from dermadesk.ui.fonts import install_fonts
from dermadesk.ui.main_window import MainWindow
from dermadesk.ui.messages import error_text
from dermadesk.ui.tasks import TaskRunner

DEMO_PATIENTS = 2000


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("DermaDesk")
    QCoreApplication.setApplicationName("DermaDesk")
    QCoreApplication.setApplicationVersion(__version__)
    install_fonts(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


@dataclass
class LaunchRequest:
    path: Path
    demo: bool = False


class DesktopSession:
    """Owns the window, the task runner and the open database for one run of the app."""

    def __init__(self, make_workspace: Callable[[PassphrasePrompt], Workspace], request: LaunchRequest) -> None:
        self.request = request
        self.runner = TaskRunner(self._on_task_failed)
        self.window = MainWindow(self.runner)
        self.workspace = make_workspace(GuiPassphrasePrompt(self.window))
        self.opened: OpenedDatabase | None = None
        self.window.closing.connect(self.close)

    def start(self) -> None:
        self.window.show()
        settings: ClinicSettings | None = DEMO_SETTINGS if self.request.demo else None
        self.runner.database(
            lambda: self.workspace.open(self.request.path, create=True, settings=settings),
            on_done=self._on_database_opened,
            on_error=self._on_open_failed,
        )

    def _on_database_opened(self, opened: OpenedDatabase) -> None:
        self.opened = opened
        if opened.new_key is not None:
            RecoveryKeyDialog(opened.new_key.recovery_key, self.window).exec()
        if self.request.demo and opened.new_key is not None:
            services = self.workspace.services(opened, SYSTEM_ACTOR)

            def fill(progress: ProgressReporter) -> None:
                services.demo.generate(DemoSpec(DEMO_PATIENTS), progress)

            self.runner.database(
                fill,
                on_done=lambda _: self.refresh(),
                progress=self.window.tr("Creating the demo clinic…"),
                parent=self.window,
            )
        else:
            self.refresh()

    def refresh(self) -> None:
        if self.opened is not None:
            opened = self.opened
            self.runner.database(
                lambda: describe(opened),
                on_done=lambda info: self.window.show_clinic(
                    info.clinic_name, info.patient_count, info.cipher_version, str(info.path)
                ),
            )

    def _on_open_failed(self, error: BaseException) -> None:
        QMessageBox.critical(self.window, "DermaDesk", error_text(error))
        self.window.close()

    def _on_task_failed(self, error: BaseException) -> None:
        self.window.show_error(error_text(error))

    def close(self) -> None:
        self.runner.wait()
        if self.opened is not None:
            self.opened.close()
            self.opened = None


def run(make_workspace: Callable[[PassphrasePrompt], Workspace], request: LaunchRequest) -> int:
    app = create_application()
    session = DesktopSession(make_workspace, request)
    session.start()
    return app.exec()
