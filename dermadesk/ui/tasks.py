"""The one way to run work off the GUI thread: a single database thread, a compute pool,
results back on the GUI thread by signal, progress with Cancel after ~600 ms."""

from __future__ import annotations

import logging
import os
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 600


class TaskProgress:
    """The reporter a service sees: report() crosses to the GUI by signal; cancelled() is a flag."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        self._signals.progressed.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _TaskSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _TaskSignals, progress: TaskProgress | None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._signals, self._progress = fn, signals, progress

    def run(self) -> None:
        try:
            result = self._fn(self._progress) if self._progress is not None else self._fn()
        except BaseException as error:
            log.info("task failed: %s", type(error).__name__)
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


class Task(QObject):
    """A running piece of work; keeps its signals alive until it ends."""

    finished = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        fn: Callable[..., Any],
        owner: QWidget | None = None,
    ) -> None:
        super().__init__(runner)
        # Holding the work here keeps its last reference on the GUI thread: a closure over a widget freed on
        # the database thread would delete a Qt object there.
        self._fn: Callable[..., Any] | None = fn
        self._owner = weakref.ref(owner) if owner is not None else None
        self.signals = _TaskSignals()
        self.progress: TaskProgress | None = None
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._on_done, self._on_error, self._runner = on_done, on_error, runner
        self.signals.succeeded.connect(self._on_signals_succeeded)
        self.signals.failed.connect(self._on_signals_failed)

    def show_progress_later(self, title: str, parent: QWidget | None) -> None:
        self._timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._timer.timeout.connect(lambda: self._show_dialog(title, parent))
        self.signals.progressed.connect(self._on_signals_progressed)
        self._timer.start()

    def _show_dialog(self, title: str, parent: QWidget | None) -> None:
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._on_dialog_canceled)
        dialog.show()
        self._dialog = dialog

    def _on_dialog_canceled(self) -> None:
        if self.progress:
            self.progress.cancel()
        if self._dialog:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    def _on_signals_progressed(self, done: int, total: int, message: str) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total))
            if message:
                self._dialog.setLabelText(message)

    def _end(self) -> None:
        if self._timer:
            self._timer.stop()
        if self._dialog:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        self._runner.forget(self)
        self._fn = None
        self.finished.emit()

    def _owner_gone(self) -> bool:
        """The widget that asked was closed (lock, sign-out) before the answer came: drop the answer."""
        if self._owner is None:
            return False
        owner = self._owner()
        return owner is None or not shiboken6.isValid(owner)

    def _on_signals_succeeded(self, result: object) -> None:
        self._end()
        if self._on_done and not self._owner_gone():
            self._on_done(result)

    def _on_signals_failed(self, error: BaseException) -> None:
        self._end()
        if not self._owner_gone():
            (self._on_error or self._runner.default_error_handler)(error)


class TaskRunner(QObject):
    """`runner.database(fn, on_done=…)` for anything touching the database (one thread, in order);
    `runner.compute(fn, …)` for numeric or PDF work that does not."""

    def __init__(self, error_handler: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = QThreadPool(self)
        self._db.setMaxThreadCount(1)  # one database thread, as Anki and Picard settled on
        self._compute = QThreadPool(self)
        self._compute.setMaxThreadCount(max(1, (os.cpu_count() or 2) - 1))
        self._running: set[Task] = set()
        self.default_error_handler = error_handler

    def database(self, fn: Callable[..., Any], **kwargs: Any) -> Task:
        return self._start(self._db, fn, **kwargs)

    def compute(self, fn: Callable[..., Any], **kwargs: Any) -> Task:
        return self._start(self._compute, fn, **kwargs)

    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        """With `progress` (a title), fn receives a reporter and a dialog with Cancel appears after 600 ms.
        `parent`, when given, owns the answer: if it is deleted first, on_done and on_error are skipped."""
        task = Task(self, on_done, on_error, fn, parent)
        if progress is not None:
            task.progress = TaskProgress(task.signals)
            task.show_progress_later(progress, parent)
        self._running.add(task)
        pool.start(_Runnable(fn, task.signals, task.progress))
        return task

    def forget(self, task: Task) -> None:
        self._running.discard(task)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pools are empty (shutdown and tests only)."""
        return self._db.waitForDone(msecs) and self._compute.waitForDone(msecs)
