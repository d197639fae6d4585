"""Idle detection for the screen lock: any key, click, mouse move or wheel in the app counts as activity."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_INTERVAL_MS = 5_000


class IdleWatcher(QObject):
    """Emits `idle` once after `minutes` without activity; activity starts the count again."""

    idle = Signal()

    def __init__(
        self, minutes: float, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.minutes = minutes
        self._clock = clock
        self._last_activity = clock()
        self._fired = False
        self._app = QCoreApplication.instance()
        self._setup_timer()
        if self._app is not None:
            self._app.installEventFilter(self)

    def _setup_timer(self) -> None:
        # never check less often than a quarter of the idle time, so a short lock is not late by much
        interval = max(250, min(CHECK_INTERVAL_MS, int(self.minutes * 60_000 / 4)))
        self._timer = QTimer(self, interval=interval)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def set_minutes(self, minutes: float) -> None:
        """A new idle time from the clinic settings; the count so far still holds."""
        self.minutes = minutes
        self._timer.stop()
        self._setup_timer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt's name
        if event.type() in ACTIVITY_EVENTS:
            self.reset()
        return False  # only watching: every event goes on to where it was going

    def reset(self) -> None:
        self._last_activity = self._clock()
        self._fired = False

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    def check(self) -> None:
        """Emit `idle` if the app has been idle long enough (called by the timer; public for tests)."""
        if not self._fired and self.idle_seconds() >= self.minutes * 60:
            self._fired = True
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
