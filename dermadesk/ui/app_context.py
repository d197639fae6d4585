"""What every page and dialog gets: the services of the signed-in user, the task runner, app-wide signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from dermadesk.domain.clinic import ClinicSettings
from dermadesk.domain.staff import Permission, StaffUser
from dermadesk.services.workspace import Services
from dermadesk.ui.tasks import Task, TaskRunner


class AppSignals(QObject):
    """Cross-page events: past-tense facts, or requests ending in _requested."""

    patient_open_requested = Signal(int)  # show this patient's profile
    patient_changed = Signal(int)  # a patient's record, timeline or readings changed
    alerts_changed = Signal()
    appointments_changed = Signal()
    settings_changed = Signal()
    review_finished = Signal()
    new_patient_requested = Signal()
    refresh_requested = Signal()  # other workstations may have changed what is shown (a clinic server)
    language_requested = Signal(str)  # show the UI in this language (a code of ui/i18n.LANGUAGES)


@dataclass
class AppContext:
    services: Services
    runner: TaskRunner
    signals: AppSignals = field(default_factory=AppSignals)
    clinic: ClinicSettings = field(default_factory=ClinicSettings)

    @property
    def user(self) -> StaffUser | None:
        return self.services.context.actor

    def may(self, permission: Permission) -> bool:
        """For showing or hiding controls only: the services enforce every permission themselves."""
        return self.user is not None and self.user.may(permission)

    def db(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        """Run a service call on the database thread; on_done gets its result on the GUI thread."""
        return self.runner.database(fn, on_done=on_done, on_error=on_error, progress=progress, parent=parent)

    def compute(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        return self.runner.compute(fn, on_done=on_done, on_error=on_error, progress=progress, parent=parent)
