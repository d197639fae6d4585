"""The desktop application: open the clinic database off the GUI thread, first start or sign-in, the main
window, and the idle lock that takes every page (and its patient data) out of the widget tree."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dermadesk import __version__
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.ports import PassphrasePrompt, ProgressReporter
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase, describe
from dermadesk.services.demo import DEMO_PASSWORD, DEMO_SETTINGS, DemoSpec
from dermadesk.services.workspace import Services, Workspace
from dermadesk.ui import i18n
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.dialogs.passphrase_dialog import GuiPassphrasePrompt
from dermadesk.ui.dialogs.setup_dialog import SetupDialog
from dermadesk.ui.dialogs.sign_in_dialog import SignInDialog
from dermadesk.ui.fonts import install_fonts
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.idle_watcher import IdleWatcher
from dermadesk.ui.main_window import MainWindow
from dermadesk.ui.messages import error_text
from dermadesk.ui.tasks import TaskRunner
from dermadesk.ui.widgets.lock_screen import LockScreen
from dermadesk.ui.widgets.settings.staff_section import role_name

DEMO_PATIENTS = 2000


def _tr(text: str) -> str:
    return QCoreApplication.translate(WORDS, text)


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("DermaDesk")
    QCoreApplication.setApplicationName("DermaDesk")
    QCoreApplication.setApplicationVersion(__version__)
    install_fonts(app)  # type: ignore[arg-type]
    i18n.apply_language(i18n.chosen_language())  # this workstation's choice, else the system's language
    if not hasattr(app, "dermadesk_gc"):
        app.dermadesk_gc = collect_on_gui_thread(app)  # type: ignore[attr-defined]
    return app  # type: ignore[return-value]


def collect_on_gui_thread(app: QCoreApplication) -> QTimer:
    """Python's cycle collector otherwise runs on whichever thread happens to allocate, and freeing a Qt
    object on the database thread crashes: switch it off and collect on a GUI-thread timer instead."""
    thresholds = gc.get_threshold()
    gc.disable()

    def collect() -> None:  # the generations Python itself would have collected by now
        for generation, (count, threshold) in enumerate(zip(gc.get_count(), thresholds, strict=True)):
            if count <= threshold:
                break
            gc.collect(generation)

    timer = QTimer(app, interval=1000)
    timer.timeout.connect(collect)
    timer.start()
    return timer


@dataclass
class LaunchRequest:
    path: Path
    demo: bool = False


class DesktopSession:
    """One run of the app: the window, the task runner, the open database and who is signed in."""

    def __init__(self, make_workspace: Callable[[PassphrasePrompt], Workspace], request: LaunchRequest) -> None:
        self.request = request
        self.runner = TaskRunner(self._on_task_failed)
        self.window = MainWindow()
        self.workspace = make_workspace(GuiPassphrasePrompt(self.window))
        self.opened: OpenedDatabase | None = None
        self.services: Services | None = None
        self.ctx: AppContext | None = None
        self.idle: IdleWatcher | None = None
        self.window.closing.connect(self.close)
        self.window.lock_requested.connect(self.lock)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.language_changed.connect(lambda _code: self.refresh_status())

    def start(self) -> None:
        self.window.show_status(_tr("Opening the clinic database…"))
        self.window.show()
        settings: ClinicSettings | None = DEMO_SETTINGS if self.request.demo else None
        self.runner.database(
            lambda: self.workspace.open(self.request.path, create=True, settings=settings),
            on_done=self._on_database_opened,
            on_error=self._on_open_failed,
        )

    def _on_database_opened(self, opened: OpenedDatabase) -> None:
        self.opened = opened
        self.services = self.workspace.services(opened, None)
        if self.request.demo and opened.new_key is not None:
            maker = self.workspace.services(opened, SYSTEM_ACTOR)

            def fill(progress: ProgressReporter) -> None:
                maker.demo.generate(DemoSpec(DEMO_PATIENTS), progress)

            self.runner.database(
                fill,
                on_done=lambda _: self._welcome(),
                progress=_tr("Creating the demo clinic…"),
                parent=self.window,
            )
        else:
            self._welcome()

    def _welcome(self) -> None:
        services = self.services
        assert services is not None
        self.runner.database(
            lambda: (services.staff.needs_owner(), services.clinic.settings()), on_done=self._on_welcome_ready
        )

    def _on_welcome_ready(self, ready: tuple[bool, ClinicSettings]) -> None:
        needs_owner, clinic = ready
        assert self.services is not None and self.opened is not None
        if needs_owner:
            recovery = self.opened.new_key.recovery_key if self.opened.new_key else None
            dialog: QDialog = SetupDialog(self.services, self.runner, recovery, self.window)
        else:
            hint = (
                _tr("Demo accounts: grace (owner), dr.hart (practitioner), lily (reception); password: %1").replace(
                    "%1", DEMO_PASSWORD
                )
                if self.request.demo
                else ""
            )
            dialog = SignInDialog(self.services, self.runner, clinic.name, hint, self.window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if self.opened.new_key is not None:
            self.opened.new_key = None  # shown once: the recovery key does not stay in memory
        if not accepted:
            self.window.close()
            return
        self._enter()

    def _enter(self) -> None:
        """Signed in: build the pages for this user and start watching for idleness."""
        services = self.services
        assert services is not None
        self.runner.database(services.clinic.settings, on_done=self._show_pages)

    def _show_pages(self, clinic: ClinicSettings) -> None:
        assert self.services is not None
        self.ctx = AppContext(self.services, self.runner, clinic=clinic)
        self.window.show_pages(self.ctx)
        self.window.setWindowTitle(f"{clinic.name} — DermaDesk")
        self.idle = IdleWatcher(clinic.idle_lock_minutes, parent=self.window)
        self.idle.idle.connect(self.lock)
        self.ctx.signals.settings_changed.connect(self._on_settings_changed)
        self.refresh_status()

    def _on_settings_changed(self) -> None:
        if self.idle is not None and self.ctx is not None:
            self.idle.set_minutes(self.ctx.clinic.idle_lock_minutes)
        self.refresh_status()

    def refresh_status(self) -> None:
        opened, services = self.opened, self.services
        if opened is None or services is None:
            return
        user = services.context.actor

        def show(info) -> None:  # type: ignore[no-untyped-def]
            who = f"{user.display_name} ({role_name(user.role)}) · " if user else ""
            count = self.window.locale().toString(info.patient_count)
            self.window.show_status(
                f"{who}{info.clinic_name} · {count} "
                + _tr("patients")
                + " · "
                + _tr("encrypted (SQLCipher %1)").replace("%1", info.cipher_version.split()[0])
            )

        self.runner.database(lambda: describe(opened), on_done=show)

    def lock(self) -> None:
        """Take every page out of the widget tree and cover the window; only a sign-in brings them back.
        Open dialogs are closed first, and the pages are dropped once their nested event loops have
        returned: deleting a page under its own open question box frees that box twice."""
        if self.services is None or self.ctx is None:
            return
        if self.idle is not None:
            self.idle.stop()
            self.idle = None
        self.ctx = None
        while (modal := QApplication.activeModalWidget()) is not None and modal is not self.window:
            modal.close()
            if isinstance(modal, QDialog):
                modal.reject()
            if QApplication.activeModalWidget() is modal:  # refuses to close: leave it, still lock
                break
        QTimer.singleShot(0, self._show_lock_screen)

    def _show_lock_screen(self) -> None:
        assert self.services is not None
        user = self.services.context.actor
        self.window.clear_pages()
        screen = LockScreen(self.services, self.runner, user.display_name if user else "", self.window)
        screen.unlocked.connect(self._enter)
        screen.sign_out_requested.connect(self.sign_out)
        self.window.setCentralWidget(screen)

    def sign_out(self) -> None:
        """Queued behind the database work already under way, which still runs as the user who asked."""
        services = self.services
        if services is None:
            return
        if self.ctx is not None:
            self.lock()
        self.runner.database(services.staff.sign_out, on_done=lambda _: self._welcome())

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
