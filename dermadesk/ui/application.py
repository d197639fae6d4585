"""The desktop application: open the clinic database off the GUI thread, first start or sign-in, the main
window, and the idle lock that takes every page (and its patient data) out of the widget tree."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dermadesk import __version__
from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.ports import PassphrasePrompt, ProgressReporter
from dermadesk.domain.staff import BreakGlassSession, Permission
from dermadesk.services.backups import BackupEntry
from dermadesk.services.context import SYSTEM_ACTOR
from dermadesk.services.database import OpenedDatabase, check_after_open, describe
from dermadesk.services.demo import DEMO_PASSWORD, DEMO_SETTINGS, DemoSpec
from dermadesk.services.workspace import Services, Workspace
from dermadesk.ui import i18n
from dermadesk.ui.app_context import AppContext
from dermadesk.ui.app_icon import app_icon
from dermadesk.ui.dialogs.break_glass_notice import BreakGlassNoticeDialog
from dermadesk.ui.dialogs.clinic_location_dialog import ClinicLocationDialog
from dermadesk.ui.dialogs.passphrase_dialog import GuiPassphrasePrompt
from dermadesk.ui.dialogs.setup_dialog import SetupDialog
from dermadesk.ui.dialogs.sign_in_dialog import SignInDialog
from dermadesk.ui.fonts import install_fonts
from dermadesk.ui.i18n import WORDS
from dermadesk.ui.idle_watcher import IdleWatcher
from dermadesk.ui.main_window import MainWindow
from dermadesk.ui.messages import error_text
from dermadesk.ui.single_instance import SingleInstance
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
    app.setWindowIcon(app_icon())  # type: ignore[union-attr]  # every window and dialog, and the taskbar
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


SERVER_KEY = "database/server_url"  # the clinic server chosen at first start (window-state settings, no secret)
REFRESH_MS = 60_000  # on a server, others' changes show within a minute (and whenever the window comes back)


@dataclass
class LaunchRequest:
    path: Path | str  # a database file, or a clinic server URL
    demo: bool = False
    chosen: bool = False  # given with --db: used as it is, never replaced by a saved server


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
        self.break_glass_notice: BreakGlassNoticeDialog | None = None
        self._backup_checked = False
        self.window.closing.connect(self.close)
        self.window.lock_requested.connect(self.lock)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.language_changed.connect(lambda _code: self.refresh_status())

    def start(self) -> None:
        self.window.show_status(_tr("Opening the clinic database…"))
        self.window.show()
        location = self._location()
        if location is None:
            self.window.close()
            return
        settings: ClinicSettings | None = DEMO_SETTINGS if self.request.demo else None
        self.runner.database(
            lambda: self.workspace.open(location, create=True, settings=settings, check_later=True),
            on_done=self._on_database_opened,
            on_error=self._on_open_failed,
        )

    def _location(self) -> Path | str | None:
        """--db as given; else the clinic server chosen before; else, on a first start, ask where the data is."""
        path = self.request.path
        if self.request.chosen or self.request.demo:
            return path
        saved = QSettings().value(SERVER_KEY)
        if saved:
            return str(saved)
        if isinstance(path, Path) and not path.exists():
            dialog = ClinicLocationDialog(path, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            location = dialog.location()
            if isinstance(location, str):
                QSettings().setValue(SERVER_KEY, location)
            return location
        return path

    def _on_database_opened(self, opened: OpenedDatabase) -> None:
        self.opened = opened
        self.services = self.workspace.services(opened, None)
        if not opened.checked:  # a big file: its quick_check runs first on the database thread, before any write
            self.runner.database(lambda: check_after_open(opened), on_done=lambda _: self._show_damage(opened))
        self._show_damage(opened)
        if opened.server is not None:
            self._watch_for_others()
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

    def _show_damage(self, opened: OpenedDatabase) -> None:
        if opened.damage:
            self.window.show_banner(
                _tr(
                    "This database failed its start-up check and is open read-only: nothing can be saved. "
                    "It has not been changed. Restore a backup (dermadesk backup restore) or call for help."
                )
            )

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
        context = self.services.context
        if context.break_glass and context.break_glass_until is not None:
            left = (context.break_glass_until - context.clock.now()).total_seconds()
            QTimer.singleShot(max(0, int(left * 1000)), self.ctx.signals, self._on_emergency_over)
        if self.ctx.may(Permission.MANAGE_STAFF):  # an owner sees emergency sessions until acknowledged
            self.runner.database(self.services.staff.unacknowledged_break_glass, on_done=self._on_break_glass_listed)
        self.run_daily_backup()

    def _on_break_glass_listed(self, sessions: list[BreakGlassSession]) -> None:
        if not sessions or self.ctx is None or self.services is None:
            return
        self.break_glass_notice = BreakGlassNoticeDialog(self.services, self.runner, sessions, self.window)
        self.break_glass_notice.open()

    def _on_emergency_over(self) -> None:
        """An emergency session ends on time: its pages go, and only a sign-in brings the window back."""
        if self.services is None or not self.services.context.break_glass:
            return
        minutes = self.services.context.break_glass_minutes
        self.sign_out()
        self.window.show_error(error_text(DermaDeskError(ErrorCode.SESSION_ENDED, {"minutes": minutes})))

    def run_daily_backup(self) -> None:
        """Once per run, after the first sign-in: the daily backup if the last is a day old, on the database
        thread. Not on a damaged database: a backup of it would fail its check, and rotation must not let
        older sound backups go. Not on a clinic server: its operators back it up with pg_dump."""
        opened = self.opened
        if self._backup_checked or opened is None or opened.read_only or opened.path is None:
            return
        self._backup_checked = True
        backups = self.workspace.backup_service(opened)

        def due_then_last() -> BackupEntry | None:
            backups.run_due()
            return backups.last()

        def done(last: BackupEntry | None) -> None:
            when = QLocale().toString(last.made_at.astimezone(), QLocale.FormatType.ShortFormat) if last else "—"
            self.window.show_backup_status(_tr("Last backup: %1").replace("%1", when))

        def failed(error: BaseException) -> None:
            self.window.show_backup_status(_tr("Automatic backup failed: %1").replace("%1", error_text(error)))

        self.window.show_backup_status(_tr("Backing up…"))
        self.runner.database(due_then_last, on_done=done, on_error=failed)

    def _watch_for_others(self) -> None:
        """Other workstations change the clinic too: refresh the open views now and then, and on coming back."""
        self.refresh_timer = QTimer(self.window, interval=REFRESH_MS)
        self.refresh_timer.timeout.connect(self._on_refresh_due)
        self.refresh_timer.start()
        app = QApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._on_refresh_due()

    def _on_refresh_due(self) -> None:
        if self.ctx is not None:
            self.ctx.signals.refresh_requested.emit()

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
            until = services.context.break_glass_until
            if services.context.break_glass and until is not None:
                who = _tr("EMERGENCY ACCESS until %1 · ").replace("%1", until.astimezone().strftime("%H:%M")) + who
            count = self.window.locale().toString(info.patient_count)
            where = (
                _tr("clinic server %1 (%2)").replace("%1", str(info.path)).replace("%2", info.cipher_version)
                if opened.server is not None
                else _tr("encrypted (SQLCipher %1)").replace("%1", info.cipher_version.split()[0])
            )
            self.window.show_status(f"{who}{info.clinic_name} · {count} " + _tr("patients") + " · " + where)

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
        if isinstance(error, DermaDeskError) and error.code is ErrorCode.SESSION_ENDED:
            self.sign_out()

    def close(self) -> None:
        self.runner.wait()
        if self.opened is not None:
            self.opened.close()
            self.opened = None


def run(make_workspace: Callable[[PassphrasePrompt], Workspace], request: LaunchRequest) -> int:
    app = create_application()
    instance = SingleInstance(request.path)
    if not instance.claim():
        if not instance.ask_first_to_come_forward():
            QMessageBox.information(
                None,
                "DermaDesk",
                QCoreApplication.translate("run", "DermaDesk is already open on this database in another window."),
            )
        print("dermadesk: already open on this database; its window was asked to come forward", file=sys.stderr)
        return 0
    session = DesktopSession(make_workspace, request)
    instance.activation_requested.connect(session.window.bring_forward)
    session.start()
    try:
        return app.exec()
    finally:
        instance.release()
